import { expect, test } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, fromWallTime, wallTime, type BusinessHours } from '../../lib/metrics/business-time';

const berlin: BusinessHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 };
const newYorkAllDay: BusinessHours = { timeZone: 'America/New_York', days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 };
const shanghai: BusinessHours = { timeZone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5, 6], startMinute: 600, endMinute: 1320, holidays: ['2024-10-01'] };

test.each<[string, string, string, BusinessHours | undefined, number]>([
  ['without business hours every minute counts', '2024-03-04T10:00:00Z', '2024-03-04T12:30:00Z', undefined, 150],
  ['inside one working day', '2024-03-04T09:00:00Z', '2024-03-04T10:00:00Z', berlin, 60], // 10:00–11:00 CET
  ['before opening counts nothing', '2024-03-04T05:00:00Z', '2024-03-04T07:59:00Z', berlin, 0],
  ['a whole working day is 8 hours', '2024-03-04T00:00:00Z', '2024-03-05T00:00:00Z', berlin, 480],
  ['across a weekend: Fri 16:30 → Mon 09:20', '2024-03-08T15:30:00Z', '2024-03-11T08:20:00Z', berlin, 50],
  ['a whole week is 5 × 8 hours', '2024-03-04T00:00:00Z', '2024-03-11T00:00:00Z', berlin, 2400],
  ['across the spring DST change: Fri 16:00 CET → Mon 10:00 CEST', '2024-03-29T15:00:00Z', '2024-04-01T08:00:00Z', berlin, 120],
  ['across the autumn DST change: Fri 16:00 CEST → Mon 10:00 CET', '2024-10-25T14:00:00Z', '2024-10-28T09:00:00Z', berlin, 120],
  ['the autumn-back day has 25 hours', '2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z', newYorkAllDay, 1500],
  ['the spring-forward day has 23 hours', '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z', newYorkAllDay, 1380],
  ['a holiday counts nothing (National Day)', '2024-09-30T00:00:00Z', '2024-10-02T00:00:00Z', shanghai, 720], // Mon 30 Sep 10:00–22:00 only
  ['a Saturday counts where Saturdays are worked', '2024-10-05T02:00:00Z', '2024-10-05T03:00:00Z', shanghai, 60],
  ['a reversed interval is zero', '2024-03-05T10:00:00Z', '2024-03-04T10:00:00Z', berlin, 0],
  ['the leap day is a working day', '2024-02-29T00:00:00Z', '2024-03-01T00:00:00Z', berlin, 480],
])('%s', (_name, from, to, hours, expected) => {
  expect(businessMinutesBetween(new Date(from), new Date(to), hours)).toBeCloseTo(expected, 6);
});

test.each<[string, string, number, BusinessHours | undefined, string]>([
  ['adds plain minutes without hours', '2024-03-04T10:00:00Z', 90, undefined, '2024-03-04T11:30:00.000Z'],
  ['inside the day', '2024-03-04T09:00:00Z', 60, berlin, '2024-03-04T10:00:00.000Z'],
  ['from the night: starts at opening', '2024-03-04T02:00:00Z', 30, berlin, '2024-03-04T08:30:00.000Z'],
  ['over the weekend', '2024-03-08T15:30:00Z', 60, berlin, '2024-03-11T08:30:00.000Z'],
  ['over the spring DST change', '2024-03-29T15:00:00Z', 240, berlin, '2024-04-01T10:00:00.000Z'],
  ['exactly to closing time', '2024-03-04T08:00:00Z', 480, berlin, '2024-03-04T16:00:00.000Z'],
  ['zero minutes from closing time is closing time', '2024-03-04T16:00:00Z', 0, berlin, '2024-03-04T16:00:00.000Z'],
])('addBusinessMinutes %s', (_name, from, minutes, hours, expected) => {
  expect(addBusinessMinutes(new Date(from), minutes, hours).toISOString()).toBe(expected);
});

test.each<[string, string, string]>([
  ['2024-01-15T12:00:00Z', 'Europe/Berlin', '2024-01-15T13:00:00.000Z'],
  ['2024-07-15T12:00:00Z', 'Europe/Berlin', '2024-07-15T14:00:00.000Z'],
  ['2024-07-15T12:00:00Z', 'Asia/Kolkata', '2024-07-15T17:30:00.000Z'],
  ['2024-12-31T23:30:00Z', 'Asia/Tokyo', '2025-01-01T08:30:00.000Z'],
])('wallTime(%s) in %s shows %s, and fromWallTime goes back', (utc, zone, wall) => {
  expect(new Date(wallTime(Date.parse(utc), zone)).toISOString()).toBe(wall);
  expect(new Date(fromWallTime(Date.parse(wall), zone)).toISOString()).toBe(new Date(utc).toISOString());
});

