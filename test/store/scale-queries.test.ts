import { beforeEach, describe, expect, it } from 'vitest';
import type { Priority } from '../../lib/categories';
import type { Order, OrderStatus } from '../../lib/customers/order';
import { db, type Conversation, type StoredMessage } from '../../lib/db';
import { retention, weekdayHourHeatmap, weeklyTrend } from '../../lib/metrics/metrics';
import { periodMetrics } from '../../lib/metrics/popup-metrics';
import { settingsSchema } from '../../lib/settings';
import { allConversationRecords, badgeCount, conversationSla, ordersForRetention, popupData } from '../../lib/store/metrics';
import { conversationRecord, slaSettingsOf } from '../../lib/metrics/popup-figures';
import { conversationGaps, type KbGap } from '../../lib/store/kb';
import { fillDerived, storedOrderDays, conversationFactsComplete } from '../../lib/store/derived';
import { retentionOfDays } from '../../lib/metrics/order-days';
import { openCountsByPriority } from '../../lib/store/queue';
import { pick, seededRandom } from '../kb/prng';

// The indexed queries behind the popup must give exactly what reading every row gave before:
// each test builds random stores and compares with that straightforward computation.

const DAY = 86_400_000;
const NOW = new Date('2026-11-25T15:00:00Z');
const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];
const STATUSES: OrderStatus[] = ['paid', 'paid', 'paid', 'partially_refunded', 'refunded', 'pending', 'voided', 'failed'];

function randomStores(seed: number): { conversations: Conversation[]; messages: StoredMessage[]; orders: Order[] } {
  const random = seededRandom(seed);
  const conversations: Conversation[] = [];
  const messages: StoredMessage[] = [];
  for (let i = 0; i < 120; i++) {
    const id = `gmail:t${i}`;
    const createdAt = NOW.getTime() - random() * 90 * DAY;
    const count = Math.floor(random() * 6);
    const dates: number[] = [];
    let at = createdAt;
    for (let m = 0; m < count; m++) {
      // Some messages carry no date or one that does not parse, as a page may give.
      const undated = random() < 0.1;
      if (!undated) dates.push(at);
      const date = undated ? (random() < 0.5 ? undefined : 'not a date') : new Date(at).toISOString();
      messages.push({ id: `${id}#${m}`, conversationId: id, index: m, fromName: '', fromEmail: '', date, body: 'x', fromMe: random() < 0.5, headerOnly: false });
      at += random() * 3 * DAY;
    }
    const state = pick(random, ['open', 'waiting', 'resolved'] as const);
    // lastMessageAt and updatedAt as saveOpenedThread stores them (updatedAt: the last save).
    const lastMessageAt = dates.length ? Math.max(...dates) : createdAt;
    const conversation: Conversation = {
      id, site: 'gmail', threadId: `t${i}`, subject: 's', customerEmail: 'c@example.com', customerName: 'C', messageCount: count, url: '',
      state, createdAt, updatedAt: Math.max(createdAt, lastMessageAt) + random() * DAY, lastMessageAt,
    };
    if (random() < 0.9) {
      conversation.triage = {
        category: 'other', confidence: 1, urgency: 'low', importance: 'low', priority: pick(random, PRIORITIES), sentiment: 'neutral',
        lang: 'en', reasons: [], suggestions: [], at: createdAt, engine: 'lexical',
      };
    }
    if (state === 'resolved') conversation.resolvedAt = at + random() * DAY;
    if (random() < 0.4) conversation.rating = { value: (1 + Math.floor(random() * 5)) as 1, at: at, source: 'manual' };
    conversations.push(conversation);
  }
  const orders: Order[] = Array.from({ length: 300 }, (_, i) => {
    const total = Math.round(random() * 20_000) / 100;
    return {
      id: `plain:${i}`, email: `c${Math.floor(random() * 40)}@example.com`, date: new Date(NOW.getTime() - random() * 800 * DAY).toISOString(),
      total, refunded: random() < 0.2 ? Math.round(total * random() * 100) / 100 : 0, status: pick(random, STATUSES), source: 'plain',
    };
  });
  return { conversations, messages, orders };
}

/**
 * Stores the rows directly, as a database from before the derived tables (v4) has them; with
 * `derived`, then builds the thread stats and order summary as the worker does on its first start.
 */
async function store(seed: number, derived = false) {
  const data = randomStores(seed);
  await db.conversations.bulkPut(data.conversations);
  await db.messages.bulkPut(data.messages);
  await db.orders.bulkPut(data.orders);
  if (derived) {
    // Small steps, so threads and conversations straddle the chunks' edges.
    expect(await fillDerived(7)).toEqual({ conversations: data.conversations.length, orderDays: true, atRisk: true });
    expect(await conversationFactsComplete()).toBe(true);
  }
  return data;
}

// Figures from the mail and orders themselves, and from the derived rows once they are built.
const SOURCES = [
  ['read from the mail', false],
  ['read from the derived rows', true],
] as const;

beforeEach(async () => {
  await db.delete();
  await db.open();
});

const SEEDS = [1, 2, 3, 4, 5];

