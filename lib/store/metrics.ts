import { liveQuery, type Subscription } from 'dexie';
import type { Priority } from '../categories';
import { conversationFactsComplete, factsSince, inIdOrder, orderDaysOfParts, storedFactsSince, storedQueueCountsOf, storedOrderDays, type QueueCounts } from './derived';
import { updateConversation } from './conversations';
import type { Order } from '../customers/order';
import { db, type Conversation, type FactsDay, type StoredMessage } from '../db';
import { csatInvitation, hasCsatInvitation, readCsatRating, type Rating } from '../metrics/csat';
import { RETENTION_LOOKBACK_DAYS, retention, type ConversationRecord, type Retention } from '../metrics/metrics';
import { blockOf, retentionOfDays, type OrderBlock } from '../metrics/order-days';
import { conversationFactsOf, startDayOf, type ConversationFacts } from '../metrics/conversation-facts';
import { conversationRecord, periodOf, popupFigures, type PopupData, type PopupRows } from '../metrics/popup-figures';
import { slaClock, slaClockOf, type SlaClock, type SlaSettings } from '../metrics/sla';
import type { Settings } from '../settings';
import { measured } from '../timing';
import type { PopupPrefetch } from './popup-prefetch';
import { openCountsByPriority } from './queue';

const MS_PER_DAY = 86_400_000;
/** Threads that began up to this long before the period are still read in the one date range. */
const THREAD_MARGIN_DAYS = 30;

const dated = (messages: readonly StoredMessage[]) =>
  messages.filter((m): m is StoredMessage & { date: string } => !!m.date && !Number.isNaN(Date.parse(m.date)));

export function priorityOf(conversation: Conversation): Priority {
  return conversation.triage?.priority ?? 'P4';
}

/** The clock of the side panel and the badge; resolved conversations have a stopped clock. */
export function conversationSla(conversation: Conversation, messages: readonly StoredMessage[], settings: SlaSettings, now: Date): SlaClock {
  return slaClock({ messages: dated(messages), priority: priorityOf(conversation), settings, now, resolved: conversation.state === 'resolved' });
}

/**
 * Each conversation's messages: one getAll per conversation, all issued at once in one read
 * transaction. (An `anyOf` cursor jumps key by key, one round trip each: seconds for a month.)
 */
export async function messagesByConversation(ids: readonly string[]): Promise<Map<string, StoredMessage[]>> {
  const threads = await db.transaction('r', db.messages, () => Promise.all(ids.map((id) => db.messages.where('conversationId').equals(id).toArray())));
  return new Map(ids.map((id, i) => [id, threads[i]]));
}

/** Every stored conversation as a record (the CSV export); reads every message, so only on demand. */
export async function allConversationRecords(settings: SlaSettings, now = new Date()): Promise<ConversationRecord[]> {
  const conversations = await db.conversations.toArray();
  const threads = await messagesByConversation(conversations.map((c) => c.id));
  return conversations.map((c) => conversationRecord(c, threads.get(c.id) ?? [], settings, now));
}

