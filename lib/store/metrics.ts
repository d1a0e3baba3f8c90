import { liveQuery, type Subscription } from 'dexie';
import type { Priority } from '../categories';
import { ordersForRetention } from './orders';
import { db, type Conversation, type StoredMessage } from '../db';
import { csatInvitation, hasCsatInvitation, readCsatRating, type Rating } from '../metrics/csat';
import { weekdayHourHeatmap, weeklyTrend, type ConversationRecord, type WeekBucket } from '../metrics/metrics';
import { periodMetrics, type MetricName } from '../metrics/popup-metrics';
import { slaClock, slaMet, type SlaClock, type SlaSettings } from '../metrics/sla';
import type { Settings } from '../settings';
import { measured, timed } from '../timing';

const MS_PER_DAY = 86_400_000;
/** Threads that began up to this long before the period are still read in the one date range. */
const THREAD_MARGIN_DAYS = 30;

export function timeZoneOf(settings: Pick<Settings, 'timeZone'>): string {
  return settings.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The SLA settings of lib/metrics/sla.ts from the user's settings. */
export function slaSettingsOf(settings: Settings): SlaSettings {
  return {
    targets: settings.slaTargets,
    businessHours: {
      timeZone: timeZoneOf(settings),
      days: settings.businessDays,
      startMinute: settings.businessStartMinute,
      endMinute: settings.businessEndMinute,
    },
    atRiskShare: 0.75,
  };
}

const dated = (messages: readonly StoredMessage[]) =>
  messages.filter((m): m is StoredMessage & { date: string } => !!m.date && !Number.isNaN(Date.parse(m.date)));

export function priorityOf(conversation: Conversation): Priority {
  return conversation.triage?.priority ?? 'P4';
}

/** The clock of the side panel and the badge; resolved conversations have a stopped clock. */
export function conversationSla(conversation: Conversation, messages: readonly StoredMessage[], settings: SlaSettings, now: Date): SlaClock {
  return slaClock({ messages: dated(messages), priority: priorityOf(conversation), settings, now, resolved: conversation.state === 'resolved' });
}

/** A stored conversation as the metric formulas see it (dates from the mail, not from storage). */
export function conversationRecord(conversation: Conversation, messages: readonly StoredMessage[], settings: SlaSettings, now: Date): ConversationRecord {
  const sorted = dated(messages).sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const firstCustomer = sorted.find((m) => !m.fromMe);
  const created = firstCustomer?.date ?? sorted[0]?.date ?? new Date(conversation.createdAt).toISOString();
  const firstResponse = firstCustomer && sorted.find((m) => m.fromMe && Date.parse(m.date) > Date.parse(firstCustomer.date));
  const record: ConversationRecord = { id: conversation.id, priority: priorityOf(conversation), createdAt: new Date(created).toISOString() };
  if (firstResponse) record.firstResponseAt = new Date(firstResponse.date).toISOString();
  if (conversation.state === 'resolved' && conversation.resolvedAt) record.resolvedAt = new Date(conversation.resolvedAt).toISOString();
  const met = slaMet({ messages: sorted, priority: record.priority, settings, now });
  if (met !== undefined) record.slaMet = met;
  if (conversation.rating) record.rating = conversation.rating.value;
  return record;
}

/**
 * Each conversation's messages: one getAll per conversation, all issued at once in one read
 * transaction. (An `anyOf` cursor jumps key by key, one round trip each: seconds for a month.)
 */
export async function messagesByConversation(ids: readonly string[]): Promise<Map<string, StoredMessage[]>> {
  const threads = await db.transaction('r', db.messages, () => Promise.all(ids.map((id) => db.messages.where('conversationId').equals(id).toArray())));
  return new Map(ids.map((id, i) => [id, threads[i]]));
}

/**
 * The threads of these conversations from one range of the messages' date index (message dates
 * are ISO 8601). A conversation with fewer messages there than it has (older ones, or undated)
 * is read whole on its own; with `since` a month before the period that is rare.
 */
async function threadsSince(conversations: readonly Conversation[], since: number): Promise<Map<string, StoredMessage[]>> {
  const threads = new Map<string, StoredMessage[]>(conversations.map((c) => [c.id, []]));
  for (const m of await db.messages.where('date').aboveOrEqual(new Date(since).toISOString()).toArray()) threads.get(m.conversationId)?.push(m);
  const partial = conversations.filter((c) => threads.get(c.id)?.length !== c.messageCount).map((c) => c.id);
  for (const [id, thread] of await messagesByConversation(partial)) threads.set(id, thread);
  return threads;
}

/** Every stored conversation as a record (the CSV export); reads every message, so only on demand. */
export async function allConversationRecords(settings: SlaSettings, now = new Date()): Promise<ConversationRecord[]> {
  const conversations = await db.conversations.toArray();
  const threads = await messagesByConversation(conversations.map((c) => c.id));
  return conversations.map((c) => conversationRecord(c, threads.get(c.id) ?? [], settings, now));
}

/**
 * The conversations whose record can be created at or after `from`. A record's createdAt is its
 * first dated message (never after the newest one, `lastMessageAt`) or, with no dated message,
 * when it was first stored (never after `updatedAt`): so the two indexed ranges cover them all,
 * and the popup reads a month of conversations instead of every message ever stored.
 */
async function conversationsSince(from: number): Promise<Conversation[]> {
  const [byMessage, byUpdate] = await Promise.all([
    db.conversations.where('lastMessageAt').aboveOrEqual(from).toArray(),
    db.conversations.where('updatedAt').aboveOrEqual(from).primaryKeys(),
  ]);
  const found = new Set(byMessage.map((c) => c.id));
  const missing = byUpdate.filter((id) => !found.has(id));
  const more = missing.length ? await db.conversations.bulkGet(missing) : [];
  // In primary-key order, as reading the whole table gives: the averages add up in the same order.
  return [...byMessage, ...more.filter((c): c is Conversation => c !== undefined)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface PopupData {
  metrics: Record<MetricName, number | undefined>;
  trend: WeekBucket[];
  heatmap: number[][];
}

/** The popup's metrics, weekly trend and weekday × hour heatmap over the last `days` days. */
export async function popupData(settings: Settings, now = new Date(), days = 30): Promise<PopupData> {
  const sla = slaSettingsOf(settings);
  const from = new Date(now.getTime() - days * MS_PER_DAY);
  const to = new Date(now.getTime() + 1);
  const [conversations, orders] = await Promise.all([
    measured('popupConversations', () => conversationsSince(from.getTime())),
    measured('popupOrders', () => ordersForRetention(from, to)),
  ]);
  const threads = await measured('popupThreads', () => threadsSince(conversations, from.getTime() - THREAD_MARGIN_DAYS * MS_PER_DAY));
  return timed('popupCompute', () => {
    const recent = conversations
      .map((c) => conversationRecord(c, threads.get(c.id) ?? [], sla, now))
      .filter((r) => Date.parse(r.createdAt) >= from.getTime());
    const costs = { labour: settings.costLabour, tools: settings.costTools, operations: settings.costOperations };
    const metrics = periodMetrics({ conversations: recent, orders, from, to, costs, businessHours: sla.businessHours });
    const zone = timeZoneOf(settings);
    return { metrics, trend: weeklyTrend(recent, from, now, zone), heatmap: weekdayHourHeatmap(recent, zone) };
  });
}

/** Toolbar badge: open P1 conversations plus the other open ones at risk (or past) their SLA. */
export async function badgeCount(settings: SlaSettings, now = new Date()): Promise<number> {
  const open = (await db.conversations.where('state').anyOf('open', 'waiting').toArray()).filter((c) => c.triage);
  const others = open.filter((c) => c.triage?.priority !== 'P1');
  const messages = await messagesByConversation(others.map((c) => c.id));
  let count = open.length - others.length;
  for (const c of others) {
    const state = conversationSla(c, messages.get(c.id) ?? [], settings, now).state;
    if (state === 'at-risk' || state === 'breached') count++;
  }
  return count;
}

/** Keeps the badge current from Dexie changes (no polling: the manifest has no `alarms`). */
export function watchBadge(settings: () => SlaSettings, show: (count: number) => void): Subscription {
  return liveQuery(() => badgeCount(settings())).subscribe({ next: show, error: () => show(0) });
}

/** The newest rating in the customer's replies, each read against our message before it. */
export function ratingFromMessages(messages: readonly StoredMessage[]): { value: Rating; index: number } | undefined {
  const sorted = [...messages].sort((a, b) => a.index - b.index);
  for (let i = sorted.length - 1; i > 0; i--) {
    const m = sorted[i];
    if (m.fromMe || m.headerOnly) continue;
    const ours = sorted.slice(0, i).reverse().find((p) => p.fromMe);
    if (!ours) continue; // a rating answers something we wrote
    const reading = readCsatRating(m.body, { answersInvitation: hasCsatInvitation(ours.body) });
    if (reading) return { value: reading.rating, index: m.index };
  }
  return undefined;
}

/** After a thread is saved: store a rating read from the mail unless one was set by hand. */
export async function recordMailRating(conversationId: string, now = Date.now()): Promise<void> {
  const messages = await db.messages.where('conversationId').equals(conversationId).toArray();
  const found = ratingFromMessages(messages);
  if (!found) return;
  await db.conversations.update(conversationId, (c) => {
    if (c.rating?.source === 'manual' || c.rating?.value === found.value) return;
    c.rating = { value: found.value, at: now, source: 'mail' };
  });
}

export async function setManualRating(conversationId: string, value: Rating | undefined, now = Date.now()): Promise<void> {
  await db.conversations.update(conversationId, (c) => {
    if (value === undefined) delete c.rating;
    else c.rating = { value, at: now, source: 'manual' };
  });
}

export async function setCsatOptOut(conversationId: string, optOut: boolean): Promise<void> {
  await db.conversations.update(conversationId, { csatOptOut: optOut });
}

/** A reply with the CSAT invitation line appended, when the setting is on and not opted out. */
export function withCsatInvite(text: string, settings: Pick<Settings, 'csatInvite'>, lang: string, optOut = false): string {
  if (!settings.csatInvite || optOut || hasCsatInvitation(text)) return text;
  return `${text.trimEnd()}\n\n${csatInvitation(lang)}`;
}
