import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import type { Order } from '../lib/customers/order';
import { conversationFactsOf, startDayOf } from '../lib/metrics/conversation-facts';
import { orderDaysOf } from '../lib/metrics/order-days';
import { slaSettingsOf } from '../lib/metrics/popup-figures';
import { conversationFactsComplete, fillDerived, storedOrderDays, storedQueueCounts } from '../lib/store/derived';
import { badgeCount, popupData } from '../lib/store/metrics';
import { settingsSchema } from '../lib/settings';
import { releasedDexie, releasedTriage } from './helpers/released-schemas';

const NOW = new Date('2026-11-25T15:00:00Z');
const DAY = 86_400_000;

/**
 * The product's database as version 4 left it after its fill: conversations with their mail and
 * facts, orders over two years, and the summaries, the order summary still as one row.
 */
async function releasedV4(): Promise<void> {
  await Dexie.delete('solodesk');
  const old = releasedDexie('solodesk', 4);
  for (let i = 0; i < 40; i++) {
    const id = `gmail:${i}`;
    const start = NOW.getTime() - (i * 1.7 + 0.3) * DAY;
    const state = i % 3 === 0 ? 'resolved' : i % 5 === 0 ? 'waiting' : 'open';
    const conversation = {
      id, site: 'gmail', threadId: `${i}`, subject: 's', customerEmail: `c${i % 9}@x.com`, customerName: 'A', messageCount: 2, url: '', state,
      createdAt: start, updatedAt: start, lastMessageAt: start + 3_600_000, triage: releasedTriage(['P1', 'P2', 'P3', 'P4'][i % 4]),
      ...(state === 'resolved' ? { resolvedAt: start + 5 * 3_600_000 } : {}),
      ...(i % 4 === 1 ? { rating: { value: 4, at: start, source: 'mail' } } : {}),
    };
    const messages = [
      { id: `${id}#0`, conversationId: id, index: 0, fromName: 'A', fromEmail: `c${i % 9}@x.com`, date: new Date(start).toISOString(), body: 'help', fromMe: false, headerOnly: false },
      ...(i % 2 ? [{ id: `${id}#1`, conversationId: id, index: 1, fromName: 'Me', fromEmail: 'me@shop.com', date: new Date(start + 3_600_000).toISOString(), body: 'done', fromMe: true, headerOnly: false }] : []),
    ];
    await old.table('conversations').put(conversation);
    await old.table('messages').bulkPut(messages);
    await old.table('conversationFacts').put(conversationFactsOf(conversation as never, messages));
  }
  const orders: Order[] = Array.from({ length: 60 }, (_, i) => ({
    id: `plain:${i}`, email: `c${i % 11}@x.com`, date: new Date(NOW.getTime() - i * 13 * DAY).toISOString(), total: 10, refunded: 0, status: 'paid', source: 'plain',
  })) as Order[];
  await old.table('orders').bulkPut(orders);
  await old.table('summaries').bulkPut([
    { key: 'conversationFactsComplete', value: true },
    { key: 'orderDays', value: orderDaysOf(orders) },
    { key: 'atRiskCustomers', value: ['c1@x.com'] },
    { key: 'queueCounts', value: { P1: 6, P2: 7, P3: 7, P4: 6 } },
  ]);
  old.close();
}

afterEach(() => db.close());

describe('upgrade to version 5 (the popup reads facts by day and orders by block)', () => {
  it('keeps every row, sets the derived rows to be rebuilt, and the fill gives the same figures as the mail', async () => {
    await releasedV4();
    await db.open();
    expect(db.verno).toBe(5);
    expect([await db.conversations.count(), await db.messages.count(), await db.orders.count(), await db.conversationFacts.count()]).toEqual([40, 60, 60, 40]);
    // The marks of complete facts and the one-row order summary are gone; the other summaries stay.
    expect(await conversationFactsComplete()).toBe(false);
    expect(await storedOrderDays()).toBeUndefined();
    expect(await storedQueueCounts()).toEqual({ P1: 6, P2: 7, P3: 7, P4: 6 });
    expect([await db.factsByDay.count(), await db.orderBlocks.count()]).toEqual([0, 0]);

    const settings = settingsSchema.parse({ timeZone: 'UTC', costLabour: 100 });
    const sla = slaSettingsOf(settings);
    const fromMail = await popupData(settings, NOW, 30);
    const badgeFromMail = await badgeCount(sla, NOW);
    expect(fromMail.metrics['within-sla-percent']).toBeDefined();
    expect(fromMail.metrics['churn-percent']).toBeDefined();

    expect(await fillDerived()).toEqual({ conversations: 0, orderDays: true, atRisk: false });
    expect(await conversationFactsComplete()).toBe(true);
    // Every conversation's facts in its start day's row, once.
    const facts = await db.conversationFacts.toArray();
    const days = await db.factsByDay.toArray();
    expect(days.flatMap((d) => d.facts).sort((a, b) => a.id.localeCompare(b.id))).toEqual(facts.sort((a, b) => a.id.localeCompare(b.id)));
    for (const d of days) for (const f of d.facts) expect(startDayOf(f)).toBe(d.day);
    expect(await storedOrderDays()).toEqual(orderDaysOf(await db.orders.toArray()));
    expect(await db.orderBlocks.count()).toBeGreaterThan(20);

    expect(await popupData(settings, NOW, 30)).toEqual(fromMail);
    expect(await badgeCount(sla, NOW)).toBe(badgeFromMail);
  });
});
