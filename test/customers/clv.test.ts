import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import {
  assignTiers,
  customerValue,
  customerValues,
  expectedLifespan,
  isCounted,
  percentile,
  roundCents,
  type CustomerValue,
} from '../../lib/customers/clv';
import type { Order, OrderStatus } from '../../lib/customers/order';
import { importOrders } from '../../lib/customers/orders-import';

let seq = 0;
function order(date: string, total: number, refunded = 0, status: OrderStatus = 'paid', email = 'a@example.com'): Order {
  return { id: `plain:${++seq}`, email, date, total, refunded, status, source: 'plain' };
}

const NOW = new Date('2025-03-01T00:00:00Z');

test.each<[OrderStatus, number, number, boolean]>([
  ['paid', 10, 0, true],
  ['partially_refunded', 10, 4, true],
  ['paid', 10, 10, false], // a refund that covers the total leaves nothing
  ['partially_refunded', 0.3, 0.1 + 0.2, false], // 0.1 + 0.2 ≠ 0.3 in floating point, but it is in cents
  ['refunded', 10, 10, false],
  ['pending', 10, 0, false],
  ['voided', 10, 0, false],
  ['failed', 10, 0, false],
  ['paid', 0, 0, false], // a free order adds no value
])('an order %s with total %f and refunded %f counts: %s', (status, total, refunded, expected) => {
  expect(isCounted({ status, total, refunded })).toBe(expected);
});

describe('customerValue (CLV = AOV × F × L)', () => {
  test.each<[string, Order[], Partial<CustomerValue>]>([
    ['no orders at all', [], { countedOrders: 0, aov: 0, frequency: 0, clv: 0 }],
    ['only a fully refunded order', [order('2024-01-01', 50, 50, 'refunded')], { orders: 1, countedOrders: 0, clv: 0 }],
    ['only pending and voided orders', [order('2024-01-01', 50, 0, 'pending'), order('2024-02-01', 50, 0, 'voided')], { countedOrders: 0, clv: 0 }],
    // < 1 year of history: F = n ÷ 1. CLV = 60 × 2 × 3.
    ['two orders within the last year', [order('2024-06-01', 100), order('2024-09-01', 20)], { countedOrders: 2, totalSpend: 120, aov: 60, frequency: 2, clv: 360 }],
    // The article's example: AOV 100, 2 a year, 3 years → 600. Four orders over exactly 2 Julian years.
    ['the article example: 100 a time, twice a year', [order('2023-03-01T12:00:00Z', 100), order('2023-09-01', 100), order('2024-03-01', 100), order('2024-09-01', 100)], { aov: 100, frequency: 2, clv: 600 }],
    // net 90 + 30; the refunded one and the pending one do not count.
    ['partial refunds use the net amount', [order('2024-10-01', 100, 10, 'partially_refunded'), order('2024-11-01', 30), order('2024-12-01', 80, 80, 'refunded'), order('2025-01-01', 500, 0, 'pending')], { orders: 4, countedOrders: 2, totalSpend: 120, aov: 60, clv: 360, firstOrderAt: '2024-10-01', lastOrderAt: '2024-11-01' }],
    // AOV 33.333…, F = 3, L = 3 → 299.999… → 300.00 (rounding happens once, at the end).
    ['rounds only the result to cents', [order('2024-12-01', 33.33), order('2024-12-02', 33.33), order('2024-12-03', 33.34)], { aov: 100 / 3, clv: 300 }],
  ])('%s', (_name, orders, expected) => {
    expect(customerValue('A@Example.com', orders, NOW)).toMatchObject({ email: 'a@example.com', ...expected });
  });

  it('spans a leap day with Julian years: 2024-02-29 → 2026-03-01 is 2.0027 years', () => {
    const value = customerValue('a@example.com', [order('2024-02-29', 100), order('2025-02-28', 100)], new Date('2026-03-01'));
    // F = 2 / (731 days / 365.25) = 0.999316; CLV = 100 × 0.999316 × 3 = 299.79
    expect(value.frequency).toBeCloseTo(0.999316, 6);
    expect(value.clv).toBe(299.79);
  });

  test.each<[string, { lifespanYears?: number; annualChurnRate?: number }, number]>([
    ['defaults to 3 years', {}, 3],
    ['takes the setting', { lifespanYears: 5 }, 5],
    ['derives 1 / churn from a churn rate', { lifespanYears: 5, annualChurnRate: 0.25 }, 4],
    ['ignores a churn rate of zero', { annualChurnRate: 0 }, 3],
    ['caps churn at 100 %', { annualChurnRate: 2 }, 1],
  ])('the lifespan %s', (_name, settings, expected) => {
    expect(expectedLifespan(settings)).toBe(expected);
  });
});

