/**
 * Support metrics with the formulas of the method article (数学模型和公式):
 *
 *   average first-response time = Σ (first response − created) ÷ conversations answered
 *   average resolution time     = Σ (resolved − created) ÷ conversations resolved
 *   within SLA (%)              = conversations that met their SLA ÷ conversations judged × 100
 *   CSAT (%)                    = ratings ≥ 4 ÷ ratings × 100   (满意的客户数量 ÷ 总客户数量)
 *   churn rate (%)              = lost customers ÷ customers at the start × 100
 *   retention rate (%)          = customers still buying ÷ customers at the start × 100
 *   service cost                = labour + tools + operations (per month)
 *   cost per ticket             = service cost ÷ tickets in that month
 *
 * The article divides by "all inquiries"; an unanswered conversation has no response time yet, so
 * the averages here are over the conversations that have one (otherwise a backlog would make the
 * average look faster). Every function returns undefined when there is nothing to average.
 */
import type { Priority } from '../categories';
import { isCounted } from '../customers/clv';
import type { Order } from '../customers/order';
import { businessMinutesBetween, wallTime, type BusinessHours } from './business-time';

export interface ConversationRecord {
  id: string;
  priority: Priority;
  createdAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  slaMet?: boolean;
  rating?: number;
}

const MS_PER_DAY = 86_400_000;
const mean = (values: number[]): number | undefined =>
  values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length;

function minutesBetween(from: string, to: string, hours?: BusinessHours): number {
  return businessMinutesBetween(new Date(from), new Date(to), hours);
}

/** Mean minutes to the first response (business minutes when `hours` is given). */
export function averageFirstResponseMinutes(records: readonly ConversationRecord[], hours?: BusinessHours): number | undefined {
  return mean(records.filter((r) => r.firstResponseAt).map((r) => minutesBetween(r.createdAt, r.firstResponseAt as string, hours)));
}

/** Mean minutes to resolution (business minutes when `hours` is given). */
export function averageResolutionMinutes(records: readonly ConversationRecord[], hours?: BusinessHours): number | undefined {
  return mean(records.filter((r) => r.resolvedAt).map((r) => minutesBetween(r.createdAt, r.resolvedAt as string, hours)));
}

/** Share (%) of conversations that met their SLA, among those with a verdict. */
export function withinSlaPercent(records: readonly ConversationRecord[]): number | undefined {
  const judged = records.filter((r) => r.slaMet !== undefined);
  return judged.length === 0 ? undefined : (100 * judged.filter((r) => r.slaMet).length) / judged.length;
}

/** Share (%) of ratings that are satisfied (4 or 5 on the 1–5 scale). */
export function csatPercent(records: readonly Pick<ConversationRecord, 'rating'>[]): number | undefined {
  const rated = records.filter((r) => r.rating !== undefined && r.rating >= 1 && r.rating <= 5);
  return rated.length === 0 ? undefined : (100 * rated.filter((r) => (r.rating as number) >= 4).length) / rated.length;
}

export interface RetentionOptions {
  /** A customer is "at the start" when they bought (a counted order) in this many days before it. */
  lookbackDays?: number;
}

export interface Retention {
  /** Customers at the start of the period (the article's 初始客户数量 / 总客户数量). */
  initial: number;
  retained: number;
  churned: number;
  churnPercent?: number;
  retentionPercent?: number;
}

/**
 * Churn and retention over [from, to): the customers at the start are those with a counted order
 * (CONTRACT §6) in the `lookbackDays` (default 365) before `from`; each of them is retained when
 * they placed a counted order in the period and churned otherwise. New customers of the period
 * do not enter either figure, so churn + retention = 100 %.
 */
/** How far before a period churn looks for the customers it counts. */
export const RETENTION_LOOKBACK_DAYS = 365;

