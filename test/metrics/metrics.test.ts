import { describe, expect, it, test } from 'vitest';
import type { Order } from '../../lib/customers/order';
import {
  annualChurnRate,
  averageFirstResponseMinutes,
  averageResolutionMinutes,
  costPerTicket,
  csatPercent,
  retention,
  serviceCost,
  weekdayHourHeatmap,
  weeklyTrend,
  withinSlaPercent,
  type ConversationRecord,
} from '../../lib/metrics/metrics';
import { monthsBetween, periodMetrics } from '../../lib/metrics/popup-metrics';

const minutes = (n: number): number => n * 60_000;
let seq = 0;
function conversation(createdAt: string, fields: Partial<ConversationRecord> = {}): ConversationRecord {
  return { id: `c${++seq}`, priority: 'P3', createdAt, ...fields };
}
const after = (iso: string, m: number): string => new Date(Date.parse(iso) + minutes(m)).toISOString();

// The method article's worked example: 100 inquiries a month, 30 min to respond, 2 h to resolve,
// 85 % satisfied.
const articleMonth: ConversationRecord[] = Array.from({ length: 100 }, (_, i) => {
  const createdAt = new Date(Date.UTC(2024, 2, 1 + (i % 28), 9)).toISOString();
  return conversation(createdAt, {
    firstResponseAt: after(createdAt, 30),
    resolvedAt: after(createdAt, 120),
    rating: i < 85 ? 5 : 2,
    slaMet: i < 90,
  });
});

describe("the article's formulas on its own example", () => {
  it('averages 30 minutes to respond', () => expect(averageFirstResponseMinutes(articleMonth)).toBe(30));
  it('averages 120 minutes to resolve', () => expect(averageResolutionMinutes(articleMonth)).toBe(120));
  it('finds 85 % satisfied', () => expect(csatPercent(articleMonth)).toBe(85));
  it('finds 90 % within SLA', () => expect(withinSlaPercent(articleMonth)).toBe(90));
  it('adds labour 5,000 + tools 2,000 + operations 3,000 = 10,000 a month', () =>
    expect(serviceCost({ labour: 5000, tools: 2000, operations: 3000 })).toBe(10000));
  it('costs 100 per ticket over 100 tickets', () =>
    expect(costPerTicket({ labour: 5000, tools: 2000, operations: 3000 }, 100)).toBe(100));
});

describe('averages and shares', () => {
  const created = '2024-03-04T09:00:00Z';
  test.each<[string, ConversationRecord[], number | undefined, number | undefined]>([
    ['no conversations', [], undefined, undefined],
    ['none answered yet', [conversation(created)], undefined, undefined],
    ['unanswered ones do not pull the average', [conversation(created, { firstResponseAt: after(created, 10), resolvedAt: after(created, 60) }), conversation(created)], 10, 60],
    ['mean of 10 and 50 minutes', [conversation(created, { firstResponseAt: after(created, 10) }), conversation(created, { firstResponseAt: after(created, 50), resolvedAt: after(created, 90) })], 30, 90],
  ])('%s', (_name, records, response, resolution) => {
    expect(averageFirstResponseMinutes(records)).toBe(response);
    expect(averageResolutionMinutes(records)).toBe(resolution);
  });

  it('counts business minutes when given business hours (Fri 16:30 → Mon 09:20 Berlin = 50)', () => {
    const hours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 };
    const record = conversation('2024-03-08T15:30:00Z', { firstResponseAt: '2024-03-11T08:20:00Z' });
    expect(averageFirstResponseMinutes([record], hours)).toBe(50);
    expect(averageFirstResponseMinutes([record])).toBe(3890);
  });

  test.each<[string, (number | undefined)[], number | undefined]>([
    ['no ratings', [undefined, undefined], undefined],
    ['4 and 5 are satisfied, 3 is not', [3, 4, 5, undefined], 200 / 3],
    ['all bad', [1, 2], 0],
    ['out-of-scale ratings are ignored', [0, 7, 5], 100],
  ])('CSAT %% with %s', (_name, ratings, expected) => {
    expect(csatPercent(ratings.map((rating) => ({ rating })))).toBe(expected);
  });

  test.each<[string, (boolean | undefined)[], number | undefined]>([
    ['no verdicts', [undefined], undefined],
    ['3 of 4 met', [true, true, false, true, undefined], 75],
  ])('within SLA with %s', (_name, verdicts, expected) => {
    expect(withinSlaPercent(verdicts.map((slaMet) => conversation('2024-03-04T09:00:00Z', { slaMet })))).toBe(expected);
  });

  test.each<[number, number | undefined]>([
    [0, undefined],
    [1, 10000],
    [400, 25],
  ])('cost per ticket with %i tickets', (tickets, expected) => {
    expect(costPerTicket({ labour: 5000, tools: 2000, operations: 3000 }, tickets)).toBe(expected);
  });
});

