import { expect, test } from 'vitest';
import { parseCustomerName } from '../../lib/kb/customer-name';

test.each([
  ['Ann Lee', { name: 'Ann Lee', firstName: 'Ann' }],
  ['"Ann Lee"', { name: 'Ann Lee', firstName: 'Ann' }],
  ['Lee, Ann', { name: 'Ann Lee', firstName: 'Ann' }],
  ['"Müller, Hans-Peter"', { name: 'Hans-Peter Müller', firstName: 'Hans-Peter' }],
  ['Ann Lee, PhD', { name: 'Ann Lee', firstName: 'Ann' }],
  ['Dr. Jane Doe', { name: 'Dr. Jane Doe', firstName: 'Jane' }],
  ['Mrs Jane Doe', { name: 'Mrs Jane Doe', firstName: 'Jane' }],
  ['Dr. Smith', { name: 'Dr. Smith' }],
  ['Herr Müller', { name: 'Herr Müller' }],
  ['JOHN SMITH', { name: 'John Smith', firstName: 'John' }],
  ['john o’neil', { name: 'John O’Neil', firstName: 'John' }],
  ['Ann', { name: 'Ann', firstName: 'Ann' }],
  ['J. Smith', { name: 'J. Smith' }],
  ['Ann Lee (Acme Corp)', { name: 'Ann Lee', firstName: 'Ann' }],
  ['Ann Lee via Shopify', { name: 'Ann Lee', firstName: 'Ann' }],
  ['王小明', { name: '王小明', firstName: '王小明' }],
  ['欧阳 娜娜', { name: '欧阳娜娜', firstName: '欧阳娜娜' }],
  ['王先生', { name: '王先生', firstName: '王先生' }],
  ['山田太郎', { name: '山田太郎', firstName: '山田太郎' }],
  ['김민준', { name: '김민준', firstName: '김민준' }],
  ['', {}],
  [undefined, {}],
  ['ann@example.com', {}],
  ['ann_lee88', {}],
  ['Customer Service', {}],
  ['Support', {}],
])('greets %j as %j', (display, expected) => {
  expect(parseCustomerName(display)).toEqual(expected);
});