async function recentRows(from: number): Promise<PopupRows['recent']> {
  const [complete, facts] = await measured('popupFacts', () => Promise.all([conversationFactsComplete(), storedFactsSince(from)]));
  if (complete) return { facts };
  const conversations = await conversationsSince(from);
  return { conversations, threads: await threadsSince(conversations, from - THREAD_MARGIN_DAYS * MS_PER_DAY) };
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
  return [...byMessage, ...more.filter((c): c is Conversation => c !== undefined)].sort(inIdOrder);
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

/**
 * The orders the retention figures over [from, to) can count: those of the lookback year before
 * `from` and of the period (lib/metrics/metrics.ts retention), read only while the order summary is missing. The date index holds ISO strings;
 * a day's margin each side keeps an odd but valid date format inside, retention() checks exactly.
 */
export async function ordersForRetention(from: Date, to: Date, lookbackDays = RETENTION_LOOKBACK_DAYS): Promise<Order[]> {
  const lower = new Date(from.getTime() - (lookbackDays + 1) * MS_PER_DAY).toISOString();
  const upper = new Date(to.getTime() + MS_PER_DAY).toISOString();
  return (await db.orders.where('date').between(lower, upper, true, true).toArray()) as Order[];
}

/** Where the orders retention counts over a period from `from` begin: the lookback year before it. */
const retentionSince = (from: Date): number => from.getTime() - RETENTION_LOOKBACK_DAYS * MS_PER_DAY;

/** Churn and retention over [from, to) from the counted-order summary, or the orders when it is missing. */
async function periodRetention(from: Date, to: Date): Promise<Retention> {
  // Only the blocks of the lookback year before the period and of the period itself.
  const days = await storedOrderDays(retentionSince(from));
  return days ? retentionOfDays(days, from, to) : retention(await ordersForRetention(from, to), from, to);
}

/** The popup's rows over the last `days` days up to `now`. */
export async function readPopupRows(now = new Date(), days = 30): Promise<PopupRows> {
  const { from, to } = periodOf({ now, days });
  // The order summary is asked for first: a value that large comes back through a blob, whose
  // read then overlaps the facts' index read instead of waiting behind it.
  const retentionFigures = measured('popupOrders', () => periodRetention(from, to));
  const recent = recentRows(from.getTime());
  const [recentFigures, retention] = await Promise.all([recent, retentionFigures]);
  return { now, days, recent: recentFigures, retention };
}

/**
 * The popup's rows from what its prefetch read (lib/store/popup-prefetch.ts), the same as
 * readPopupRows at the prefetch's `now`; undefined where the reads cannot stand in for those:
 * facts not complete yet (the popup then reads the mail), no usable order summary, or a period
 * or lookback the prefetch did not cover.
 */
export function popupRowsOfPrefetch(prefetch: PopupPrefetch, days: number): PopupRows | undefined {
  const now = new Date(prefetch.now);
  const { from, to } = periodOf({ now, days });
  const covered = prefetch.days === days && prefetch.fromDay <= startDayOf({ startedAt: from.getTime() }) && prefetch.fromBlock <= blockOf(retentionSince(from));
  if (!covered || prefetch.summaries.conversationFactsComplete !== true) return undefined;
  const orderDays = orderDaysOfParts(prefetch.summaries.orderDays, prefetch.blocks as OrderBlock[]);
  if (!orderDays) return undefined;
  return { now, days, recent: { facts: factsSince(prefetch.factsDays as FactsDay[], from.getTime()) }, retention: retentionOfDays(orderDays, from, to) };
}

/** The queue counts the prefetch read, if it found them. */
export function queueCountsOfPrefetch(prefetch: PopupPrefetch): QueueCounts | undefined {
  return storedQueueCountsOf(prefetch.summaries.queueCounts);
}

/** The popup's figures over the last `days` days: its rows read, then computed. */
export async function popupData(settings: Settings, now = new Date(), days = 30): Promise<PopupData> {
  return popupFigures(await readPopupRows(now, days), settings);
}

/** Toolbar badge: open P1 conversations plus the other open ones at risk (or past) their SLA. */
export async function badgeCount(settings: SlaSettings, now = new Date()): Promise<number> {
  // P1 from the queue counts; the open ones below P1 from the `[state+triage.priority]` index keys
  // (untriaged ones have none): no conversation row is read, only their small stats.
  const index = db.conversations.where('[state+triage.priority]');
  const open = ['open', 'waiting'] as const;
  const [queues, others] = await Promise.all([
    openCountsByPriority(),
    Promise.all(open.flatMap((state) => LOWER.map(async (priority) => (await index.equals([state, priority]).primaryKeys()).map((id) => ({ id, priority }))))),
  ]);
  const queued = others.flat();
  const facts = await factsOfIds(queued.map((c) => c.id));
  let count = queues.P1;
  queued.forEach(({ priority }, i) => {
    const state = slaClockOf(facts[i] ?? { waits: [] }, { priority, settings, now }).state;
    if (state === 'at-risk' || state === 'breached') count++;
  });
  return count;
}

const LOWER: Priority[] = ['P2', 'P3', 'P4'];

/** These open conversations' facts: stored ones once complete, else from their mail. */
async function factsOfIds(ids: readonly string[]): Promise<(ConversationFacts | undefined)[]> {
  if (await conversationFactsComplete()) return db.conversationFacts.bulkGet([...ids]);
  const threads = await messagesByConversation(ids);
  return ids.map((id) => conversationFactsOf({ id, state: 'open', createdAt: 0 }, threads.get(id) ?? []));
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
  await updateConversation(conversationId, (c) => {
    if (c.rating?.source === 'manual' || c.rating?.value === found.value) return;
    c.rating = { value: found.value, at: now, source: 'mail' };
  });
}

export async function setManualRating(conversationId: string, value: Rating | undefined, now = Date.now()): Promise<void> {
  await updateConversation(conversationId, (c) => {
    if (value === undefined) delete c.rating;
    else c.rating = { value, at: now, source: 'manual' };
  });
}

export async function setCsatOptOut(conversationId: string, optOut: boolean): Promise<void> {
  await updateConversation(conversationId, (c) => {
    c.csatOptOut = optOut;
  });
}

/** A reply with the CSAT invitation line appended, when the setting is on and not opted out. */
export function withCsatInvite(text: string, settings: Pick<Settings, 'csatInvite'>, lang: string, optOut = false): string {
  if (!settings.csatInvite || optOut || hasCsatInvitation(text)) return text;
  return `${text.trimEnd()}\n\n${csatInvitation(lang)}`;
}
