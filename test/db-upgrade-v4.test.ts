import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import { conversationFactsOf } from '../lib/metrics/conversation-facts';
import { fillDerived, storedOrderDays, conversationFactsComplete } from '../lib/store/derived';
import { badgeCount, popupData } from '../lib/store/metrics';
import { slaSettingsOf } from '../lib/metrics/popup-figures';
import { settingsSchema } from '../lib/settings';
import { releasedDexie, releasedTriage } from './helpers/released-schemas';

const NOW = new Date('2026-11-25T15:00:00Z');
const DAY = 86_400_000;

/** The product's database as version 3 left it: conversations with their mail, and orders. */
async function releasedV3(): Promise<void> {
  await Dexie.delete('solodesk');
  const old = releasedDexie('solodesk', 3);
  for (let i = 0; i < 12; i++) {
    const id = `gmail:${i}`;
    const start = NOW.getTime() - (i * 3 + 1) * DAY;
    const state = i % 3 === 0 ? 'resolved' : 'open';
    await old.table('conversations').put({
      id, site: 'gmail', threadId: `${i}`, subject: 's', customerEmail: 'a@x.com', customerName: 'A', messageCount: 2, url: '', state,
      createdAt: start, updatedAt: start, lastMessageAt: start + 3_600_000, triage: releasedTriage(['P1', 'P2', 'P3', 'P4'][i % 4]),
      ...(state === 'resolved' ? { resolvedAt: start + 5 * 3_600_000 } : {}),
    });
    await old.table('messages').bulkPut([
      { id: `${id}#0`, conversationId: id, index: 0, fromName: 'A', fromEmail: 'a@x.com', date: new Date(start).toISOString(), body: 'help', fromMe: false, headerOnly: false },
      ...(i % 2 ? [{ id: `${id}#1`, conversationId: id, index: 1, fromName: 'Me', fromEmail: 'me@shop.com', date: new Date(start + 3_600_000).toISOString(), body: 'done', fromMe: true, headerOnly: false }] : []),
    ]);
  }
  for (let i = 0; i < 30; i++) {
    await old.table('orders').put({ id: `plain:${i}`, email: `c${i % 7}@x.com`, date: new Date(NOW.getTime() - i * 20 * DAY).toISOString(), total: 10, refunded: 0, status: 'paid', source: 'plain' });
  }
  old.close();
}

afterEach(() => db.close());

describe('upgrade to version 4 (derived tables for the popup)', () => {
  it('opens a version 3 database with every row kept; the first fill gives the same figures from the derived rows', async () => {
    await releasedV3();
    await db.open();
    expect(db.verno).toBe(5);
    expect([await db.conversations.count(), await db.messages.count(), await db.orders.count()]).toEqual([12, 18, 30]);
    expect([await db.conversationFacts.count(), await db.summaries.count()]).toEqual([0, 0]);

    const settings = settingsSchema.parse({ timeZone: 'UTC', costLabour: 100 });
    const sla = slaSettingsOf(settings);
    const fromMail = await popupData(settings, NOW, 30);
    const badgeFromMail = await badgeCount(sla, NOW);
    expect(fromMail.metrics['first-response-minutes']).toBeDefined();
    expect(fromMail.metrics['retention-percent']).toBeDefined();

    expect(await fillDerived()).toEqual({ conversations: 12, orderDays: true, atRisk: true });
    expect(await conversationFactsComplete()).toBe(true);
    expect((await storedOrderDays())?.orders).toBe(30);
    const thread = await db.messages.where('conversationId').equals('gmail:5').toArray();
    expect(await db.conversationFacts.get('gmail:5')).toEqual(conversationFactsOf((await db.conversations.get('gmail:5'))!, thread));
    expect(await popupData(settings, NOW, 30)).toEqual(fromMail);
    expect(await badgeCount(sla, NOW)).toBe(badgeFromMail);
  });
});