/** The zone's wall time read straight from Intl, one call per instant (what wallTime remembers). */
const intl = new Map<string, Intl.DateTimeFormat>();
function intlWallTime(utcMs: number, timeZone: string): number {
  if (!intl.has(timeZone)) {
    intl.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
  }
  const parts = Object.fromEntries(
    intl
      .get(timeZone)!
      .formatToParts(new Date(utcMs))
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) + (((utcMs % 1000) + 1000) % 1000);
}

test.each(['Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'Asia/Shanghai', 'America/Santiago'])(
  'remembered offsets give the exact wall time around every clock change (%s)',
  (zone) => {
    // Every minute either side of each change in 2025-2026, and random instants across the years.
    const instants: number[] = [];
    const step = 6 * 3_600_000;
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += step) {
      if (intlWallTime(t, zone) - t !== intlWallTime(t + step, zone) - (t + step)) {
        for (let m = -60; m <= 6 * 60 + 60; m++) instants.push(t + m * 60_000 + 17);
      }
    }
    const changes = ['Asia/Kolkata', 'Asia/Shanghai'].includes(zone) ? 0 : 4;
    let seed = 7;
    for (let i = 0; i < 2_000; i++) {
      seed = (seed * 16807) % 2147483647;
      instants.push(Date.UTC(2020, 0, 1) + (seed / 2147483647) * 10 * 365 * 86_400_000);
    }
    const wrong = instants.filter((t) => wallTime(t, zone) !== intlWallTime(t, zone));
    expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
    expect(instants.length).toBe(2_000 + changes * 481);
  },
);

/** The definition itself: every working window's overlap with [from, to), day by day (the walk the day table replaces). */
function walkedMinutes(from: Date, to: Date, hours: BusinessHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  let total = 0;
  const firstDay = Math.floor(wallTime(a, hours.timeZone) / 86_400_000);
  for (let day = firstDay; day <= firstDay + Math.ceil((b - a) / 86_400_000) + 2; day++) {
    if (!hours.days.includes((((day + 4) % 7) + 7) % 7)) continue;
    if (hours.holidays?.includes(new Date(day * 86_400_000).toISOString().slice(0, 10))) continue;
    const start = fromWallTime(day * 86_400_000 + hours.startMinute * 60_000, hours.timeZone);
    const end = fromWallTime(day * 86_400_000 + hours.endMinute * 60_000, hours.timeZone);
    if (end > start) total += Math.max(0, Math.min(end, b) - Math.max(start, a));
  }
  return total / 60_000;
}

test('business minutes from the day table equal the day-by-day walk, exactly, across zones, clock changes and spans', () => {
  let seed = 11;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];
  const shapes: Omit<BusinessHours, 'timeZone'>[] = [
    { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
    { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 },
    { days: [1, 3, 5], startMinute: 90, endMinute: 150, holidays: ['2025-04-02', '2025-12-24', '2026-03-30'] },
    { days: [0, 6], startMinute: 1380, endMinute: 1440 },
  ];
  const base = Date.UTC(2025, 0, 1);
  for (let i = 0; i < 3_000; i++) {
    const hours = { ...shapes[i % shapes.length], timeZone: zones[Math.floor(random() * zones.length)] };
    const from = base + Math.floor(random() * 700 * 86_400_000);
    // From a few minutes to 400 days, and now and then backwards in time, so the table grows both ways.
    const span = Math.floor(random() ** 3 * 400 * 86_400_000);
    const [a, b] = random() < 0.2 ? [from - span, from] : [from, from + span];
    expect(businessMinutesBetween(new Date(a), new Date(b), hours), `${hours.timeZone} ${new Date(a).toISOString()} → ${new Date(b).toISOString()}`).toBe(walkedMinutes(new Date(a), new Date(b), hours));
  }
});

test('a span too long for the day table is walked and still right', () => {
  const from = new Date(Date.UTC(1900, 0, 1));
  const to = new Date(Date.UTC(2030, 0, 1));
  expect(businessMinutesBetween(from, to, berlin)).toBe(walkedMinutes(from, to, berlin));
});