export function retention(orders: readonly Order[], from: Date, to: Date, { lookbackDays = RETENTION_LOOKBACK_DAYS }: RetentionOptions = {}): Retention {
  const start = from.getTime();
  const end = to.getTime();
  const lookback = start - lookbackDays * MS_PER_DAY;
  const before = new Set<string>();
  const during = new Set<string>();
  for (const order of orders) {
    if (!isCounted(order)) continue;
    const t = new Date(order.date).getTime();
    const email = order.email.toLowerCase();
    if (t >= lookback && t < start) before.add(email);
    else if (t >= start && t < end) during.add(email);
  }
  const retained = [...before].filter((e) => during.has(e)).length;
  const initial = before.size;
  const churned = initial - retained;
  if (initial === 0) return { initial, retained, churned };
  return { initial, retained, churned, churnPercent: (100 * churned) / initial, retentionPercent: (100 * retained) / initial };
}

/** Annual churn (0…1) over the year before `now`, for the CLV lifespan L = 1 / churn. */
export function annualChurnRate(orders: readonly Order[], now: Date): number | undefined {
  const { churnPercent } = retention(orders, new Date(now.getTime() - 365 * MS_PER_DAY), now);
  return churnPercent === undefined ? undefined : churnPercent / 100;
}

export interface ServiceCosts {
  /** Monthly amounts in the store currency. */
  labour: number;
  tools: number;
  operations: number;
}

/** The article's service cost: labour + tools + operations. */
export function serviceCost({ labour, tools, operations }: ServiceCosts): number {
  return labour + tools + operations;
}

/** Service cost ÷ tickets (conversations of the month); undefined without tickets. */
export function costPerTicket(costs: ServiceCosts, tickets: number): number | undefined {
  return tickets > 0 ? serviceCost(costs) / tickets : undefined;
}

/** The local day number (days since 1970-01-01 on the zone's clocks) and hour of an instant. */
function localDayHour(ms: number, timeZone: string): { day: number; hour: number } {
  const wall = wallTime(ms, timeZone);
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, hour: Math.floor((wall - day * MS_PER_DAY) / 3_600_000) };
}

/** 0 = Sunday; 1970-01-01 was a Thursday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
/** The Monday of the ISO week of a local day number. */
const mondayOf = (day: number) => day - ((weekdayOf(day) + 6) % 7);
const dayString = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export interface WeekBucket {
  /** Local date of the week's Monday. */
  weekStart: string;
  created: number;
  resolved: number;
  averageFirstResponseMinutes?: number;
  csatPercent?: number;
}

/**
 * Weekly trend from `from` to `to` (inclusive weeks, Monday first, local to `timeZone`): every week
 * in the range appears, with zeros when it was quiet. Created and first-response/CSAT figures go
 * to the week the conversation came in, resolutions to the week they happened.
 */
export function weeklyTrend(records: readonly ConversationRecord[], from: Date, to: Date, timeZone = 'UTC'): WeekBucket[] {
  const mondayAt = (ms: number) => mondayOf(localDayHour(ms, timeZone).day);
  const weeks = new Map<number, { created: ConversationRecord[]; resolved: number }>();
  for (let monday = mondayAt(from.getTime()); monday <= mondayAt(to.getTime()); monday += 7) weeks.set(monday, { created: [], resolved: 0 });
  for (const r of records) {
    weeks.get(mondayAt(Date.parse(r.createdAt)))?.created.push(r);
    if (r.resolvedAt) {
      const week = weeks.get(mondayAt(Date.parse(r.resolvedAt)));
      if (week) week.resolved++;
    }
  }
  return [...weeks].map(([monday, { created, resolved }]) => {
    const bucket: WeekBucket = { weekStart: dayString(monday), created: created.length, resolved };
    const response = averageFirstResponseMinutes(created);
    const csat = csatPercent(created);
    if (response !== undefined) bucket.averageFirstResponseMinutes = response;
    if (csat !== undefined) bucket.csatPercent = csat;
    return bucket;
  });
}

/** Incoming conversations by local weekday (rows, 0 = Sunday … 6 = Saturday) × hour (0…23). */
export function weekdayHourHeatmap(records: readonly Pick<ConversationRecord, 'createdAt'>[], timeZone = 'UTC'): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const r of records) {
    const at = Date.parse(r.createdAt);
    if (Number.isNaN(at)) continue;
    const { day, hour } = localDayHour(at, timeZone);
    grid[weekdayOf(day)][hour]++;
  }
  return grid;
}