describe('popup figures from indexed ranges equal the figures from every stored row', () => {
  it.each(SEEDS)('queue counts from index counts (seed %i)', async (seed) => {
    const { conversations } = await store(seed);
    const expected: Record<Priority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
    for (const c of conversations) if (c.state !== 'resolved' && c.triage) expected[c.triage.priority]++;
    expect(await openCountsByPriority()).toEqual(expected);
  });

  describe.each(SOURCES)('%s', (_, derived) => {
    it.each(SEEDS)('metrics, trend and heatmap of the last 30 days (seed %i)', async (seed) => {
      const { orders } = await store(seed, derived);
      const settings = settingsSchema.parse({ timeZone: 'Europe/Berlin', costLabour: 500, costTools: 20 });
      const sla = slaSettingsOf(settings);
      const from = new Date(NOW.getTime() - 30 * DAY);
      const to = new Date(NOW.getTime() + 1);
      const records = await allConversationRecords(sla, NOW);
      const recent = records.filter((r) => Date.parse(r.createdAt) >= from.getTime());
      expect(recent.length).toBeGreaterThan(10);
      const costs = { labour: 500, tools: 20, operations: 0 };
      const data = await popupData(settings, NOW, 30);
      expect(data.metrics).toEqual(periodMetrics({ conversations: records, orders, from, to, costs, businessHours: sla.businessHours }));
      expect(data.trend).toEqual(weeklyTrend(recent, from, NOW, 'Europe/Berlin'));
      expect(data.heatmap).toEqual(weekdayHourHeatmap(recent, 'Europe/Berlin'));
    });

    it.each(SEEDS)('the badge equals one SLA clock per conversation from its own messages (seed %i)', async (seed) => {
      const { conversations, messages } = await store(seed, derived);
      const sla = slaSettingsOf(settingsSchema.parse({ timeZone: 'UTC' }));
      let expected = 0;
      for (const c of conversations) {
        if (c.state === 'resolved' || !c.triage) continue;
        const state = conversationSla(c, messages.filter((m) => m.conversationId === c.id), sla, NOW).state;
        if (c.triage.priority === 'P1' || state === 'at-risk' || state === 'breached') expected++;
      }
      expect(expected).toBeGreaterThan(0);
      expect(await badgeCount(sla, NOW)).toBe(expected);
    });
  });

  it.each(SEEDS)('all records for the export equal one record per conversation from its own messages (seed %i)', async (seed) => {
    const { conversations, messages } = await store(seed);
    const sla = slaSettingsOf(settingsSchema.parse({ timeZone: 'UTC' }));
    const expected = conversations.map((c) => conversationRecord(c, messages.filter((m) => m.conversationId === c.id), sla, NOW));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(await allConversationRecords(sla, NOW)).toEqual(expected.sort(byId));
  });

  it.each(SEEDS)('retention over the orders of the date range equals retention over all orders (seed %i)', async (seed) => {
    const { orders } = await store(seed);
    const from = new Date(NOW.getTime() - 30 * DAY);
    const near = await ordersForRetention(from, NOW);
    expect(near.length).toBeLessThan(orders.length);
    expect(retention(near, from, NOW)).toEqual(retention(orders, from, NOW));
  });

  it.each(SEEDS)('retention from the counted-order summary equals retention over all orders, for any window (seed %i)', async (seed) => {
    const { orders } = await store(seed, true);
    const days = (await storedOrderDays())!;
    expect(days.orders).toBe(orders.length);
    const random = seededRandom(seed);
    for (let i = 0; i < 50; i++) {
      const from = new Date(NOW.getTime() - random() * 700 * DAY);
      const to = new Date(from.getTime() + random() * 90 * DAY);
      const lookbackDays = pick(random, [30, 365]);
      expect(retentionOfDays(days, from, to, { lookbackDays })).toEqual(retention(orders, from, to, { lookbackDays }));
    }
  });

  it.each(SEEDS)('KB gaps from one message query equal the gaps read thread by thread (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const conversations: Conversation[] = [];
    const messages: StoredMessage[] = [];
    for (let i = 0; i < 40; i++) {
      const id = `gmail:g${i}`;
      // Up to 14 messages: '#10' sorts before '#2' by key, the thread order must still hold.
      const count = Math.floor(random() * 15);
      for (let m = 0; m < count; m++) {
        messages.push({ id: `${id}#${m}`, conversationId: id, index: m, fromName: 'N', fromEmail: `n${i}@x.com`, body: `m${m}`, fromMe: random() < 0.4, headerOnly: false });
      }
      conversations.push({
        id, site: 'gmail', threadId: `g${i}`, subject: `s${i}`, customerEmail: `n${i}@x.com`, customerName: 'N', messageCount: count, url: '', state: 'open',
        createdAt: 0, updatedAt: 0, lastMessageAt: 0,
        // Some not triaged yet: no suggestions to judge, so never a gap.
        ...(random() < 0.1 ? {} : {
          triage: { category: 'other', confidence: 1, urgency: 'low', importance: 'low', priority: 'P4', sentiment: 'neutral', lang: 'en', reasons: [], suggestions: random() < 0.7 ? [] : [{ id: 'a', score: 1 }], at: 0, engine: 'lexical' },
        }),
      });
    }
    await db.conversations.bulkPut(conversations);
    await db.messages.bulkPut(messages);
    // The straightforward reading: each conversation's thread by its own [conversationId+index] range.
    const expected: KbGap[] = [];
    for (const c of [...conversations].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!c.triage || c.triage.suggestions.length !== 0) continue;
      const thread = await db.messages.where('[conversationId+index]').between([c.id, 0], [c.id, Infinity]).toArray();
      const reply = thread.findIndex((m, i) => m.fromMe && i > 0 && thread.slice(0, i).some((q) => !q.fromMe));
      if (reply < 0) continue;
      const question = thread.slice(0, reply).filter((m) => !m.fromMe);
      const asked = question.at(-1)!;
      expected.push({ key: c.id, question: question.map((m) => m.body).join('\n\n'), reply: thread[reply].body, from: { name: asked.fromName, email: asked.fromEmail }, subject: c.subject, origin: 'conversation' });
    }
    expect(expected.length).toBeGreaterThan(3);
    expect(await conversationGaps()).toEqual(expected);
  });
});
