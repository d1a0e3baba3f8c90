/**
 * The SLA clock of one conversation (CONTRACT §4 `sla`), counted in business minutes.
 *
 * - The clock runs from the customer's first unanswered message (the first customer message after
 *   our last reply) and pauses while the last message is ours (`waiting-on-customer`).
 * - Two targets per queue: first response (also used for each later reply: the customer waits for
 *   a response every time they write) and resolution (the customer's waiting summed over all
 *   stretches). The clock nearer to its target decides the state.
 * - `at-risk` from 75 % of the target, `breached` once past it, `ok` before.
 */
import type { Priority } from '../categories';
import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from './business-time';

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface SlaSettings {
  targets: Record<Priority, SlaTarget>;
  /** Working hours; undefined means the clock runs around the clock. */
  businessHours?: BusinessHours;
  /** Share of a target from which a conversation is at risk (default 0.75). */
  atRiskShare?: number;
}

// Defaults in business minutes (8-hour days): P1 answered within the hour and solved the same
// day; P4 (general queue) answered within three days and solved within two weeks.
export const DEFAULT_SLA_TARGETS: Record<Priority, SlaTarget> = {
  P1: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  P2: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
  P3: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  P4: { firstResponseMinutes: 1440, resolutionMinutes: 4800 },
};

/** Monday to Friday, 09:00–17:00 in the given zone (the user's own, from the browser, by default). */
export function defaultSlaSettings(timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): SlaSettings {
  return {
    targets: DEFAULT_SLA_TARGETS,
    businessHours: { timeZone, days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 },
    atRiskShare: 0.75,
  };
}

export type SlaState = 'ok' | 'at-risk' | 'breached' | 'waiting-on-customer';

export interface SlaMessage {
  date: string | Date;
  fromMe: boolean;
}

export interface SlaInput {
  messages: readonly SlaMessage[];
  priority: Priority;
  settings: SlaSettings;
  now: Date;
  /** A resolved conversation's clock has stopped. */
  resolved?: boolean;
}

export interface SlaClock {
  state: SlaState;
  /** Business minutes the customer has waited since their first unanswered message. */
  waitingMinutes: number;
  /** The target of the deciding clock. */
  targetMinutes: number;
  /** When the deciding clock reaches its target (in the past once breached). */
  dueAt?: string;
  /** Which target decides: the response to the current message, or resolution overall. */
  clock: 'response' | 'resolution';
}

interface Stretch {
  from: Date;
  to: Date;
}

/**
 * What the SLA needs of a thread, without its text: the customer's waiting stretches as
 * [from, to] ms (the last one's `to` is null while the customer is still waiting, so it runs to
 * "now") and whether the last dated message is ours. Small enough to store per conversation.
 */
export interface WaitingSummary {
  waits: [number, number | null][];
  /** Undefined when the thread has no dated message. */
  lastFromMe?: boolean;
}

export interface TimedMessage {
  at: number;
  fromMe: boolean;
}

/** Dated messages in time order; equal times keep the thread's order (the sort is stable). */
export function inTimeOrder(messages: readonly Partial<SlaMessage>[]): TimedMessage[] {
  return messages
    .map((m) => ({ at: m.date === undefined ? NaN : new Date(m.date).getTime(), fromMe: m.fromMe === true }))
    .filter((m) => !Number.isNaN(m.at))
    .sort((p, q) => p.at - q.at);
}

/** Periods in which the last message was the customer's (ending at our reply, or still open). */
export function waitingSummary(messages: readonly SlaMessage[]): WaitingSummary {
  return waitingSummaryInOrder(inTimeOrder(messages));
}

/** waitingSummary of messages already in time order (from inTimeOrder). */
export function waitingSummaryInOrder(sorted: readonly TimedMessage[]): WaitingSummary {
  const waits: [number, number | null][] = [];
  let open: number | undefined;
  for (const m of sorted) {
    if (!m.fromMe && open === undefined) open = m.at;
    if (m.fromMe && open !== undefined) {
      waits.push([open, m.at]);
      open = undefined;
    }
  }
  if (open !== undefined) waits.push([open, null]);
  const summary: WaitingSummary = { waits };
  if (sorted.length) summary.lastFromMe = sorted[sorted.length - 1].fromMe;
  return summary;
}

