import { expect, it } from 'vitest';
import { fillReply, tidyReply } from '../lib/reply/tidy';

it.each([
  ['Best regards,\nSam\n', 'Best regards,\nSam'],
  ['Hi Ann,  \n\nThanks\n\n\n', 'Hi Ann,\n\nThanks'],
  ['祝好！\n客服团队\n', '祝好！\n客服团队'],
])('tidies what empty fallbacks leave: %j', (input, expected) => {
  expect(tidyReply(input)).toBe(expected);
});

it('fills a reply and tidies what an empty fallback left', () => {
  expect(fillReply('Hi {{customer.firstName}},\n{{company.name | ""}}\n', { customer: { firstName: 'Ann' } })).toEqual({ ok: true, text: 'Hi Ann,' });
  expect(fillReply('{{order.id}}', {})).toEqual({ ok: false, missing: ['order.id'] });
});
