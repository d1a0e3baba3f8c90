import { PRIORITIES, type Priority } from '@/lib/categories';
import { startLiveStore, type LiveStore } from '@/lib/store/live-store';
import { popupRowsOfPrefetch, queueCountsOfPrefetch, readPopupRows } from '@/lib/store/metrics';
import { type PopupRows } from '@/lib/metrics/popup-figures';
import type { PopupPrefetchStarted } from '@/lib/store/popup-prefetch';
import { early, type Early } from '@/lib/early';
import { settingsOf, type Settings } from '@/lib/settings';
import { openCountsByPriority } from '@/lib/store/queue';
import { measured } from '@/lib/timing';

export const PERIOD_DAYS = 30;

/** The popup's store reads, live: the rows of its figures and the open conversations per queue. */
export interface PopupReads {
  rows: LiveStore<PopupRows>;
  counts: LiveStore<Record<Priority, number>>;
  /** The settings the prefetch read, for the first figures (no value without a prefetch). */
  settings: Early<Settings>;
  stop(): void;
}

/**
 * Starts the popup's reads. The page calls this before React renders, so the reads overlap its
 * start-up; the first rows, counts and settings usually come from the prefetch the page started
 * before the rest of its bundle was evaluated (lib/store/popup-prefetch.ts), and the live
 * queries confirm or replace them.
 * The queue counts (one summary row) are asked for first: IndexedDB answers one request after
 * another, and asked after the figures' rows they came back only once the figures had been
 * computed and drawn, for a second render at the end (at 100k messages: counts at 77-81 ms against
 * the rows' 47-50). While the counts were eight index counts (~35 ms) the rows went first.
 */
export function startPopupReads(days = PERIOD_DAYS, prefetch = takePopupPrefetch()): PopupReads {
  const prefetched = prefetch?.store;
  const counts = startLiveStore(() => measured('openCounts', openCountsByPriority), {
    promise: prefetched?.then((p) => p && queueCountsOfPrefetch(p)) ?? Promise.resolve(undefined),
    same: (early, answer) => PRIORITIES.every((p) => early[p] === answer[p]),
  });
  const rows = startLiveStore(() => measured('popupRows', () => readPopupRows(new Date(), days)), {
    promise: prefetched?.then((p) => p && popupRowsOfPrefetch(p, days)) ?? Promise.resolve(undefined),
    same: samePopupRows,
  });
  return {
    rows,
    counts,
    settings: early(prefetch?.settings.then((read) => read && settingsOf(read.stored))),
    stop() {
      rows.stop();
      counts.stop();
    },
  };
}

/** The prefetch this page started (entrypoints/popup/prefetch.ts), taken once. */
function takePopupPrefetch(): PopupPrefetchStarted | undefined {
  const prefetch = globalThis.solodeskPopupPrefetch;
  globalThis.solodeskPopupPrefetch = undefined;
  return prefetch;
}

/**
 * The same rows, whatever instant each was read at: the same facts and the same retention. Rows
 * of mail (a store whose facts are still being filled) are never taken for the same: their
 * threads are a Map, which JSON does not show.
 */
export function samePopupRows(early: PopupRows, answer: PopupRows): boolean {
  if (!('facts' in early.recent) || !('facts' in answer.recent)) return false;
  return early.days === answer.days && JSON.stringify(early.recent) === JSON.stringify(answer.recent) && JSON.stringify(early.retention) === JSON.stringify(answer.retention);
}
