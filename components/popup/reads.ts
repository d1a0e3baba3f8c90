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
 * start-up. The queue counts (one summary row) are asked for first: IndexedDB answers one request
 * after another, and asked after the figures' rows they came back only once the figures had been
 * computed and drawn, for a second render at the end (at 100k messages: counts at 77-81 ms against
 * the rows' 47-50). While the counts were eight index counts (~35 ms) the rows went first.
 */
export function startPopupReads(days = PERIOD_DAYS): PopupReads {
  const counts = startLiveStore(() => measured('openCounts', openCountsByPriority));
  const rows = startLiveStore(() => measured('popupRows', () => readPopupRows(new Date(), days)));
  return {
    rows,
    counts,
    stop() {
      rows.stop();
      counts.stop();
    },
  };
}
