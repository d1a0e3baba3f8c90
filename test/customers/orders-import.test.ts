import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { lastRecordEnd } from '../../lib/customers/csv-stream';
import { OrdersImportError, type ImportIssue, type Order, type OrderSource } from '../../lib/customers/order';
import { detectOrderFormat, importOrders } from '../../lib/customers/orders-import';

const fixture = (name: string): string =>
  readFileSync(resolve(process.cwd(), 'test/fixtures/orders', name), 'utf8');

type Expected = Pick<Order, 'id' | 'email' | 'date' | 'total' | 'refunded' | 'status'>;
const pick = ({ id, email, date, total, refunded, status }: Order): Expected => ({ id, email, date, total, refunded, status });

describe('importOrders on the sample exports', () => {
  test.each<[string, OrderSource, Expected[], number[]]>([
    [
      'shopify-orders.csv',
      'shopify',
      [
        { id: 'shopify:#1001', email: 'alice.martin@example.com', date: '2023-01-14T09:02:11.000Z', total: 124.9, refunded: 0, status: 'paid' },
        { id: 'shopify:#1002', email: 'bob@example.org', date: '2023-02-02T17:45:00.000Z', total: 46.9, refunded: 0, status: 'paid' },
        { id: 'shopify:#1003', email: 'alice.martin@example.com', date: '2023-06-30T21:59:59.000Z', total: 210, refunded: 0, status: 'paid' },
        { id: 'shopify:#1004', email: 'carol.nguyen@example.net', date: '2023-09-10T07:15:42.000Z', total: 64.9, refunded: 64.9, status: 'refunded' },
        { id: 'shopify:#1005', email: 'bob@example.org', date: '2024-02-29T11:00:00.000Z', total: 1020, refunded: 20, status: 'partially_refunded' },
        { id: 'shopify:#1007', email: 'dave.schmidt@example.de', date: '2024-05-20T06:01:00.000Z', total: 94.9, refunded: 0, status: 'paid' },
        { id: 'shopify:#1008', email: 'erin@example.com', date: '2024-06-01T09:11:11.000Z', total: 34.9, refunded: 0, status: 'pending' },
        { id: 'shopify:#1009', email: 'frank@example.com', date: '2024-06-02T09:11:11.000Z', total: 64.9, refunded: 0, status: 'voided' },
        { id: 'shopify:#1010', email: 'alice.martin@example.com', date: '2024-07-04T14:20:00.000Z', total: 174, refunded: 0, status: 'paid' },
        { id: 'shopify:#1011', email: 'alice.martin@example.com', date: '2024-11-28T06:45:30.000Z', total: 300, refunded: 50, status: 'partially_refunded' },
        { id: 'shopify:#1012', email: 'gina@example.com', date: '2024-12-01T09:00:00.000Z', total: 34.9, refunded: 0, status: 'paid' },
      ],
      [10],
    ],
    [
      'stripe-payments.csv',
      'stripe',
      [
        { id: 'stripe:ch_3OaBcD2eZvKYlo2C0x1yA1b2', email: 'hana.sato@example.jp', date: '2024-01-05T09:12:44.000Z', total: 29, refunded: 0, status: 'paid' },
        { id: 'stripe:ch_3OaBcD2eZvKYlo2C0x1yA1b3', email: 'hana.sato@example.jp', date: '2024-02-05T09:12:51.000Z', total: 29, refunded: 0, status: 'paid' },
        { id: 'stripe:ch_3OaBcD2eZvKYlo2C0x1yA1b4', email: 'ops@northwind.example', date: '2024-02-11T14:03:00.000Z', total: 1290, refunded: 290, status: 'partially_refunded' },
        { id: 'stripe:ch_3OaBcD2eZvKYlo2C0x1yA1b5', email: 'ivan.petrov@example.com', date: '2024-02-12T08:00:00.000Z', total: 49, refunded: 49, status: 'refunded' },
        { id: 'stripe:ch_3OaBcD2eZvKYlo2C0x1yA1b7', email: 'hana.sato@example.jp', date: '2024-03-05T09:12:40.000Z', total: 29, refunded: 0, status: 'pending' },
      ],
      [6],
    ],
    [
      'woocommerce-orders.csv',
      'woocommerce',
      [
        { id: 'woocommerce:4021', email: 'lena.mueller@example.de', date: '2024-04-02T10:15:00.000Z', total: 84.8, refunded: 0, status: 'paid' },
        { id: 'woocommerce:4022', email: 'tom@bakersons.example', date: '2024-04-03T17:40:00.000Z', total: 1250, refunded: 0, status: 'paid' },
        { id: 'woocommerce:4023', email: 'lena.mueller@example.de', date: '2024-04-05T09:00:00.000Z', total: 28.9, refunded: 28.9, status: 'refunded' },
        { id: 'woocommerce:4024', email: 'ana.costa@example.pt', date: '2024-04-06T12:00:00.000Z', total: 28.9, refunded: 0, status: 'pending' },
        { id: 'woocommerce:4025', email: 'lena.mueller@example.de', date: '2024-05-01T08:30:00.000Z', total: 120, refunded: 20, status: 'partially_refunded' },
        { id: 'woocommerce:4026', email: 'ana.costa@example.pt', date: '2024-05-02T08:30:00.000Z', total: 28.9, refunded: 0, status: 'voided' },
      ],
      [],
    ],
    [
      'plain-orders.csv',
      'plain',
      [
        { id: 'plain:kim@example.com|2023-03-01T00:00:00.000Z|120#1', email: 'kim@example.com', date: '2023-03-01T00:00:00.000Z', total: 120, refunded: 0, status: 'paid' },
        { id: 'plain:kim@example.com|2023-09-15T00:00:00.000Z|1080#1', email: 'kim@example.com', date: '2023-09-15T00:00:00.000Z', total: 1080, refunded: 0, status: 'paid' },
        { id: 'plain:lee@example.com|2024-02-29T00:00:00.000Z|45.5#1', email: 'lee@example.com', date: '2024-02-29T00:00:00.000Z', total: 45.5, refunded: 0, status: 'paid' },
        { id: 'plain:lee@example.com|2024-02-29T00:00:00.000Z|45.5#2', email: 'lee@example.com', date: '2024-02-29T00:00:00.000Z', total: 45.5, refunded: 0, status: 'paid' },
        { id: 'plain:max@example.com|2024-06-30T14:00:00.000Z|99#1', email: 'max@example.com', date: '2024-06-30T14:00:00.000Z', total: 99, refunded: 0, status: 'paid' },
      ],
      [],
    ],
  ])('reads %s as %s', async (file, format, expected, skippedRows) => {
    const result = await importOrders(fixture(file));
    expect(result.format).toBe(format);
    expect(result.orders.map(pick)).toEqual(expected);
    expect(result.skipped.map((s) => s.row)).toEqual(skippedRows);
  });

  it('keeps names and currencies (Shopify billing name, Stripe lower-case currency, WooCommerce first + last)', async () => {
    const [shopify, stripe, woo] = await Promise.all(
      ['shopify-orders.csv', 'stripe-payments.csv', 'woocommerce-orders.csv'].map((f) => importOrders(fixture(f))),
    );
    expect(shopify.orders[0]).toMatchObject({ name: 'Alice Martin', currency: 'EUR', source: 'shopify' });
    expect(stripe.orders[2]).toMatchObject({ name: 'Northwind Ltd', currency: 'USD', source: 'stripe' });
    expect(woo.orders[0]).toMatchObject({ name: 'Lena Müller', currency: 'EUR', source: 'woocommerce' });
  });

  test.each(['shopify-orders.csv', 'stripe-payments.csv', 'woocommerce-orders.csv', 'plain-orders.csv'])(
    'reads %s from a Blob in tiny slices exactly as from text, reporting rising progress up to 1',
    async (file) => {
      const text = fixture(file);
      const progress: number[] = [];
      const fromBlob = await importOrders(new Blob([text]), { chunkBytes: 37, onProgress: (f) => progress.push(f) });
      expect(fromBlob).toEqual(await importOrders(text));
      expect(progress.length).toBeGreaterThan(3);
      expect(progress).toEqual([...progress].sort((p, q) => p - q));
      expect(progress.at(-1)).toBe(1);
    },
  );

  it('gives the same ids when the same file is imported twice (idempotent re-import)', async () => {
    const first = await importOrders(fixture('shopify-orders.csv'));
    const second = await importOrders(fixture('shopify-orders.csv'));
    expect(second.orders.map((o) => o.id)).toEqual(first.orders.map((o) => o.id));
    expect(new Set(first.orders.map((o) => o.id)).size).toBe(first.orders.length);
  });
});

