/**
 * The popup's prefetch (lib/store/popup-prefetch.ts): its raw reads, turned into rows by the
 * bundle, are exactly the rows the popup's own reads give; where they cannot be (no database, an
 * older schema, facts still being filled, a range it did not cover, damaged rows) it stands aside.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PERIOD_DAYS } from '../../components/popup/reads';
import { PRIORITIES } from '../../lib/categories';
import { db, type StoredTriage } from '../../lib/db';
import { popupFigures } from '../../lib/metrics/popup-figures';
import { RETENTION_LOOKBACK_DAYS } from '../../lib/metrics/metrics';
import { BLOCK_DAYS } from '../../lib/metrics/order-days';
import { settingsOf, settingsSchema, SETTINGS_KEY } from '../../lib/settings';
import { saveOpenedThread, saveTriage } from '../../lib/store/conversations';
import { FACTS_COMPLETE, fillDerived, ORDER_DAYS, QUEUE_COUNTS } from '../../lib/store/derived';
import { popupRowsOfPrefetch, queueCountsOfPrefetch, readPopupRows } from '../../lib/store/metrics';
import { storeOrders } from '../../lib/store/orders';
import {
  PREFETCH_BLOCK_DAYS,
  PREFETCH_DB,
  PREFETCH_LOOKBACK_DAYS,
  PREFETCH_PERIOD_DAYS,
  PREFETCH_SETTINGS_KEY,
  PREFETCH_SUMMARIES,
  prefetchPopup,
  prefetchSettings,
  type PopupPrefetch,
} from '../../lib/store/popup-prefetch';
import { openCountsByPriority } from '../../lib/store/queue';
import { releasedDexie } from '../helpers/released-schemas';
import { mailThread } from '../helpers/thread';

const NOW = Date.UTC(2026, 10, 25, 12);
const DAY = 86_400_000;
const TAB = { tabId: 1, windowId: 1 };
const SETTINGS = settingsSchema.parse({});
const triage = (priority: StoredTriage['priority']): StoredTriage => ({ category: 'other', confidence: 1, urgency: 'high', importance: 'high', priority, sentiment: 'neutral', lang: 'en', reasons: [], suggestions: [], at: 2, engine: 'lexical' });

/** Conversations over the last two months (some before the period) and orders over two years. */
async function seed(): Promise<void> {
  for (let i = 0; i < 24; i++) {
    const asked = new Date(NOW - (i * 2.5 + 0.3) * DAY).toISOString();
    const thread = mailThread(`t${i}`, [[`c${i % 7}@x.com`, 'Where is my parcel?'], ...(i % 3 ? [] : [['me@shop.com', 'On its way.', true] as [string, string, boolean]])]);
    thread.messages.forEach((m, k) => (m.date = new Date(Date.parse(asked) + k * 3_600_000).toISOString()));
    await saveOpenedThread(thread, TAB, NOW - i * DAY);
    await saveTriage(`gmail:t${i}`, triage(PRIORITIES[i % 4]));
  }
  const orders = Array.from({ length: 90 }, (_, i) => ({
    id: `plain:${i}`,
    email: `c${i % 11}@x.com`,
    date: new Date(NOW - i * 8 * DAY).toISOString(),
    total: 20,
    refunded: 0,
    status: 'paid' as const,
    source: 'plain' as const,
  }));
  await storeOrders(orders, new Date(NOW));
  await fillDerived();
}