let orderSeq = 0;
function order(email: string, date: string, status: Order['status'] = 'paid', refunded = 0): Order {
  return { id: `plain:${++orderSeq}`, email, date, total: 50, refunded, status, source: 'plain' };
}

describe('churn and retention over a quarter (customers with a counted order in the year before it)', () => {
  const from = new Date('2024-04-01T00:00:00Z');
  const to = new Date('2024-07-01T00:00:00Z');
  test.each<[string, Order[], { initial: number; retained: number; churnPercent?: number; retentionPercent?: number }]>([
    ['no customers: undefined rates', [], { initial: 0, retained: 0 }],
    ['nobody bought before: new customers do not count', [order('a@x.com', '2024-05-01')], { initial: 0, retained: 0 }],
    [
      'two of four come back: 50 % churn, 50 % retention',
      [order('a@x.com', '2024-01-10'), order('A@x.com', '2024-05-01'), order('b@x.com', '2023-12-01'), order('b@x.com', '2024-06-30T23:59:59Z'), order('c@x.com', '2024-03-31T23:59:59Z'), order('d@x.com', '2023-06-01')],
      { initial: 4, retained: 2, churnPercent: 50, retentionPercent: 50 },
    ],
    ['a purchase exactly at the end is outside the period', [order('a@x.com', '2024-01-10'), order('a@x.com', '2024-07-01T00:00:00Z')], { initial: 1, retained: 0, churnPercent: 100, retentionPercent: 0 }],
    ['a customer last seen more than a year before is not at the start', [order('a@x.com', '2023-03-31')], { initial: 0, retained: 0 }],
    ['a leap-day purchase is within the year before', [order('a@x.com', '2024-02-29'), order('a@x.com', '2024-04-02')], { initial: 1, retained: 1, churnPercent: 0, retentionPercent: 100 }],
    ['refunded or pending orders neither start nor keep a customer', [order('a@x.com', '2024-01-10', 'refunded', 50), order('b@x.com', '2024-01-10'), order('b@x.com', '2024-05-01', 'pending')], { initial: 1, retained: 0, churnPercent: 100, retentionPercent: 0 }],
  ])('%s', (_name, orders, expected) => {
    const result = retention(orders, from, to);
    expect(result).toMatchObject(expected);
    if (expected.churnPercent === undefined) expect(result.churnPercent).toBeUndefined();
  });

  it("matches the article's example: 100 of 1,000 lost is 10 % churn and 90 % retention", () => {
    const orders = Array.from({ length: 1000 }, (_, i) => [
      order(`c${i}@x.com`, '2024-02-01'),
      ...(i < 900 ? [order(`c${i}@x.com`, '2024-05-01')] : []),
    ]).flat();
    expect(retention(orders, from, to)).toMatchObject({ initial: 1000, churned: 100, churnPercent: 10, retentionPercent: 90 });
  });

  it('gives the annual churn for the CLV lifespan (L = 1 / churn)', () => {
    const orders = [order('a@x.com', '2023-06-01'), order('a@x.com', '2024-06-01'), order('b@x.com', '2023-06-01'), order('c@x.com', '2023-07-01'), order('c@x.com', '2024-02-01'), order('d@x.com', '2023-09-01')];
    expect(annualChurnRate(orders, new Date('2024-06-15T00:00:00Z'))).toBe(0.5);
    expect(annualChurnRate([], new Date('2024-06-15T00:00:00Z'))).toBeUndefined();
  });
});