function stretchesAt({ waits }: WaitingSummary, now: Date): Stretch[] {
  return waits.map(([from, to]) => ({ from: new Date(from), to: new Date(to ?? Math.max(now.getTime(), from)) }));
}

/** Periods in which the last message was the customer's (ending at our reply, or now). */
export function customerWaitingStretches(messages: readonly SlaMessage[], now: Date): Stretch[] {
  return stretchesAt(waitingSummary(messages), now);
}

/** Business minutes from the customer's first message to our first reply, if we replied. */
export function firstResponseBusinessMinutes(messages: readonly SlaMessage[], hours?: BusinessHours): number | undefined {
  const first = waitingSummary(messages).waits[0];
  if (!first || first[1] === null) return undefined;
  return businessMinutesBetween(new Date(first[0]), new Date(first[1]), hours);
}

function stateOf(elapsed: number, target: number, atRiskShare: number): SlaState {
  if (elapsed > target) return 'breached';
  if (elapsed >= atRiskShare * target) return 'at-risk';
  return 'ok';
}

export function slaClock({ messages, ...rest }: SlaInput): SlaClock {
  return slaClockOf(waitingSummary(messages), rest);
}

/** The clock from a thread's waiting summary (see slaClock). */
export function slaClockOf(summary: WaitingSummary, { priority, settings, now, resolved = false }: Omit<SlaInput, 'messages'>): SlaClock {
  const target = settings.targets[priority] ?? DEFAULT_SLA_TARGETS[priority];
  const hours = settings.businessHours;
  const atRisk = settings.atRiskShare ?? 0.75;
  const stretches = stretchesAt(summary, now);
  const last = stretches[stretches.length - 1];
  const idle = { waitingMinutes: 0, targetMinutes: target.firstResponseMinutes, clock: 'response' as const };
  if (resolved || !last) return { state: 'ok', ...idle };
  if (summary.lastFromMe) return { state: 'waiting-on-customer', ...idle };

  const minutes = (s: Stretch): number => businessMinutesBetween(s.from, s.to, hours);
  const waiting = minutes(last);
  const earlier = stretches.slice(0, -1).reduce((sum, s) => sum + minutes(s), 0);
  const response = { elapsed: waiting, target: target.firstResponseMinutes, clock: 'response' as const };
  const resolution = { elapsed: earlier + waiting, target: target.resolutionMinutes, clock: 'resolution' as const };
  const deciding = resolution.elapsed / resolution.target > response.elapsed / response.target ? resolution : response;
  const remainingAtStart = deciding.clock === 'response' ? deciding.target : Math.max(0, deciding.target - earlier);
  return {
    state: stateOf(deciding.elapsed, deciding.target, atRisk),
    waitingMinutes: waiting,
    targetMinutes: deciding.target,
    dueAt: addBusinessMinutes(last.from, remainingAtStart, hours).toISOString(),
    clock: deciding.clock,
  };
}

/**
 * Whether a conversation met its SLA, for the "within SLA" metric: every response came within the
 * response target and the customer's total waiting stayed within the resolution target. Undefined
 * while the verdict is still open (the customer is waiting and no target is missed yet).
 */
export function slaMet({ messages, ...rest }: Omit<SlaInput, 'resolved'>): boolean | undefined {
  return slaMetOf(waitingSummary(messages), rest);
}

/** The verdict from a thread's waiting summary (see slaMet). */
export function slaMetOf(summary: WaitingSummary, { priority, settings, now }: Omit<SlaInput, 'resolved' | 'messages'>): boolean | undefined {
  const target = settings.targets[priority] ?? DEFAULT_SLA_TARGETS[priority];
  const hours = settings.businessHours;
  const stretches = stretchesAt(summary, now);
  if (stretches.length === 0) return undefined;
  const waits = stretches.map((s) => businessMinutesBetween(s.from, s.to, hours));
  const total = waits.reduce((sum, w) => sum + w, 0);
  if (waits.some((w) => w > target.firstResponseMinutes) || total > target.resolutionMinutes) return false;
  return summary.lastFromMe ? true : undefined;
}