async function prefetched(): Promise<PopupPrefetch> {
  const read = await prefetchPopup(indexedDB, NOW);
  expect(read).toBeDefined();
  return read!;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the popup prefetch', () => {
  it('keeps its own constants equal to the store’s, page’s and settings’', () => {
    expect(PREFETCH_DB).toBe(db.name);
    expect(PREFETCH_PERIOD_DAYS).toBe(PERIOD_DAYS);
    expect(PREFETCH_LOOKBACK_DAYS).toBe(RETENTION_LOOKBACK_DAYS);
    expect(PREFETCH_BLOCK_DAYS).toBe(BLOCK_DAYS);
    expect([...PREFETCH_SUMMARIES].sort()).toEqual([FACTS_COMPLETE, ORDER_DAYS, QUEUE_COUNTS].sort());
    expect(PREFETCH_SETTINGS_KEY).toBe(SETTINGS_KEY);
  });

  it('gives the rows, figures and queue counts of the popup’s own reads', async () => {
    await seed();
    const rows = popupRowsOfPrefetch(await prefetched(), PERIOD_DAYS);
    const own = await readPopupRows(new Date(NOW), PERIOD_DAYS);
    expect(rows).toEqual(own);
    expect('facts' in own.recent && own.recent.facts.length).toBeGreaterThan(5);
    expect(own.retention.initial).toBeGreaterThan(0);
    expect(popupFigures(rows!, SETTINGS)).toEqual(popupFigures(own, SETTINGS));
    expect(queueCountsOfPrefetch(await prefetched())).toEqual(await openCountsByPriority());
  });

  it('creates no database where there is none, and reads nothing', async () => {
    db.close();
    await db.delete();
    expect(await prefetchPopup(indexedDB, NOW)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(PREFETCH_DB);
    await db.open();
  });

  it('stands aside for a database of an older schema, and does not hold up its upgrade', async () => {
    db.close();
    await db.delete();
    const v4 = releasedDexie(PREFETCH_DB, 4);
    await v4.open();
    await v4.table('conversations').put({ id: 'gmail:old', state: 'open', createdAt: 1, updatedAt: 1 });
    v4.close();
    expect(await prefetchPopup(indexedDB, NOW)).toBeUndefined();
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.conversations.count()).toBe(1);
  });

  it('gives no rows while the facts are still being filled, but still the queue counts', async () => {
    await seed();
    await db.summaries.delete(FACTS_COMPLETE);
    const read = await prefetched();
    expect(popupRowsOfPrefetch(read, PERIOD_DAYS)).toBeUndefined();
    expect(queueCountsOfPrefetch(read)).toEqual(await openCountsByPriority());
  });

  it('gives no rows for a period or lookback it did not read', async () => {
    await seed();
    const read = await prefetched();
    expect(popupRowsOfPrefetch(read, PERIOD_DAYS + 1)).toBeUndefined();
    expect(popupRowsOfPrefetch({ ...read, fromDay: read.fromDay + 1 }, PERIOD_DAYS)).toBeUndefined();
    expect(popupRowsOfPrefetch({ ...read, fromBlock: read.fromBlock + 1 }, PERIOD_DAYS)).toBeUndefined();
  });

  it('gives no rows from a damaged order summary, and no counts from damaged ones', async () => {
    await seed();
    const read = await prefetched();
    const [first, ...rest] = read.blocks as { block: number; at: Float64Array; who: Uint32Array }[];
    expect(popupRowsOfPrefetch({ ...read, blocks: [{ ...first, block: first.block + 1 }, ...rest] }, PERIOD_DAYS)).toBeUndefined();
    expect(popupRowsOfPrefetch({ ...read, summaries: { ...read.summaries, orderDays: { orders: 'many' } } }, PERIOD_DAYS)).toBeUndefined();
    expect(queueCountsOfPrefetch({ ...read, summaries: { ...read.summaries, queueCounts: { P1: -1, P2: 0, P3: 0, P4: 0 } } })).toBeUndefined();
  });

  it('reads the settings as stored, which the page checks as it would its own read', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...SETTINGS, costLabour: 1200 } });
    const read = await prefetchSettings(browser.storage.local as never);
    expect(settingsOf(read.stored).costLabour).toBe(1200);
    await browser.storage.local.set({ [SETTINGS_KEY]: { costLabour: 'a lot' } });
    expect(settingsOf((await prefetchSettings(browser.storage.local as never)).stored)).toEqual(SETTINGS);
    await browser.storage.local.clear();
  });
});
