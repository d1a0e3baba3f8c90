import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Settings } from '@/lib/settings';
import { popupData, type PopupData } from '@/lib/store/metrics';
import { loadCachedPopupData, saveCachedPopupData } from '@/lib/store/popup-cache';
import { reportError } from '@/lib/log';
import { measured } from '@/lib/timing';

/** How long the fresh figures may take before the last ones are shown instead (marked as updating). */
const SHOW_LAST_AFTER_MS = 100;

export type PopupFigures = { data: PopupData; fresh: true } | { data: PopupData; fresh: false; computedAt: number };

/**
 * The popup's figures, live. A small store answers within a frame or two and only fresh figures are
 * ever shown; a store of years answers in seconds, so after SHOW_LAST_AFTER_MS the last figures
 * computed appear until the fresh ones replace them.
 */
export function usePopupData(settings: Settings | undefined, days: number): PopupFigures | undefined {
  // Not before the stored settings are read: figures in the default time zone and costs would be wrong.
  const fresh = useLiveQuery(() => (settings ? measured('popupData', () => popupData(settings, new Date(), days)) : undefined), [settings, days]);
  const [last, setLast] = useState<{ data: PopupData; computedAt: number }>();

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      loadCachedPopupData(days)
        .then((cached) => !cancelled && cached && setLast(cached))
        .catch((error: unknown) => reportError('popup', error));
    }, SHOW_LAST_AFTER_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [days]);

  useEffect(() => {
    if (fresh) saveCachedPopupData(days, fresh).catch((error: unknown) => reportError('popup', error));
  }, [fresh, days]);

  if (fresh) return { data: fresh, fresh: true };
  if (last) return { data: last.data, fresh: false, computedAt: last.computedAt };
  return undefined;
}