describe('importOrders validation (all or nothing)', () => {
  const issuesOf = async (csv: string): Promise<ImportIssue[]> => {
    try {
      await importOrders(csv);
    } catch (error) {
      if (error instanceof OrdersImportError) return error.issues.map(({ row, field }) => ({ row, field, message: '' }));
      throw error;
    }
    throw new Error('expected an OrdersImportError');
  };

  test.each<[string, string, Pick<ImportIssue, 'row' | 'field'>[]]>([
    ['an empty file', '', [{ row: 1, field: 'header' }]],
    ['an unknown header', 'foo,bar\n1,2\n', [{ row: 1, field: 'header' }]],
    ['a header without orders', 'email,date,amount\r\n\r\n', [{ row: 2, field: 'orders' }]],
    [
      'only orders without an address',
      'Name,Email,Financial Status,Total,Created at\n#1,,paid,10.00,2024-01-01 10:00:00 +0000\n',
      [{ row: 2, field: 'orders' }],
    ],
    ['a bad amount', 'email,date,amount\na@example.com,2024-01-01,12\nb@example.com,2024-01-02,twelve\n', [{ row: 3, field: 'amount' }]],
    ['a missing amount', 'email,date,amount\na@example.com,2024-01-01,\n', [{ row: 2, field: 'amount' }]],
    ['a negative amount', 'email,date,amount\na@example.com,2024-01-01,-5\n', [{ row: 2, field: 'amount' }]],
    ['a missing email in a plain file', 'email,date,amount\n,2024-01-01,5\n', [{ row: 2, field: 'email' }]],
    ['a malformed email', 'Email,Date,Amount\nnobody,2024-01-01,5\n', [{ row: 2, field: 'Email' }]],
    ['the 29th of February in a common year', 'email,date,amount\na@example.com,2023-02-29,5\n', [{ row: 2, field: 'date' }]],
    ['an unknown status', 'email,date,amount,status\na@example.com,2024-01-01,5,shipped?\n', [{ row: 2, field: 'status' }]],
    [
      'several bad rows, each named',
      'email,date,amount\r\na@example.com,2024-01-01,5\r\n\r\nb@example.com,yesterday,5\r\nc@example.com,2024-01-03,x\r\n',
      [
        { row: 4, field: 'date' },
        { row: 5, field: 'amount' },
      ],
    ],
    [
      'a Shopify order without a Financial Status',
      'Name,Email,Financial Status,Total,Created at\n#1,a@example.com,,10.00,2024-01-01 10:00:00 +0000\n',
      [{ row: 2, field: 'Financial Status' }],
    ],
    [
      'a Stripe payment without an id',
      'id,Created (UTC),Amount,Amount Refunded,Currency,Status,Customer Email\n,2024-01-01 10:00,10.00,0.00,usd,Paid,a@example.com\n',
      [{ row: 2, field: 'id' }],
    ],
  ])('rejects %s, naming row and field', async (_name, csv, expected) => {
    expect(await issuesOf(csv)).toEqual(expected.map((e) => ({ ...e, message: '' })));
  });

  it('says what is wrong in the error message', async () => {
    await expect(importOrders('email,date,amount\na@example.com,2024-01-01,twelve\n')).rejects.toThrow(
      /row 2, amount: "twelve" is not an amount/,
    );
  });
  it.each(['1O', '12abc', '1,2,3x'])('refuses the half-number amount %j with a row error', async (amount) => {
    await expect(importOrders(`email,date,amount\na@example.com,2024-01-01,5\nb@example.com,2024-01-02,"${amount}"\n`)).rejects.toThrow(
      `row 3, amount: "${amount}" is not an amount`,
    );
  });
  it.each([
    ['amount', `email,date,amount\na@example.com,2024-01-01,${'9x'.repeat(100_000)}\n`],
    ['date', `email,date,amount\na@example.com,${'y'.repeat(200_000)},5\n`],
    ['email', `email,date,amount\n${'@'.repeat(200_000)},2024-01-01,5\n`],
  ])('quotes only the start of a 200,000-character %s cell in its message', async (field, csv) => {
    const error: unknown = await importOrders(csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrdersImportError);
    expect((error as Error).message).toMatch(new RegExp(`^row 2, ${field}: .*…`));
    expect((error as Error).message.length).toBeLessThan(200);
  });
});

test.each<[string[], OrderSource | undefined]>([
  [['Name', 'Email', 'Financial Status', 'Paid at', 'Total', 'Created at'], 'shopify'],
  [['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status', 'Customer Email'], 'stripe'],
  [['order_id', 'order_number', 'date', 'status', 'order_total', 'refunded_total', 'billing_email'], 'woocommerce'],
  [['Order Number', 'Order Status', 'Order Date', 'Order Total', 'Billing Email'], 'woocommerce'],
  [['\uFEFFemail', 'date', 'amount'], 'plain'],
  [['Date', 'Amount', 'EMAIL', 'Currency'], 'plain'],
  [['id', 'title', 'body', 'examples'], undefined],
  [['text', 'label'], undefined],
])('detectOrderFormat(%j) = %s', (header, expected) => {
  expect(detectOrderFormat(header)).toBe(expected);
});

test.each<[string, number]>([
  ['a,b\n1,2\n', 8],
  ['a,"b\nc"\n1,2', 8],
  ['"x ""quoted"" \n', -1],
  ['no break', -1],
])('lastRecordEnd(%j) = %i (only breaks outside quotes end a record)', (text, expected) => {
  expect(lastRecordEnd(text)).toBe(expected);
});
