import { expect, test } from 'vitest';
import { normaliseEmail, parseAmount, parseOrderDate } from '../../lib/customers/order-values';

test.each<[string | undefined, number | undefined]>([
  [undefined, undefined],
  ['', undefined],
  ['  ', undefined],
  ['12', 12],
  ['12.5', 12.5],
  ['$1,234.56', 1234.56],
  ['€1.234,56', 1234.56],
  ['1 234,56 €', 1234.56],
  ['1\u202f234,56\u00a0€', 1234.56],
  ["CHF 1'234.50", 1234.5],
  ['USD 12.00', 12],
  ['12,50', 12.5],
  ['1,234', 1234],
  ['1,234,567', 1234567],
  ['1.234.567', 1234567],
  ['-3.00', -3],
  ['(3.00)', -3],
  ['£0.99', 0.99],
  ['¥1,200', 1200],
  ['-$3.00', -3],
  ['USD -12', -12],
  ['USD12', 12],
  ['12.50EUR', 12.5],
  ['12 kr', 12],
  ['12元', 12],
  ['1,23,456.00', 123456],
  ['.5', 0.5],
  ['1 234', 1234],
])('parseAmount(%j) = %j', (text, expected) => {
  expect(parseAmount(text)).toBe(expected);
});

test.each([
  ...['abc', '1.2.3,4,5x', '$', '12-3', '0x1F', '1e309', '9x9', '12 USD 5', '9'.repeat(400)],
  // Partly a number: letters against the digits, or separators that do not group by thousands.
  ...['1O', 'O1', '12abc', 'abc12', '1,2,3x', '1,2,3', '1,2345', '12 3', '1,234.567,89', '1..5', '12.', '(1O)', '-1O', 'US1'],
])('parseAmount(%j) is NaN', (text) => {
  expect(parseAmount(text)).toBeNaN();
});

test.each<[string, string]>([
  ['2024-03-05', '2024-03-05T00:00:00.000Z'],
  ['2024-03-05 14:22:10 +0100', '2024-03-05T13:22:10.000Z'],
  ['2024-03-05 14:22:10 -05:00', '2024-03-05T19:22:10.000Z'],
  ['2024-03-05 14:22', '2024-03-05T14:22:00.000Z'],
  ['2024-03-05T14:22:10Z', '2024-03-05T14:22:10.000Z'],
  ['2024-03-05T14:22:10.123456Z', '2024-03-05T14:22:10.123Z'],
  ['2024-03-05 14:22:10 UTC', '2024-03-05T14:22:10.000Z'],
  ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ['2000-02-29', '2000-02-29T00:00:00.000Z'],
  ['2024-01-01 00:30:00 +0100', '2023-12-31T23:30:00.000Z'],
  ['05.03.2024', '2024-03-05T00:00:00.000Z'],
  ['05.03.2024 14:22', '2024-03-05T14:22:00.000Z'],
  ['25/03/2024', '2024-03-25T00:00:00.000Z'],
  ['03/25/2024 2:05 PM', '2024-03-25T14:05:00.000Z'],
  ['2024/03/05', '2024-03-05T00:00:00.000Z'],
])('parseOrderDate(%j) = %s', (text, iso) => {
  expect(parseOrderDate(text)).toEqual({ ok: true, iso });
});

test.each<[string, RegExp]>([
  ['2023-02-29', /no such day/],
  ['1900-02-29', /no such day/],
  ['2024-13-01', /no such day/],
  ['2024-04-31', /no such day/],
  ['03/05/2024', /ambiguous/],
  ['2024-03-05 25:00', /time out of range/],
  ['yesterday', /unreadable/],
])('parseOrderDate(%j) fails: %s', (text, message) => {
  const result = parseOrderDate(text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(message);
});

test('parseOrderDate reads an ambiguous slashed date with the order it is told', () => {
  expect(parseOrderDate('03/05/2024', 'dmy')).toEqual({ ok: true, iso: '2024-05-03T00:00:00.000Z' });
});

test.each<[string, string | undefined]>([
  ['Alice.Martin@Example.COM', 'alice.martin@example.com'],
  [' mailto:bob@example.org ', 'bob@example.org'],
  ['not an address', undefined],
  ['a@b', undefined],
])('normaliseEmail(%j) = %j', (text, expected) => {
  expect(normaliseEmail(text)).toBe(expected);
});
