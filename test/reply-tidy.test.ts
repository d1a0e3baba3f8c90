import { expect, it } from 'vitest';
import { tidyReply } from '../lib/reply/tidy';

it.each([
  ['Best regards,\nSam\n', 'Best regards,\nSam'],
  ['Hi Ann,  \n\nThanks\n\n\n', 'Hi Ann,\n\nThanks'],
  ['祝好！\n客服团队\n', '祝好！\n客服团队'],
])('tidies what empty fallbacks leave: %j', (input, expected) => {
  expect(tidyReply(input)).toBe(expected);
});
