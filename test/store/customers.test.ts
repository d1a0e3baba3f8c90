import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customerValues } from '../../lib/customers/clv';
import { db } from '../../lib/db';
import { atRiskEntries, atRiskList, customerCard } from '../../lib/store/customers';
import type { Order } from '../../lib/customers/order';
import { allOrders, importOrdersFile, isOrdersFile, storeOrders } from '../../lib/store/orders';
import { createBackup } from '../../lib/store/backup';

const fixture = (name: string): string => readFileSync(resolve(process.cwd(), 'test/fixtures/orders', name), 'utf8');
const NOW = new Date('2025-01-01T00:00:00Z');

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('orders import into the store', () => {
  it('imports a Shopify export and re-importing the same file changes nothing', async () => {
    const first = await importOrdersFile(fixture('shopify-orders.csv'));
    expect(first).toMatchObject({ ok: true, format: 'shopify', unchanged: 0 });
    const stored = await db.orders.count();
    expect(first.ok && first.added).toBe(stored);
    const before = await db.customers.toArray();

    const second = await importOrdersFile(fixture('shopify-orders.csv'));
    expect(second).toMatchObject({ ok: true, added: 0, unchanged: stored });
    expect(await db.orders.count()).toBe(stored);
    expect((await db.customers.toArray()).map((c) => [c.email, c.tier])).toEqual(before.map((c) => [c.email, c.tier]));
  });

  it('lands an import whole or not at all: a failed customer write leaves orders, their summary and customers as they were', async () => {
    const orders = await importOrdersFileOrders('shopify-orders.csv');
    await storeOrders(orders.slice(0, 4), NOW, { lifespanYears: 3 });
    const before = await createBackup(new Date(0));
    const write = vi.spyOn(db.customers, 'bulkPut').mockRejectedValueOnce(new Error('disk gave out'));
    await expect(storeOrders(orders, NOW, { lifespanYears: 3 })).rejects.toThrow('disk gave out');
    write.mockRestore();
    expect(await createBackup(new Date(0))).toEqual(before);
    // And the same import then lands whole.
    expect(await storeOrders(orders, NOW, { lifespanYears: 3 })).toEqual({ added: orders.length - 4, unchanged: 4 });
    expect(await db.orders.count()).toBe(orders.length);
  });

  it('computes the customers again when the orders change while it computes them: two imports at once both count', async () => {
    const orders = await importOrdersFileOrders('shopify-orders.csv');
    const half = Math.floor(orders.length / 2);
    await Promise.all([storeOrders(orders.slice(0, half), NOW, { lifespanYears: 3 }), storeOrders(orders.slice(half), NOW, { lifespanYears: 3 })]);
    expect(await db.orders.count()).toBe(orders.length);
    const expected = customerValues(await allOrders(), NOW, { lifespanYears: 3 }).customers;
    expect(await db.customers.count()).toBe(expected.size);
    for (const [email, value] of expected) expect(await db.customers.get(email), email).toMatchObject({ clv: value.clv, tier: value.tier });
  });

  it('stores every customer CLV and tier exactly as the CLV library computes them', async () => {
    await storeOrders((await importOrdersFileOrders('shopify-orders.csv')), NOW, { lifespanYears: 3 });
    const expected = customerValues(await allOrders(), NOW, { lifespanYears: 3 }).customers;
    for (const [email, value] of expected) {
      const row = await db.customers.get(email);
      expect(row).toMatchObject({ clv: value.clv, tier: value.tier });
    }
    expect([...expected.values()].some((v) => v.tier === 'vip')).toBe(true);
  });

  it('derives the lifespan from last year churn when the setting asks for it', async () => {
    const { annualChurnRate } = await import('../../lib/metrics/metrics');
    const orders = syntheticOrders();
    const churn = annualChurnRate(orders, NOW);
    expect(churn).toBeGreaterThan(0);
    await storeOrders(orders, NOW, { lifespanYears: 3, lifespanFromChurn: true });
    const expected = customerValues(orders, NOW, { lifespanYears: 3, annualChurnRate: churn }).customers.get('c29@example.com');
    expect((await db.customers.get('c29@example.com'))?.clv).toBe(expected?.clv);
    expect(expected?.lifespan).not.toBe(3);
  });

  it('keeps a name and first-seen date already known from mail and marks customers without orders new', async () => {
    await db.customers.put({ email: 'alice.martin@example.com', name: 'Alice M.', firstSeenAt: 5, lastSeenAt: 6 });
    await db.customers.put({ email: 'nobody@example.com', name: 'No Orders', firstSeenAt: 1, lastSeenAt: 2 });
    await storeOrders(await importOrdersFileOrders('shopify-orders.csv'), NOW, { lifespanYears: 3 });
    expect(await db.customers.get('alice.martin@example.com')).toMatchObject({ name: 'Alice M.', firstSeenAt: 5 });
    expect(await db.customers.get('nobody@example.com')).toMatchObject({ clv: 0, tier: 'new' });
  });

  it('reports an invalid file with the row that is wrong and stores nothing', async () => {
    const result = await importOrdersFile('email,date,amount\nx@example.com,2024-01-01,12\ny@example.com,not a date,3\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/row 3/);
    expect(await db.orders.count()).toBe(0);
  });

  it.each([
    ['shopify-orders.csv', true],
    ['plain-orders.csv', true],
  ])('detects %s as an orders export', async (file, expected) => {
    expect(await isOrdersFile(fixture(file))).toBe(expected);
  });

  it('does not take a knowledge-base CSV for an orders export', async () => {
    expect(await isOrdersFile('title,body,examples\nHi,Hello,hello there\n')).toBe(false);
  });
});

describe('customer card', () => {
  it('shows orders, spend and past conversations of a customer, and new/0 for one without orders', async () => {
    await storeOrders(await importOrdersFileOrders('shopify-orders.csv'), NOW, { lifespanYears: 3 });
    const card = await customerCard('Alice.Martin@example.com', 'gmail:this', NOW);
    expect(card.orders).toBe(4);
    expect(card.totalSpend).toBeCloseTo(124.9 + 210 + 174 + 250, 2);
    expect(card.tier).toMatch(/vip|regular/);
    const none = await customerCard('stranger@example.com', 'gmail:x', NOW);
    expect(none).toMatchObject({ tier: 'new', clv: 0, orders: 0 });
  });
});

/** 30 customers: customer i bought (i % 5) + 1 times, the lapsed ones long ago. */
function syntheticOrders(): Order[] {
  const orders: Order[] = [];
  for (let i = 0; i < 30; i++) {
    const count = (i % 5) + 1;
    const start = i < 10 ? 700 : 360;
    for (let k = 0; k < count; k++) {
      const daysAgo = i < 10 ? start - k * 20 : start - k * 60;
      orders.push({ id: `plain:${i}-${k}`, email: `c${i}@example.com`, date: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(), total: 50 + i * 10, refunded: 0, status: 'paid', source: 'plain' });
    }
  }
  return orders;
}

describe('customer behaviour', () => {
  it('adds P(alive) and expected purchases to the card once at least 20 customers have orders', async () => {
    await storeOrders(syntheticOrders(), NOW, { lifespanYears: 3 });
    const card = await customerCard('c29@example.com', 'x', NOW);
    expect(card.behaviour?.pAlive).toBeGreaterThan(0);
    expect(card.behaviour?.pAlive).toBeLessThanOrEqual(1);
    expect(card.behaviour?.expectedPurchasesNextYear).toBeGreaterThan(0);
  });

  it('leaves behaviour out below 20 customers', async () => {
    await storeOrders(syntheticOrders().filter((o) => Number(o.email.slice(1).split('@')[0]) < 19), NOW, { lifespanYears: 3 });
    expect((await customerCard('c5@example.com', 'x', NOW)).behaviour).toBeUndefined();
  });

  it('lists a valuable customer with an open negative conversation as at risk', async () => {
    await storeOrders(syntheticOrders(), NOW, { lifespanYears: 3 });
    const vip = (await db.customers.toArray()).find((c) => c.tier === 'vip')!;
    await db.conversations.put({
      id: 'gmail:t', site: 'gmail', threadId: 't', subject: 's', customerEmail: vip.email, customerName: '', messageCount: 1, url: '', state: 'open',
      createdAt: 0, updatedAt: 0, lastMessageAt: 0,
      triage: { category: 'refund', confidence: 1, urgency: 'low', importance: 'high', priority: 'P2', sentiment: 'negative', lang: 'en', reasons: [], suggestions: [], at: 0, engine: 'lexical' },
    });
    const list = await atRiskList();
    expect(list.find((e) => e.email === vip.email)).toBeDefined();
    expect(list.map((e) => e.clv)).toEqual([...list.map((e) => e.clv)].sort((a, b) => b - a));
  });

  it('reads the same at-risk list from its summary as from every customer row', async () => {
    await storeOrders(syntheticOrders(), NOW, { lifespanYears: 3 });
    const customers = await db.customers.toArray();
    const valuable = customers.filter((c) => c.tier === 'vip' || c.tier === 'regular');
    // Open, waiting and resolved conversations in every tone, some from customers already at risk.
    const tones = ['negative', 'neutral', 'positive'] as const;
    const states = ['open', 'waiting', 'resolved'] as const;
    await db.conversations.bulkPut(
      customers.map((c, i) => ({
        id: `gmail:${i}`, site: 'gmail' as const, threadId: `${i}`, subject: 's', customerEmail: c.email, customerName: '', messageCount: 1, url: '', state: states[i % 3],
        createdAt: 0, updatedAt: 0, lastMessageAt: 0,
        triage: { category: 'refund', confidence: 1, urgency: 'low' as const, importance: 'high' as const, priority: 'P2' as const, sentiment: tones[(i >> 1) % 3], lang: 'en', reasons: [], suggestions: [], at: 0, engine: 'lexical' },
      })),
    );
    const everyRow = atRiskEntries(customers, (await db.conversations.where('state').anyOf('open', 'waiting').toArray()).filter((c) => c.triage?.sentiment === 'negative'));
    expect(everyRow.filter((e) => e.reason === 'inactive').length).toBeGreaterThan(0);
    expect(everyRow.filter((e) => e.reason === 'negative-conversation').length).toBeGreaterThan(0);
    expect(valuable.length).toBeGreaterThan(everyRow.length);
    expect(await atRiskList()).toEqual(everyRow);
  });
});

async function importOrdersFileOrders(name: string) {
  const { importOrders } = await import('../../lib/customers/orders-import');
  return (await importOrders(fixture(name))).orders;
}
