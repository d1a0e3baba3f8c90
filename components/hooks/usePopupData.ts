import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '@/lib/settings';
import { popupFigures, type PopupData, type PopupRows } from '@/lib/metrics/popup-figures';
import { loadCachedPopupData, saveCachedPopupData } from '@/lib/store/popup-cache';
import { reportError } from '@/lib/log';

/** How long the fresh figures may take before the last ones are shown instead (marked as updating). */
const SHOW_LAST_AFTER_MS = 100;

export type PopupFigures = { data: PopupData; fresh: true } | { data: PopupData; fresh: false; computedAt: number };

/**
 * The popup's figures from its live rows, in the stored settings (not before they are read: figures
 * in the default time zone and costs would be wrong). A small store answers within a frame or two
 * and only fresh figures are ever shown; a store of years answers in seconds, so after
 * SHOW_LAST_AFTER_MS the last figures computed appear until the fresh ones replace them.
 */
export function usePopupData(rows: PopupRows | undefined, settings: Settings | undefined, days: number): PopupFigures | undefined {
  const fresh = useMemo(() => (rows && settings ? popupFigures(rows, settings) : undefined), [rows, settings]);
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
