/**
 * The popup's figures from the rows it read (lib/store/metrics.ts readPopupRows), and the SLA
 * settings the popup, side panel and badge share: pure, with no database, so the reads can start
 * before the settings are known and the figures are computed once both are there.
 */
import type { Conversation, StoredMessage } from '../db';
import type { Settings } from '../settings';
import { timed } from '../timing';
import { conversationFactsOf, recordOf, type ConversationFacts } from './conversation-facts';
import { weekdayHourHeatmap, weeklyTrend, type ConversationRecord, type Retention, type WeekBucket } from './metrics';
import { periodMetrics, type MetricName } from './popup-metrics';
import type { SlaSettings } from './sla';

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

/** A stored conversation as the metric formulas see it (dates from the mail, not from storage). */
export function conversationRecord(conversation: Conversation, messages: readonly StoredMessage[], settings: SlaSettings, now: Date): ConversationRecord {
  return recordOf(conversationFactsOf(conversation, messages), settings, now);
}

export interface PopupData {
  metrics: Record<MetricName, number | undefined>;
  trend: WeekBucket[];
  heatmap: number[][];
}

/**
 * The rows behind the popup's figures, read without the settings (the reads can start while the
 * page is still loading them): a month of conversation facts, or, until every conversation has its
 * facts (a database from before v4 being filled), the month's conversations and their mail; and
 * the period's churn and retention from the order summary.
 */
export interface PopupRows {
  now: Date;
  days: number;
  recent: { facts: ConversationFacts[] } | { conversations: Conversation[]; threads: Map<string, StoredMessage[]> };
  retention: Retention;
}

/** The period [from, to) of rows read at `now` over `days` days. */
export function periodOf(rows: Pick<PopupRows, 'now' | 'days'>): { from: Date; to: Date } {
  return { from: new Date(rows.now.getTime() - rows.days * MS_PER_DAY), to: new Date(rows.now.getTime() + 1) };
}

/** The records of the conversations created at or after `from`. */
function recordsOf(recent: PopupRows['recent'], from: number, sla: SlaSettings, now: Date): ConversationRecord[] {
  if ('facts' in recent) return recent.facts.map((f) => recordOf(f, sla, now));
  const { conversations, threads } = recent;
  return conversations.map((c) => conversationRecord(c, threads.get(c.id) ?? [], sla, now)).filter((r) => Date.parse(r.createdAt) >= from);
}

/** The popup's metrics, weekly trend and weekday × hour heatmap from its rows, in the user's zone, hours and costs. */
export function popupFigures(rows: PopupRows, settings: Settings): PopupData {
  return timed('popupCompute', () => {
    const sla = slaSettingsOf(settings);
    const { from, to } = periodOf(rows);
    const recent = recordsOf(rows.recent, from.getTime(), sla, rows.now);
    const costs = { labour: settings.costLabour, tools: settings.costTools, operations: settings.costOperations };
    const metrics = periodMetrics({ conversations: recent, retention: rows.retention, from, to, costs, businessHours: sla.businessHours });
    const zone = timeZoneOf(settings);
    return { metrics, trend: weeklyTrend(recent, from, rows.now, zone), heatmap: weekdayHourHeatmap(recent, zone) };
  });
}
