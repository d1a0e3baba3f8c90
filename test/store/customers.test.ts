import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { customerValues } from '../../lib/customers/clv';
import { db } from '../../lib/db';
import { customerCard } from '../../lib/store/customers';
import { allOrders, importOrdersFile, isOrdersFile, storeOrders } from '../../lib/store/orders';

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

  it('stores every customer CLV and tier exactly as the CLV library computes them', async () => {
    await storeOrders((await importOrdersFileOrders('shopify-orders.csv')), NOW, 3);
    const expected = customerValues(await allOrders(), NOW, { lifespanYears: 3 }).customers;
    for (const [email, value] of expected) {
      const row = await db.customers.get(email);
      expect(row).toMatchObject({ clv: value.clv, tier: value.tier });
    }
    expect([...expected.values()].some((v) => v.tier === 'vip')).toBe(true);
  });

  it('keeps a name and first-seen date already known from mail and marks customers without orders new', async () => {
    await db.customers.put({ email: 'alice.martin@example.com', name: 'Alice M.', firstSeenAt: 5, lastSeenAt: 6 });
    await db.customers.put({ email: 'nobody@example.com', name: 'No Orders', firstSeenAt: 1, lastSeenAt: 2 });
    await storeOrders(await importOrdersFileOrders('shopify-orders.csv'), NOW, 3);
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
    await storeOrders(await importOrdersFileOrders('shopify-orders.csv'), NOW, 3);
    const card = await customerCard('Alice.Martin@example.com', 'gmail:this', NOW);
    expect(card.orders).toBe(4);
    expect(card.totalSpend).toBeCloseTo(124.9 + 210 + 174 + 250, 2);
    expect(card.tier).toMatch(/vip|regular/);
    const none = await customerCard('stranger@example.com', 'gmail:x', NOW);
    expect(none).toMatchObject({ tier: 'new', clv: 0, orders: 0 });
  });
});

async function importOrdersFileOrders(name: string) {
  const { importOrders } = await import('../../lib/customers/orders-import');
  return (await importOrders(fixture(name))).orders;
}
