import { expect, test } from 'vitest';
import { findOrderId } from '../../lib/kb/order-id';

test.each([
  ['Where is my order #1234?', '1234'],
  ['where is order 1234', '1234'],
  ['Order no. A-1234 has not arrived', 'A-1234'],
  ['Order number: 556677.', '556677'],
  ['my order number is 98765', '98765'],
  ['ORDER ID: SO-20931', 'SO-20931'],
  ['Order 123-4567890-1234567 (Amazon style)', '123-4567890-1234567'],
  ['I paid for #1001 yesterday', '1001'],
  ['(#A1002)', 'A1002'],
  ['订单号：20231234，还没发货', '20231234'],
  ['我的订单号是 20231234', '20231234'],
  ['订单 123456 什么时候到？', '123456'],
  ['订单编号: DD-778899', 'DD-778899'],
  ['Bestellnummer 12345', '12345'],
  ['Meine Bestellung Nr. 4711-22 ist nicht da', '4711-22'],
  ['Bestellnr.: 90001', '90001'],
  ['Auftragsnummer: AB12345', 'AB12345'],
  // A named order number wins over a bare "#" mention, wherever it is.
  ['Ticket #5555 — about order 7777', '7777'],
])('finds the order id in %j', (text, expected) => {
  expect(findOrderId(text)).toBe(expected);
});

test.each([
  ['Call me at +1 555 123 4567'],
  ['My phone: 13812345678'],
  ['I ordered on 2024-03-05'],
  ['order on 12/05/2024'],
  ['order 2024-03-05'],
  ['the order total was 123.45'],
  ['order 250 € please'],
  ['order 1500 dollars worth'],
  ['ship to 10115 Berlin'],
  ['Bestellung vom 12.03.2024'],
  ['订单金额 199 元'],
  ['订单 2 件'],
  ['订单 1999 元'],
  ['I ordered 3 items'],
  ['order #12'],
  ['see https://shop.example/page#1234abc'],
  ['meeting at 12:30'],
  ['no numbers at all'],
  ['快递单号 SF1234567890'],
])('finds no order id in %j', (text) => {
  expect(findOrderId(text)).toBeUndefined();
});