describe('weeklyTrend', () => {
  it('lists every week, quiet ones with zeros, Monday first in the local zone', () => {
    const records = [
      conversation('2024-03-04T09:00:00Z', { firstResponseAt: '2024-03-04T09:20:00Z', rating: 5 }),
      conversation('2024-03-06T09:00:00Z', { firstResponseAt: '2024-03-06T09:40:00Z', resolvedAt: '2024-03-12T10:00:00Z', rating: 2 }),
      conversation('2024-03-24T23:30:00Z'), // Sunday night UTC, already Monday 00:30 in Berlin
    ];
    expect(weeklyTrend(records, new Date('2024-03-04T00:00:00Z'), new Date('2024-03-25T12:00:00Z'), 'Europe/Berlin')).toEqual([
      { weekStart: '2024-03-04', created: 2, resolved: 0, averageFirstResponseMinutes: 30, csatPercent: 50 },
      { weekStart: '2024-03-11', created: 0, resolved: 1 },
      { weekStart: '2024-03-18', created: 0, resolved: 0 },
      { weekStart: '2024-03-25', created: 1, resolved: 0 },
    ]);
  });

  it('spans a year end and the leap day with 7-day weeks', () => {
    const weeks = weeklyTrend([], new Date('2024-02-26T00:00:00Z'), new Date('2024-03-04T00:00:00Z'));
    expect(weeks.map((w) => w.weekStart)).toEqual(['2024-02-26', '2024-03-04']);
    const newYear = weeklyTrend([], new Date('2024-12-30T00:00:00Z'), new Date('2025-01-06T00:00:00Z'));
    expect(newYear.map((w) => w.weekStart)).toEqual(['2024-12-30', '2025-01-06']);
  });

  it('is empty-handed but complete for a period without conversations', () => {
    expect(weeklyTrend([], new Date('2024-03-05T00:00:00Z'), new Date('2024-03-06T00:00:00Z'))).toEqual([{ weekStart: '2024-03-04', created: 0, resolved: 0 }]);
  });
});

describe('weekdayHourHeatmap', () => {
  test.each<[string, string, string, number, number]>([
    ['a Monday 10:00 in UTC', '2024-03-04T10:00:00Z', 'UTC', 1, 10],
    ['the same instant in Berlin (11:00)', '2024-03-04T10:00:00Z', 'Europe/Berlin', 1, 11],
    ['late Sunday UTC is Monday morning in Shanghai', '2024-03-03T23:00:00Z', 'Asia/Shanghai', 1, 7],
    ['before the spring DST change in New York (01:30 EST)', '2024-03-10T06:30:00Z', 'America/New_York', 0, 1],
    ['after it (03:30 EDT: 02:xx never happens)', '2024-03-10T07:30:00Z', 'America/New_York', 0, 3],
    ['the leap day (a Thursday)', '2024-02-29T12:00:00Z', 'UTC', 4, 12],
  ])('puts %s in its weekday and hour', (_name, createdAt, zone, weekday, hour) => {
    const grid = weekdayHourHeatmap([{ createdAt }], zone);
    expect(grid[weekday][hour]).toBe(1);
    expect(grid.flat().reduce((s, v) => s + v, 0)).toBe(1);
  });

  it('is a 7 × 24 grid of zeros without conversations', () => {
    const grid = weekdayHourHeatmap([]);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24 && row.every((v) => v === 0))).toBe(true);
  });
});

test.each<[string, string, number]>([
  ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', 1], // leap February is one month
  ['2023-02-01T00:00:00Z', '2023-03-01T00:00:00Z', 1],
  ['2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 12],
  ['2024-03-01T00:00:00Z', '2024-03-16T12:00:00Z', 0.5],
  ['2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z', 0],
])('monthsBetween(%s, %s) = %f', (from, to, expected) => {
  expect(monthsBetween(new Date(from), new Date(to))).toBeCloseTo(expected, 10);
});

describe('periodMetrics (the popup figures)', () => {
  it("gives the article's month its figures, named as the popup names them", () => {
    const orders = Array.from({ length: 10 }, (_, i) => [order(`p${i}@x.com`, '2024-01-15'), ...(i < 9 ? [order(`p${i}@x.com`, '2024-03-10')] : [])]).flat();
    const metrics = periodMetrics({
      conversations: [...articleMonth, conversation('2024-04-01T00:00:00Z')], // next month: left out
      orders,
      from: new Date('2024-03-01T00:00:00Z'),
      to: new Date('2024-04-01T00:00:00Z'),
      costs: { labour: 5000, tools: 2000, operations: 3000 },
    });
    expect(metrics).toEqual({
      'first-response-minutes': 30,
      'resolution-minutes': 120,
      'within-sla-percent': 90,
      'csat-percent': 85,
      'churn-percent': 10,
      'retention-percent': 90,
      'cost-per-ticket': 100,
    });
  });

  it('leaves every figure undefined for an empty period', () => {
    const metrics = periodMetrics({ conversations: [], orders: [], from: new Date('2024-03-01'), to: new Date('2024-04-01'), costs: { labour: 1, tools: 1, operations: 1 } });
    expect(Object.values(metrics).every((v) => v === undefined)).toBe(true);
  });
});
