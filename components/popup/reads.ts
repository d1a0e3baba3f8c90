import type { Priority } from '@/lib/categories';
import { startLiveStore, type LiveStore } from '@/lib/store/live-store';
import { readPopupRows } from '@/lib/store/metrics';
import { type PopupRows } from '@/lib/metrics/popup-figures';
import { openCountsByPriority } from '@/lib/store/queue';
import { measured } from '@/lib/timing';

export const PERIOD_DAYS = 30;

/** The popup's store reads, live: the rows of its figures and the open conversations per queue. */
export interface PopupReads {
  rows: LiveStore<PopupRows>;
  counts: LiveStore<Record<Priority, number>>;
  stop(): void;
}

/**
 * Starts the popup's reads. The page calls this before React renders, so the reads overlap its
 * start-up; the rows go first because IndexedDB answers one request after another and the figures
 * are the longer wait (the eight queue counts, asked first, held them back by ~35 ms at 100k messages).
 */
export function startPopupReads(days = PERIOD_DAYS): PopupReads {
  const rows = startLiveStore(() => measured('popupRows', () => readPopupRows(new Date(), days)));
  const counts = startLiveStore(() => measured('openCounts', openCountsByPriority));
  return {
    rows,
    counts,
    stop() {
      rows.stop();
      counts.stop();
    },
  };
}