test.each<[number[], number, number]>([
  [[1, 2, 3, 4, 5], 80, 4.2],
  [[15, 20, 35, 40, 50], 80, 42],
  [[7], 80, 7],
  [[10, 20], 80, 18],
  [[3, 1, 2], 50, 2],
  [[1, 2, 3, 4], 0, 1],
  [[1, 2, 3, 4], 100, 4],
])('percentile(%j, %i) = %f (linear interpolation, numpy/Excel PERCENTILE.INC)', (values, p, expected) => {
  expect(percentile(values, p)).toBeCloseTo(expected, 10);
});

describe('assignTiers', () => {
  const customer = (email: string, clv: number, countedOrders = 1) => ({
    email, clv, countedOrders, orders: countedOrders, totalSpend: clv, aov: clv, frequency: 1, lifespan: 3,
  });
  test.each<[string, ReturnType<typeof customer>[], string[]]>([
    ['the top of five is vip, the rest regular', [customer('a', 100), customer('b', 200), customer('c', 300), customer('d', 400), customer('e', 1000)], ['regular', 'regular', 'regular', 'regular', 'vip']],
    ['a lone customer is at the 80th percentile, so vip', [customer('a', 50)], ['vip']],
    ['equal CLVs are all vip', [customer('a', 90), customer('b', 90)], ['vip', 'vip']],
    ['customers without counted orders are new and do not move the threshold', [customer('a', 0, 0), customer('b', 10), customer('c', 20)], ['new', 'regular', 'vip']],
    ['nobody with orders: all new', [customer('a', 0, 0)], ['new']],
  ])('%s', (_name, customers, tiers) => {
    expect(assignTiers(customers).customers.map((c) => c.tier)).toEqual(tiers);
  });
});

describe('customerValues on the Shopify sample export', () => {
  it('makes the best customer vip, to the cent', async () => {
    const csv = readFileSync(resolve(process.cwd(), 'test/fixtures/orders/shopify-orders.csv'), 'utf8');
    const { orders } = await importOrders(csv);
    const { customers, vipThreshold } = customerValues(orders, NOW);
    // Bob: 46.90 + (1020 − 20) over 2.07327 years → F 0.96466, CLV 523.45 × 0.96466 × 3
    expect(customers.get('bob@example.org')).toMatchObject({ countedOrders: 2, totalSpend: 1046.9, aov: 523.45, clv: 1514.86, tier: 'vip', name: 'Bob Okafor' });
    // Alice: 124.90 + 210 + 174 + (300 − 50) over 2.12628 years
    expect(customers.get('alice.martin@example.com')).toMatchObject({ countedOrders: 4, totalSpend: 758.9, clv: 1070.74, tier: 'regular' });
    expect(customers.get('dave.schmidt@example.de')).toMatchObject({ clv: 284.7, tier: 'regular' });
    expect(customers.get('gina@example.com')).toMatchObject({ clv: 104.7, tier: 'regular' });
    for (const email of ['carol.nguyen@example.net', 'erin@example.com', 'frank@example.com']) {
      expect(customers.get(email)).toMatchObject({ clv: 0, tier: 'new' });
    }
    // P80 of [104.70, 284.70, 1070.74, 1514.86] = 1070.74 + 0.4 × 444.12
    expect(vipThreshold).toBe(1248.39);
  });
});

test.each<[number, number]>([
  [1.005, 1.01],
  [2.675, 2.68],
  [1070.7436645, 1070.74],
  [-1.005, -1],
  [0, 0],
])('roundCents(%f) = %f', (value, expected) => {
  expect(roundCents(value)).toBe(expected);
});
