import { liveQuery, type Subscription } from 'dexie';
import type { Priority } from '../categories';
import { allOrders } from './orders';
import { db, type Conversation, type StoredMessage } from '../db';
import { csatInvitation, hasCsatInvitation, readCsatRating, type Rating } from '../metrics/csat';
import { weekdayHourHeatmap, weeklyTrend, type ConversationRecord, type WeekBucket } from '../metrics/metrics';
import { periodMetrics, type MetricName } from '../metrics/popup-metrics';
import { slaClock, slaMet, type SlaClock, type SlaSettings } from '../metrics/sla';
import type { Settings } from '../settings';

const MS_PER_DAY = 86_400_000;

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

async function allRecords(settings: SlaSettings, now: Date): Promise<ConversationRecord[]> {
  const [conversations, messages] = await Promise.all([db.conversations.toArray(), db.messages.toArray()]);
  const byConversation = new Map<string, StoredMessage[]>();
  for (const m of messages) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
  return conversations.map((c) => conversationRecord(c, byConversation.get(c.id) ?? [], settings, now));
}

export interface PopupData {
  metrics: Record<MetricName, number | undefined>;
  trend: WeekBucket[];
  heatmap: number[][];
  records: ConversationRecord[];
}

/** The popup's metrics, weekly trend and weekday × hour heatmap over the last `days` days. */
export async function popupData(settings: Settings, now = new Date(), days = 30): Promise<PopupData> {
  const sla = slaSettingsOf(settings);
  const from = new Date(now.getTime() - days * MS_PER_DAY);
  const to = new Date(now.getTime() + 1);
  const records = await allRecords(sla, now);
  const orders = await allOrders();
  const costs = { labour: settings.costLabour, tools: settings.costTools, operations: settings.costOperations };
  const metrics = periodMetrics({ conversations: records, orders, from, to, costs, businessHours: sla.businessHours });
  const recent = records.filter((r) => Date.parse(r.createdAt) >= from.getTime());
  const zone = timeZoneOf(settings);
  return { metrics, trend: weeklyTrend(recent, from, now, zone), heatmap: weekdayHourHeatmap(recent, zone), records };
}

/** Toolbar badge: open P1 conversations plus the other open ones at risk (or past) their SLA. */
export async function badgeCount(settings: SlaSettings, now = new Date()): Promise<number> {
  const open = await db.conversations.where('state').anyOf('open', 'waiting').toArray();
  let count = 0;
  for (const c of open) {
    if (!c.triage) continue;
    if (c.triage.priority === 'P1') count++;
    else {
      const messages = await db.messages.where('conversationId').equals(c.id).toArray();
      const state = conversationSla(c, messages, settings, now).state;
      if (state === 'at-risk' || state === 'breached') count++;
    }
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
