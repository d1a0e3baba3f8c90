import { beforeEach, describe, expect, it } from 'vitest';
import { db, type Conversation, type StoredMessage } from '../../lib/db';
import { csatInvitation } from '../../lib/metrics/csat';
import { periodMetrics } from '../../lib/metrics/popup-metrics';
import { defaultSlaSettings } from '../../lib/metrics/sla';
import { setConversationState } from '../../lib/store/conversations';
import { allConversationRecords, badgeCount, conversationSla, popupData, ratingFromMessages, recordMailRating, setManualRating, withCsatInvite } from '../../lib/store/metrics';
import { conversationRecord } from '../../lib/metrics/popup-figures';
import { settingsSchema } from '../../lib/settings';

const SLA = defaultSlaSettings('UTC');
const settings = settingsSchema.parse({ timeZone: 'UTC', costLabour: 300 });

function conversation(id: string, priority: 'P1' | 'P2' | 'P3' | 'P4', state: Conversation['state'] = 'open'): Conversation {
  return {
    id, site: 'gmail', threadId: id, subject: id, customerEmail: 'c@example.com', customerName: 'C', messageCount: 2, url: '', state,
    createdAt: 0, updatedAt: 0, lastMessageAt: 0,
    triage: { category: 'other', confidence: 1, urgency: 'low', importance: 'low', priority, sentiment: 'neutral', lang: 'en', reasons: [], suggestions: [], at: 0, engine: 'lexical' },
  };
}

function message(conversationId: string, index: number, date: string, fromMe: boolean, body = 'hello'): StoredMessage {
  return { id: `${conversationId}#${index}`, conversationId, index, fromName: '', fromEmail: fromMe ? 'me@shop.com' : 'c@example.com', date, body, fromMe, headerOnly: false };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('SLA and metric records from stored conversations', () => {
  it.each([
    ['customer waiting 30 business minutes on P1 is ok', [message('a', 0, '2026-11-23T09:00:00Z', false)], '2026-11-23T09:30:00Z', 'ok', 30],
    ['customer waiting 50 minutes on P1 is at risk', [message('a', 0, '2026-11-23T09:00:00Z', false)], '2026-11-23T09:50:00Z', 'at-risk', 50],
    ['our reply last pauses the clock', [message('a', 0, '2026-11-23T09:00:00Z', false), message('a', 1, '2026-11-23T09:10:00Z', true)], '2026-11-23T12:00:00Z', 'waiting-on-customer', 0],
  ])('%s', (_, messages, now, state, minutes) => {
    const clock = conversationSla(conversation('a', 'P1'), messages, SLA, new Date(now));
    expect(clock).toMatchObject({ state, waitingMinutes: minutes });
  });

  it('takes the first response as our first message after the customer\'s first one', () => {
    const record = conversationRecord(
      conversation('a', 'P2'),
      [message('a', 0, '2026-11-23T10:00:00Z', false), message('a', 1, '2026-11-23T11:30:00Z', true)],
      SLA,
      new Date('2026-11-24T00:00:00Z'),
    );
    expect(record).toMatchObject({ createdAt: '2026-11-23T10:00:00.000Z', firstResponseAt: '2026-11-23T11:30:00.000Z', slaMet: true, priority: 'P2' });
  });

  it('computes the popup metrics from stored conversations exactly as periodMetrics does', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    // lastMessageAt is the newest message's date, as saveOpenedThread stores it.
    await db.conversations.bulkPut([
      { ...conversation('a', 'P1'), lastMessageAt: Date.parse('2026-11-23T10:30:00Z') },
      { ...conversation('b', 'P3'), lastMessageAt: Date.parse('2026-11-24T12:00:00Z') },
    ]);
    await db.messages.bulkPut([
      message('a', 0, '2026-11-23T10:00:00Z', false),
      message('a', 1, '2026-11-23T10:30:00Z', true),
      message('b', 0, '2026-11-24T10:00:00Z', false),
      message('b', 1, '2026-11-24T12:00:00Z', true),
    ]);
    await setManualRating('a', 5);
    const data = await popupData(settings, now);
    expect(data.metrics['first-response-minutes']).toBe(75);
    expect(data.metrics['csat-percent']).toBe(100);
    const from = new Date(now.getTime() - 30 * 86_400_000);
    const records = await allConversationRecords(SLA, now);
    const expected = periodMetrics({ conversations: records, orders: [], from, to: new Date(now.getTime() + 1), costs: { labour: 300, tools: 0, operations: 0 }, businessHours: SLA.businessHours });
    expect(data.metrics).toEqual(expected);
    expect(data.heatmap[1][10]).toBe(1); // Monday 10:00 UTC
  });

  it('sets resolvedAt when a conversation is resolved and clears it when reopened', async () => {
    await db.conversations.put(conversation('a', 'P2'));
    await setConversationState('a', 'resolved');
    expect((await db.conversations.get('a'))?.resolvedAt).toBeGreaterThan(0);
    await setConversationState('a', 'open');
    expect((await db.conversations.get('a'))?.resolvedAt).toBeUndefined();
  });

  it('counts open P1 plus at-risk conversations for the badge', async () => {
    await db.conversations.bulkPut([conversation('p1', 'P1'), conversation('late', 'P2'), conversation('calm', 'P4'), conversation('done', 'P1', 'resolved')]);
    await db.messages.bulkPut([message('late', 0, '2026-11-20T09:00:00Z', false), message('calm', 0, '2026-11-23T09:00:00Z', false)]);
    expect(await badgeCount(SLA, new Date('2026-11-23T10:00:00Z'))).toBe(2);
  });
});

describe('CSAT', () => {
  it('reads a number replied to our invitation and keeps a manual rating over it', async () => {
    await db.conversations.put(conversation('a', 'P2'));
    await db.messages.bulkPut([message('a', 0, '2026-11-23T09:00:00Z', false), message('a', 1, '2026-11-23T10:00:00Z', true, `Done.\n\n${csatInvitation('en')}`), message('a', 2, '2026-11-23T11:00:00Z', false, '4')]);
    expect(ratingFromMessages(await db.messages.toArray())?.value).toBe(4);
    await recordMailRating('a');
    expect((await db.conversations.get('a'))?.rating).toMatchObject({ value: 4, source: 'mail' });
    await setManualRating('a', 2);
    await recordMailRating('a');
    expect((await db.conversations.get('a'))?.rating).toMatchObject({ value: 2, source: 'manual' });
  });

  it.each([
    [true, false, 'Thanks', true],
    [false, false, 'Thanks', false],
    [true, true, 'Thanks', false],
  ])('csatInvite=%s optOut=%s appends the invitation: %s → %s', (csatInvite, optOut, text, appended) => {
    const out = withCsatInvite(text, { csatInvite }, 'en', optOut);
    expect(out.includes(csatInvitation('en'))).toBe(appended);
  });
});
