/**
 * Business minutes in a time zone: only minutes inside the working window of a working day count.
 * Local wall times come from Intl.DateTimeFormat with `timeZone`, so daylight-saving changes and
 * each zone's rules are the platform's (IANA tz data), not ours.
 */

export interface BusinessHours {
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Start and end of the working window, minutes after local midnight (540 = 09:00). */
  startMinute: number;
  endMinute: number;
  /** Local dates (YYYY-MM-DD) that are not worked, e.g. public holidays. */
  holidays?: string[];
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_REMEMBERED = 100_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function exactWallTime(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wholeSeconds = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wholeSeconds + (((utcMs % 1000) + 1000) % 1000);
}

/** A zone's memory of numbers by number, emptied when it grows past MAX_REMEMBERED. */
function memo(store: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let zone = store.get(timeZone);
  if (!zone || zone.size >= MAX_REMEMBERED) store.set(timeZone, (zone = new Map()));
  return zone;
}

// UTC offsets by UTC day, and by quarter hour on a day the offset changes; NaN where it changes.
const QUARTER = 15 * MS_PER_MINUTE;
const dayOffsets = new Map<string, Map<number, number>>();
const quarterOffsets = new Map<string, Map<number, number>>();

/** The offset throughout [start, start + length), or NaN when it changes within. */
function steadyOffset(store: Map<string, Map<number, number>>, length: number, utcMs: number, timeZone: string): number {
  const bucket = Math.floor(utcMs / length);
  const known = memo(store, timeZone);
  let offset = known.get(bucket);
  if (offset === undefined) {
    const start = bucket * length;
    const end = start + length - 1;
    const atStart = exactWallTime(start, timeZone) - start;
    // The same offset at both ends: no change in between (zones change at most twice a year).
    offset = exactWallTime(end, timeZone) - end === atStart ? atStart : NaN;
    known.set(bucket, offset);
  }
  return offset;
}

/**
 * The local wall-clock time at `utcMs`, expressed as if it were a UTC timestamp. An Intl call
 * costs microseconds and the popup needs thousands, so offsets are remembered per day (per
 * quarter hour on the days a zone changes its clocks, and exactly in the quarter hour it does).
 */
export function wallTime(utcMs: number, timeZone: string): number {
  let offset = steadyOffset(dayOffsets, MS_PER_DAY, utcMs, timeZone);
  if (Number.isNaN(offset)) offset = steadyOffset(quarterOffsets, QUARTER, utcMs, timeZone);
  return Number.isNaN(offset) ? exactWallTime(utcMs, timeZone) : utcMs + offset;
}

const instants = new Map<string, Map<number, number>>();

/**
 * The instant at which the zone's clocks show `wallMs` (two passes settle the offset; a wall time
 * skipped by a spring-forward change maps to the instant one offset later, as clocks do).
 */
export function fromWallTime(wallMs: number, timeZone: string): number {
  const known = memo(instants, timeZone);
  const remembered = known.get(wallMs);
  if (remembered !== undefined) return remembered;
  const first = wallMs - (wallTime(wallMs, timeZone) - wallMs);
  const instant = wallMs - (wallTime(first, timeZone) - first);
  known.set(wallMs, instant);
  return instant;
}

const holidaySets = new WeakMap<readonly string[], Set<string>>();

function holidaysOf(hours: BusinessHours): Set<string> | undefined {
  if (!hours.holidays?.length) return undefined;
  let set = holidaySets.get(hours.holidays);
  if (!set) holidaySets.set(hours.holidays, (set = new Set(hours.holidays)));
  return set;
}

/** The working window [start, end) in UTC ms of a local day (days since 1970-01-01 on the zone's clocks), or none. */
function windowOf(day: number, hours: BusinessHours, holidays: Set<string> | undefined): [number, number] | undefined {
  const dayMs = day * MS_PER_DAY;
  // 1970-01-01 was a Thursday (4).
  if (!hours.days.includes((((day + 4) % 7) + 7) % 7)) return undefined;
  if (holidays?.has(new Date(dayMs).toISOString().slice(0, 10))) return undefined;
  const start = fromWallTime(dayMs + hours.startMinute * MS_PER_MINUTE, hours.timeZone);
  const end = fromWallTime(dayMs + hours.endMinute * MS_PER_MINUTE, hours.timeZone);
  return end > start ? [start, end] : undefined;
}

/** Working windows [start, end) in UTC ms of each local day from the day of `fromMs` on. */
function* windows(fromMs: number, hours: BusinessHours, maxDays: number): Generator<[number, number]> {
  const firstDay = Math.floor(wallTime(fromMs, hours.timeZone) / MS_PER_DAY);
  const holidays = holidaysOf(hours);
  for (let d = 0; d < maxDays; d++) {
    const window = windowOf(firstDay + d, hours, holidays);
    if (window) yield window;
  }
}

function worksAtAll(hours: BusinessHours | undefined): hours is BusinessHours {
  return hours !== undefined && hours.days.length > 0 && hours.endMinute > hours.startMinute;
}

/**
 * Each local day's window and the business time before that day (from the table's first day),
 * for one set of hours, grown as far as asked. Business time between two instants is then the
 * difference of two lookups, not a walk over every day between them: the popup asks thousands of
 * times, for waits of days.
 */
interface DayTable {
  first: number;
  starts: number[];
  ends: number[];
  before: number[];
}

/** Beyond this many days (~55 years) a table is not grown: such a span is walked day by day. */
const MAX_TABLE_DAYS = 20_000;
const GROW_DAYS = 7;
const tables = new Map<string, DayTable>();
const tableKeys = new WeakMap<BusinessHours, string>();

function tableOf(hours: BusinessHours): DayTable {
  let key = tableKeys.get(hours);
  if (key === undefined) {
    key = JSON.stringify([hours.timeZone, hours.days, hours.startMinute, hours.endMinute, hours.holidays ?? []]);
    tableKeys.set(hours, key);
  }
  let table = tables.get(key);
  if (!table) {
    if (tables.size >= 100) tables.clear();
    tables.set(key, (table = { first: 0, starts: [], ends: [], before: [] }));
  }
  return table;
}

/** Grows the table to cover `day`; false when that would pass MAX_TABLE_DAYS. */
function cover(table: DayTable, day: number, hours: BusinessHours): boolean {
  const size = table.starts.length;
  const last = table.first + size - 1;
  if (size > 0 && day >= table.first && day <= last) return true;
  const from = size === 0 ? day - GROW_DAYS : Math.min(table.first, day - GROW_DAYS);
  const to = size === 0 ? day + GROW_DAYS : Math.max(last, day + GROW_DAYS);
  if (to - from + 1 > MAX_TABLE_DAYS) return false;
  const holidays = holidaysOf(hours);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let d = from; d <= to; d++) {
    if (size > 0 && d >= table.first && d <= last) {
      starts.push(table.starts[d - table.first]);
      ends.push(table.ends[d - table.first]);
      continue;
    }
    const window = windowOf(d, hours, holidays);
    starts.push(window ? window[0] : 0);
    ends.push(window ? window[1] : 0);
  }
  const before = new Array<number>(starts.length);
  let sum = 0;
  for (let i = 0; i < starts.length; i++) {
    before[i] = sum;
    sum += ends[i] - starts[i];
  }
  Object.assign(table, { first: from, starts, ends, before });
  return true;
}

