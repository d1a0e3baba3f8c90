/**
 * The popup's first reads, started before the rest of its bundle is evaluated
 * (entrypoints/popup/main.tsx imports entrypoints/popup/prefetch.ts first). The bundle takes
 * ~25-40 ms to evaluate on a 2-core machine while IndexedDB sits idle; these raw reads fill that wait, and
 * the bundle turns their rows into the popup's first figures (lib/store/metrics.ts
 * popupRowsOfPrefetch). The popup's live queries still run, confirm them and take over.
 *
 * To run first, this module imports nothing but types and the extension API (the settings'
 * module would bring zod, the store's Dexie) and keeps its own copy of a few constants. The
 * bundle checks that what was read covers what it needs, and test/store/popup-prefetch.test.ts
 * that the constants agree with the store's.
 */

/** The Dexie database (lib/db.ts), and the stores the popup reads from it (schema v5 on). */
export const PREFETCH_DB = 'solodesk';
const STORES = ['summaries', 'factsByDay', 'orderBlocks'] as const;
/** Summary rows: the facts-complete mark, the queue counts, the order summary's header. */
export const PREFETCH_SUMMARIES = ['conversationFactsComplete', 'queueCounts', 'orderDays'] as const;

const MS_PER_DAY = 86_400_000;
/** The popup's period, the retention lookback before it, and the order blocks' length, in days. */
export const PREFETCH_PERIOD_DAYS = 30;
export const PREFETCH_LOOKBACK_DAYS = 365;
export const PREFETCH_BLOCK_DAYS = 30;

/** What the prefetch read, as stored: nothing in it is checked yet. */
export interface PopupPrefetch {
  /** The instant the period ends at. */
  now: number;
  days: number;
  /** Day rows read: keys ≥ this (UTC days since 1970). */
  fromDay: number;
  /** Order blocks read: keys ≥ this. */
  fromBlock: number;
  summaries: Partial<Record<(typeof PREFETCH_SUMMARIES)[number], unknown>>;
  factsDays: unknown[];
  blocks: unknown[];
}

/** The storage.local key of the settings (lib/settings.ts SETTINGS_KEY). */
export const PREFETCH_SETTINGS_KEY = 'settings';

/** What the page's bundle picks up (components/popup/reads.ts). */
export interface PopupPrefetchStarted {
  store: Promise<PopupPrefetch | undefined>;
  /** The stored settings as they are (unchecked), or undefined when they could not be read. */
  settings: Promise<{ stored: unknown } | undefined>;
}

declare global {
  // eslint-disable-next-line no-var
  var solodeskPopupPrefetch: PopupPrefetchStarted | undefined;
}

const settle = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/**
 * Opens the existing database at whatever version it has (creating none: a missing database's
 * creation is aborted) and reads the popup's rows in one read-only transaction. Undefined when
 * there is no database yet or it lacks the stores (an older schema before its upgrade): the
 * bundle's own reads then do everything, as they would without this.
 */
export function prefetchPopup(idb: IDBFactory, now = Date.now(), days = PREFETCH_PERIOD_DAYS): Promise<PopupPrefetch | undefined> {
  const from = now - days * MS_PER_DAY;
  const fromDay = Math.floor(from / MS_PER_DAY);
  const fromBlock = Math.floor((from - PREFETCH_LOOKBACK_DAYS * MS_PER_DAY) / (PREFETCH_BLOCK_DAYS * MS_PER_DAY));
  return new Promise<IDBDatabase | undefined>((resolve) => {
    const request = idb.open(PREFETCH_DB);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    // No `blocked` to handle: an open without a version never asks others to close.
    request.onerror = () => resolve(undefined);
  }).then(async (database) => {
    if (!database) return undefined;
    // Never stand in the way of an upgrade the bundle's Dexie may start.
    database.onversionchange = () => database.close();
    try {
      if (!STORES.every((name) => database.objectStoreNames.contains(name))) return undefined;
      const tx = database.transaction([...STORES], 'readonly');
      const summaries = tx.objectStore('summaries');
      const [values, factsDays, blocks] = await Promise.all([
        Promise.all(PREFETCH_SUMMARIES.map((key) => settle(summaries.get(key)))),
        settle(tx.objectStore('factsByDay').getAll(IDBKeyRange.lowerBound(fromDay))),
        settle(tx.objectStore('orderBlocks').getAll(IDBKeyRange.lowerBound(fromBlock))),
      ]);
      const summaryValues = Object.fromEntries(
        PREFETCH_SUMMARIES.map((key, i) => [key, (values[i] as { value?: unknown } | undefined)?.value]),
      ) as PopupPrefetch['summaries'];
      return { now, days, fromDay, fromBlock, summaries: summaryValues, factsDays, blocks };
    } finally {
      database.close();
    }
  });
}

/** The part of storage.local the prefetch uses. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
}

/** The settings as stored. */
export async function prefetchSettings(area: SettingsArea): Promise<{ stored: unknown }> {
  return { stored: (await area.get(PREFETCH_SETTINGS_KEY))[PREFETCH_SETTINGS_KEY] };
}

/**
 * Starts the prefetch for the page's bundle to pick up (components/popup/reads.ts); a failure
 * only means the bundle reads alone. Each part leaves a User Timing measure for the scale bench.
 */
export function startPopupPrefetch(area: SettingsArea = browser.storage.local): void {
  const timed = <T>(name: string, read: () => Promise<T | undefined>): Promise<T | undefined> => {
    const start = performance.now();
    return read()
      .catch(() => undefined)
      .finally(() => performance.measure(`solodesk:${name}`, { start, end: performance.now() }));
  };
  globalThis.solodeskPopupPrefetch = {
    store: timed('popupPrefetch', () => prefetchPopup(indexedDB)),
    settings: timed('settingsPrefetch', () => prefetchSettings(area)),
  };
}
