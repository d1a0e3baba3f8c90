/**
 * The popup's `metric` elements (CONTRACT §4: data-metric names) over one period, from the
 * formulas in ./metrics.ts, rounded to 2 decimals so the popup and any check agree exactly.
 */
import type { Order } from '../customers/order';
import type { BusinessHours } from './business-time';
import {
  averageFirstResponseMinutes,
  averageResolutionMinutes,
  costPerTicket,
  csatPercent,
  retention,
  withinSlaPercent,
  type ConversationRecord,
  type Retention,
  type ServiceCosts,
} from './metrics';

export const METRIC_NAMES = [
  'first-response-minutes',
  'resolution-minutes',
  'within-sla-percent',
  'csat-percent',
  'churn-percent',
  'retention-percent',
  'cost-per-ticket',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Churn and retention come from the orders, or already computed from them (lib/metrics/order-days.ts). */
export type PeriodMetricsInput = PeriodInput & ({ orders: readonly Order[] } | { retention: Retention });

interface PeriodInput {
  conversations: readonly ConversationRecord[];
  /** The period [from, to). */
  from: Date;
  to: Date;
  /** Monthly costs; scaled to the period's length in calendar months. */
  costs: ServiceCosts;
  /** Count response and resolution times in business minutes. */
  businessHours?: BusinessHours;
}

const round2 = (v: number | undefined): number | undefined =>
  v === undefined ? undefined : Math.round(Number((v * 100).toPrecision(12))) / 100;

/** Calendar months in [from, to): whole months stepped in UTC plus the fraction of the next. */
export function monthsBetween(from: Date, to: Date): number {
  if (!(to > from)) return 0;
  const addMonths = (d: Date, n: number): Date =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  let whole = 0;
  while (addMonths(from, whole + 1) <= to) whole++;
  const cursor = addMonths(from, whole);
  const next = addMonths(from, whole + 1);
  return whole + (to.getTime() - cursor.getTime()) / (next.getTime() - cursor.getTime());
}

/** Conversations count in the period they were created in. */
export function periodMetrics(input: PeriodMetricsInput): Record<MetricName, number | undefined> {
  const { conversations, from, to, costs, businessHours } = input;
  const inPeriod = conversations.filter((c) => {
    const t = Date.parse(c.createdAt);
    return t >= from.getTime() && t < to.getTime();
  });
  const { churnPercent, retentionPercent } = 'retention' in input ? input.retention : retention(input.orders, from, to);
  const months = monthsBetween(from, to);
  const monthly = costPerTicket(costs, inPeriod.length);
  return {
    'first-response-minutes': round2(averageFirstResponseMinutes(inPeriod, businessHours)),
    'resolution-minutes': round2(averageResolutionMinutes(inPeriod, businessHours)),
    'within-sla-percent': round2(withinSlaPercent(inPeriod)),
    'csat-percent': round2(csatPercent(inPeriod)),
    'churn-percent': round2(churnPercent),
    'retention-percent': round2(retentionPercent),
    'cost-per-ticket': round2(monthly === undefined ? undefined : monthly * months),
  };
}
