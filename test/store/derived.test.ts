import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../lib/customers/order';
import { db, type StoredTriage } from '../../lib/db';
import { retention } from '../../lib/metrics/metrics';
import { retentionOfDays } from '../../lib/metrics/order-days';
import { conversationFactsOf, startDayOf } from '../../lib/metrics/conversation-facts';
import { createBackup, deleteAllData, restoreBackup } from '../../lib/store/backup';
import { saveOpenedThread, saveTriage, setConversationState, setCorrectedCategory } from '../../lib/store/conversations';
import { setCsatOptOut, setManualRating } from '../../lib/store/metrics';
import { countQueues, fillDerived, storedAtRiskEmails, storedOrderDays, storedQueueCounts, conversationFactsComplete } from '../../lib/store/derived';
import { openCountsByPriority } from '../../lib/store/queue';
import { storeOrders } from '../../lib/store/orders';
import { mailThread } from '../helpers/thread';

const TAB = { tabId: 1, windowId: 1 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function order(id: number, email: string, date: string, status: Order['status'] = 'paid'): Order {
  return { id: `plain:${id}`, email, date, total: 20, refunded: status === 'refunded' ? 20 : 0, status, source: 'plain' };
}

/** What the facts of a stored conversation must be: computed afresh from its row and stored messages. */
async function expectedFacts(conversationId: string) {
  const conversation = (await db.conversations.get(conversationId))!;
  const messages = await db.messages.where('conversationId').equals(conversationId).sortBy('index');
  return conversationFactsOf(conversation, messages);
}

/** The facts table and the popup's day rows hold the same facts, each in its start day's row, once. */
async function expectDaysTrue(step = '') {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const days = await db.factsByDay.toArray();
  expect(days.flatMap((d) => d.facts).sort(byId), step).toEqual((await db.conversationFacts.toArray()).sort(byId));
  for (const d of days) {
    expect(d.facts.length, step).toBeGreaterThan(0);
    for (const f of d.facts) expect(startDayOf(f), step).toBe(d.day);
  }
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('conversation facts are stored with the conversation', () => {
  it('writes them when a thread is saved and replaces them when it grows', async () => {
    const thread = mailThread('t1', [['ann@x.com', 'Where is my parcel?']]);
    thread.messages[0].date = '2026-11-20T09:00:00.000Z';
    await saveOpenedThread(thread, TAB, 1_000);
    const asked = Date.parse('2026-11-20T09:00:00Z');
    expect(await db.conversationFacts.get('gmail:t1')).toEqual({ id: 'gmail:t1', state: 'open', startedAt: asked, waits: [[asked, null]], lastFromMe: false });

    thread.messages.push({ from: { name: 'me', email: 'me@shop.com' }, body: 'On its way.', date: '2026-11-20T10:30:00.000Z', fromMe: true, headerOnly: false });
    await saveOpenedThread(thread, TAB, 2_000);
    const stats = await db.conversationFacts.get('gmail:t1');
    expect(stats).toEqual(await expectedFacts('gmail:t1'));
    expect(stats).toMatchObject({ firstResponseAt: Date.parse('2026-11-20T10:30:00Z'), lastFromMe: true });
    await expectDaysTrue();
  });

  it('move to another day when the thread turns out to start earlier, leaving no empty day row behind', async () => {
    const thread = mailThread('t5', [['ann@x.com', 'Still waiting']]);
    thread.messages[0].date = '2026-11-20T09:00:00.000Z';
    await saveOpenedThread(thread, TAB, 1_000);
    const sameDay = mailThread('t6', [['bob@x.com', 'Same day']]);
    sameDay.messages[0].date = '2026-11-20T10:00:00.000Z';
    await saveOpenedThread(sameDay, TAB, 1_000);
    // The site showed the older part of the thread this time.
    thread.messages.unshift({ from: { name: 'Ann', email: 'ann@x.com' }, body: 'My order is late', date: '2026-11-12T08:00:00.000Z', fromMe: false, headerOnly: false });
    await saveOpenedThread(thread, TAB, 2_000);
    expect((await db.conversationFacts.get('gmail:t5'))?.startedAt).toBe(Date.parse('2026-11-12T08:00:00Z'));
    const day = startDayOf({ startedAt: Date.parse('2026-11-20T09:00:00Z') });
    expect((await db.factsByDay.get(day))?.facts.map((f) => f.id)).toEqual(['gmail:t6']);
    await saveOpenedThread({ ...sameDay, messages: [{ ...sameDay.messages[0], date: '2026-11-13T10:00:00.000Z' }] }, TAB, 3_000);
    expect(await db.factsByDay.get(day)).toBeUndefined();
    await expectDaysTrue();
  });

  it('starts an undated thread when it was first stored', async () => {
    const thread = mailThread('t2', [['ann@x.com', 'Hello']]);
    delete thread.messages[0].date;
    await saveOpenedThread(thread, TAB, 5_000);
    await saveOpenedThread(thread, TAB, 9_000);
    expect(await db.conversationFacts.get('gmail:t2')).toEqual({ id: 'gmail:t2', state: 'open', startedAt: 5_000, waits: [] });
  });

  it('follows every change of the conversation: triage, resolving, reopening, ratings', async () => {
    const thread = mailThread('t4', [['ann@x.com', 'Broken'], ['me@shop.com', 'Sorry! Replacement sent.', true]]);
    await saveOpenedThread(thread, TAB, 1_000);
    const triage: StoredTriage = { category: 'other', confidence: 1, urgency: 'high', importance: 'high', priority: 'P1', sentiment: 'negative', lang: 'en', reasons: [], suggestions: [], at: 2, engine: 'lexical' };
    const steps: [string, () => Promise<void>][] = [
      ['triaged', () => saveTriage('gmail:t4', triage)],
      ['category corrected', () => setCorrectedCategory('gmail:t4', 'refund')],
      ['resolved', () => setConversationState('gmail:t4', 'resolved')],
      ['rated by hand', () => setManualRating('gmail:t4', 5)],
      ['rating removed', () => setManualRating('gmail:t4', undefined)],
      ['opted out of CSAT', () => setCsatOptOut('gmail:t4', true)],
      ['reopened', () => setConversationState('gmail:t4', 'open')],
    ];
    for (const [step, run] of steps) {
      await run();
      expect(await db.conversationFacts.get('gmail:t4'), step).toEqual(await expectedFacts('gmail:t4'));
      await expectDaysTrue(step);
    }
    expect(await db.conversationFacts.get('gmail:t4')).toMatchObject({ priority: 'P1', state: 'open' });
    expect(await db.conversationFacts.get('gmail:t4')).not.toHaveProperty('resolvedAt');
  });

  it('are written by the store alone: no other code in lib/ writes a conversation row', () => {
    const writers = sourceFiles('lib').filter((file) => /db\.conversations\.(put|bulkPut|add|bulkAdd|update|modify|upsert)\(/.test(readFileSync(file, 'utf8')));
    expect(writers).toEqual(['lib/store/conversations.ts']);
  });
});

describe('the queue counts are kept with every conversation change', () => {
  const triage = (priority: StoredTriage['priority']): StoredTriage => ({ category: 'other', confidence: 1, urgency: 'high', importance: 'high', priority, sentiment: 'neutral', lang: 'en', reasons: [], suggestions: [], at: 2, engine: 'lexical' });

  it('equal the index counted afresh after saves, triage, re-triage, resolving, reopening and a reply', async () => {
    await fillDerived();
    expect(await storedQueueCounts()).toEqual({ P1: 0, P2: 0, P3: 0, P4: 0 });
    const ann = mailThread('q1', [['ann@x.com', 'Broken']]);
    const bob = mailThread('q2', [['bob@x.com', 'Invoice?']]);
    const steps: [string, () => Promise<unknown>, Record<string, number>][] = [
      ['saved, not triaged: in no queue', () => saveOpenedThread(ann, TAB, 1_000), { P1: 0, P2: 0, P3: 0, P4: 0 }],
      ['triaged P1', () => saveTriage('gmail:q1', triage('P1')), { P1: 1, P2: 0, P3: 0, P4: 0 }],
      ['a second one, P4', async () => (await saveOpenedThread(bob, TAB, 2_000), saveTriage('gmail:q2', triage('P4'))), { P1: 1, P2: 0, P3: 0, P4: 1 }],
      ['re-triaged P2', () => saveTriage('gmail:q1', triage('P2')), { P1: 0, P2: 1, P3: 0, P4: 1 }],
      ['category corrected: no move', () => setCorrectedCategory('gmail:q1', 'refund'), { P1: 0, P2: 1, P3: 0, P4: 1 }],
      ['resolved', () => setConversationState('gmail:q1', 'resolved'), { P1: 0, P2: 0, P3: 0, P4: 1 }],
      ['reopened', () => setConversationState('gmail:q1', 'open'), { P1: 0, P2: 1, P3: 0, P4: 1 }],
      ['we replied: waiting on the customer, still counted', () => saveOpenedThread(mailThread('q2', [['bob@x.com', 'Invoice?'], ['me@shop.com', 'Attached.', true]]), TAB, 3_000), { P1: 0, P2: 1, P3: 0, P4: 1 }],
      ['resolved while waiting', () => setConversationState('gmail:q2', 'resolved'), { P1: 0, P2: 1, P3: 0, P4: 0 }],
      ['a change to a conversation that is not stored', () => saveTriage('gmail:nope', triage('P1')), { P1: 0, P2: 1, P3: 0, P4: 0 }],
    ];
    for (const [step, run, expected] of steps) {
      await run();
      expect(await storedQueueCounts(), step).toEqual(expected);
      expect(await countQueues(), step).toEqual(expected);
    }
  });

  it('are rebuilt by restore and delete all, and put right by the next fill when wrong or damaged', async () => {
    await fillDerived();
    await saveOpenedThread(mailThread('q3', [['ann@x.com', 'Help']]), TAB, 1_000);
    await saveTriage('gmail:q3', triage('P3'));
    const backup = JSON.stringify(await createBackup());
    await deleteAllData();
    expect(await storedQueueCounts()).toEqual({ P1: 0, P2: 0, P3: 0, P4: 0 });
    await restoreBackup(backup);
    expect(await storedQueueCounts()).toEqual({ P1: 0, P2: 0, P3: 1, P4: 0 });

    await db.summaries.put({ key: 'queueCounts', value: { P1: 5, P2: 0, P3: 0, P4: 0 } });
    await fillDerived();
    expect(await storedQueueCounts()).toEqual({ P1: 0, P2: 0, P3: 1, P4: 0 });
    await db.summaries.put({ key: 'queueCounts', value: { P1: -1, P2: 'x' } });
    expect(await storedQueueCounts()).toBeUndefined();
    expect(await openCountsByPriority()).toEqual({ P1: 0, P2: 0, P3: 1, P4: 0 });
  });

  it('are counted from the index while not built yet (a database from before them)', async () => {
    await saveOpenedThread(mailThread('q4', [['ann@x.com', 'Help']]), TAB, 1_000);
    await saveTriage('gmail:q4', triage('P1'));
    expect(await storedQueueCounts()).toBeUndefined();
    expect(await openCountsByPriority()).toEqual({ P1: 1, P2: 0, P3: 0, P4: 0 });
  });
});

describe('the counted-order summary is stored with the orders', () => {
  it('is rebuilt by every orders import and gives the retention of the orders themselves', async () => {
    const first = [order(1, 'a@x.com', '2025-12-01T00:00:00Z'), order(2, 'b@x.com', '2026-01-10T00:00:00Z'), order(3, 'c@x.com', '2026-02-01T00:00:00Z', 'refunded')];
    await storeOrders(first, new Date('2026-11-25T00:00:00Z'), { lifespanYears: 3 });
    expect(await storedOrderDays()).toMatchObject({ orders: 3, customers: 2 });

    const second = [order(4, 'a@x.com', '2026-11-01T00:00:00Z'), order(3, 'c@x.com', '2026-02-01T00:00:00Z', 'paid')];
    await storeOrders(second, new Date('2026-11-25T00:00:00Z'), { lifespanYears: 3 });
    const days = (await storedOrderDays())!;
    expect(days.orders).toBe(4);
    const all = [first[0], first[1], ...second];
    const from = new Date('2026-10-26T00:00:00Z');
    const to = new Date('2026-11-25T00:00:00Z');
    expect(retentionOfDays(days, from, to)).toEqual(retention(all, from, to));
    expect(retentionOfDays(days, from, to)).toMatchObject({ initial: 3, retained: 1 });
    // The blocks from the lookback before the period on give the same figures as the whole summary.
    const lookback = { lookbackDays: 200 };
    const recent = (await storedOrderDays(from.getTime() - lookback.lookbackDays * 86_400_000))!;
    expect(recent.at.length).toBeLessThan(days.at.length);
    expect(retentionOfDays(recent, from, to, lookback)).toEqual(retentionOfDays(days, from, to, lookback));
  });

  it('is not used when its blocks do not fit its header (damaged): retention then comes from the orders', async () => {
    await storeOrders([order(1, 'a@x.com', '2026-01-01T00:00:00Z'), order(2, 'b@x.com', '2026-11-01T00:00:00Z')], new Date('2026-11-25T00:00:00Z'), { lifespanYears: 3 });
    expect(await storedOrderDays()).toBeDefined();
    const [first] = await db.orderBlocks.toArray();
    await db.orderBlocks.put({ ...first, who: new Uint32Array([7]) });
    expect(await storedOrderDays()).toBeUndefined();
    await db.orderBlocks.put({ ...first, block: first.block + 3 });
    expect(await storedOrderDays()).toBeUndefined();
  });
});

describe('restore and delete all keep the derived rows true', () => {
  it('builds the stats of every restored conversation and the order summary in the restore itself', async () => {
    const thread = mailThread('t3', [['ann@x.com', 'Refund please'], ['me@shop.com', 'Done', true]]);
    thread.messages[1].date = '2026-11-20T11:00:00.000Z';
    await saveOpenedThread(thread, TAB, 1_000);
    await db.orders.put(order(1, 'ann@x.com', '2026-03-01T00:00:00Z'));
    await db.customers.put({ email: 'bob@x.com', name: 'Bob', firstSeenAt: 1, lastSeenAt: 1, clv: 900, tier: 'vip', behaviour: { pAlive: 0.1, expectedPurchasesNextYear: 0.2, predictiveClv: 90, atRisk: true } });
    const backup = JSON.stringify(await createBackup());
    await deleteAllData();
    expect(await db.conversationFacts.count()).toBe(0);

    expect(await restoreBackup(backup)).toMatchObject({ ok: true });
    expect(await db.conversationFacts.toArray()).toEqual([await expectedFacts('gmail:t3')]);
    await expectDaysTrue();
    expect(await conversationFactsComplete()).toBe(true);
    expect(await storedOrderDays()).toMatchObject({ orders: 1, customers: 1 });
    expect(await storedAtRiskEmails()).toEqual(['bob@x.com']);
    // Derived rows are never part of a backup.
    expect(Object.keys(JSON.parse(backup).tables)).not.toContain('threadStats');
  });
});

describe('filling the derived rows of a database from before them', () => {
  it('builds stats for conversations without them, never overwrites stored ones, and then has nothing to do', async () => {
    for (const id of ['a', 'b', 'c']) await saveOpenedThread(mailThread(id, [['ann@x.com', `Question ${id}`]]), TAB, 1_000);
    await db.orders.put(order(1, 'ann@x.com', '2026-03-01T00:00:00Z'));
    // As before v4: no summaries; stats for one conversation only, which must be kept as it is.
    await db.summaries.clear();
    await db.conversationFacts.bulkDelete(['gmail:a', 'gmail:b']);
    const kept = { id: 'gmail:c', state: 'open' as const, startedAt: 42, waits: [] };
    await db.conversationFacts.put(kept);

    expect(await conversationFactsComplete()).toBe(false);
    expect(await fillDerived()).toEqual({ conversations: 2, orderDays: true, atRisk: true });
    expect(await conversationFactsComplete()).toBe(true);
    expect(await db.conversationFacts.get('gmail:a')).toEqual(await expectedFacts('gmail:a'));
    expect(await db.conversationFacts.get('gmail:c')).toEqual(kept);
    expect((await storedOrderDays())?.orders).toBe(1);
    await expectDaysTrue();

    expect(await fillDerived()).toEqual({ conversations: 0, orderDays: false, atRisk: false });
  });
});