/** Business ms from the table's first day to `t`, which falls on local `day` (covered by the table). */
function businessMsTo(t: number, day: number, table: DayTable): number {
  const i = day - table.first;
  // Windows lie within their local day: all of an earlier day's window is before t, none of a later one's.
  return table.before[i] + Math.min(Math.max(t - table.starts[i], 0), table.ends[i] - table.starts[i]);
}

/** Business minutes between two instants (0 when `to` ≤ `from`); every minute without hours. */
export function businessMinutesBetween(from: Date, to: Date, hours?: BusinessHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  if (!worksAtAll(hours)) return (b - a) / MS_PER_MINUTE;
  const table = tableOf(hours);
  const dayA = Math.floor(wallTime(a, hours.timeZone) / MS_PER_DAY);
  const dayB = Math.floor(wallTime(b, hours.timeZone) / MS_PER_DAY);
  if (cover(table, dayA, hours) && cover(table, dayB, hours)) return (businessMsTo(b, dayB, table) - businessMsTo(a, dayA, table)) / MS_PER_MINUTE;
  let total = 0;
  for (const [start, end] of windows(a, hours, Math.ceil((b - a) / MS_PER_DAY) + 2)) {
    if (start >= b) break;
    total += Math.max(0, Math.min(end, b) - Math.max(start, a));
  }
  return total / MS_PER_MINUTE;
}

/** The instant `minutes` business minutes after `from` (searching at most ~10 years ahead). */
export function addBusinessMinutes(from: Date, minutes: number, hours?: BusinessHours): Date {
  const a = from.getTime();
  if (!worksAtAll(hours)) return new Date(a + minutes * MS_PER_MINUTE);
  let remaining = Math.max(0, minutes) * MS_PER_MINUTE;
  let last = a;
  for (const [start, end] of windows(a, hours, 3660)) {
    if (end < a) continue;
    const begin = Math.max(start, a);
    if (remaining <= end - begin) return new Date(begin + remaining);
    remaining -= end - begin;
    last = end;
  }
  return new Date(last + remaining);
}
