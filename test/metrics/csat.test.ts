import { describe, expect, test } from 'vitest';
import { csatInvitation, freshText, hasCsatInvitation, readCsatRating, type Rating } from '../../lib/metrics/csat';

describe('readCsatRating reads a rating from a short reply', () => {
  test.each<[string, Rating]>([
    ['5', 5],
    ['1', 1],
    ['4!', 4],
    ['  3.  ', 3],
    ['5/5', 5],
    ['4 / 5, thanks', 4],
    ['3 out of 5', 3],
    ['5 stars', 5],
    ['1 star', 1],
    ['Rating: 4', 4],
    ["I'd give you a 5", 5],
    ['给5分', 5],
    ['5分', 5],
    ['打4分吧', 4],
    ['五星好评', 5],
    ['评分：3', 3],
    ['4 Sterne', 4],
    ['5 von 5', 5],
    ['★★★★★', 5],
    ['★★★☆☆', 3],
    ['⭐⭐⭐⭐', 4],
    ['👍', 5],
    ['👍👍 thanks', 5],
    ['👎', 1],
    ['Solved, thanks!', 5],
    ['Great help, thank you', 5],
    ['That worked, thanks', 5],
    ['very helpful', 5],
    ['helpful', 4],
    ['Not helpful.', 2],
    ["Sorry, that didn't help", 2],
    ['useless', 1],
    ['非常满意', 5],
    ['满意', 4],
    ['不满意', 2],
    ['非常不满意', 1],
    ['已解决，谢谢！', 5],
    ['sehr zufrieden', 5],
    ['Zufrieden.', 4],
    ['unzufrieden', 2],
    ['Sehr unzufrieden!', 1],
    ['Gelöst, danke!', 5],
  ])('%j → %i', (text, rating) => {
    expect(readCsatRating(text)?.rating).toBe(rating);
  });
});

describe('readCsatRating stays silent when unsure', () => {
  test.each<[string, string]>([
    ['a review elsewhere', 'I gave it 1 star on Amazon because it broke'],
    ['a product review, short', '1 star review on Trustpilot'],
    ['a number of days', '2 days and still nothing'],
    ['a number in a question', '5?'],
    ['an order number', 'Order 4021'],
    ['a quantity', '3 more please'],
    ['a plain thank-you', 'Thanks!'],
    ['an empty reply', ''],
    ['a long mail with a digit', 'Hello, I ordered 5 mugs last week and 1 of them arrived broken. Could you please send a replacement or refund the broken one? I attached a photo of the damage. Thanks, Lena'],
    ['a long mail praising, not answering an invitation', 'Thanks for the quick answer yesterday, it was a great help with the setup, but now I have another question about the invoice address for my company, which changed last month.'],
    ['thumbs up and down together', '👍👎'],
    ['a rating of 7', '7'],
  ])('%s: %j', (_name, text) => {
    expect(readCsatRating(text)).toBeUndefined();
  });
});

describe('readCsatRating with the invitation', () => {
  test.each<[string, Rating]>([
    ['5 - thanks, that was quick!', 5],
    ['4 – quick, but the link in the article is broken, you may want to fix it. Also the second step of the guide shows an old screenshot of the settings page.', 4],
    ['2: still waiting for the refund', 2],
  ])('%j → %i', (text, rating) => {
    expect(readCsatRating(text, { answersInvitation: true })?.rating).toBe(rating);
  });

  test('a leading digit without the invitation is not enough', () => {
    expect(readCsatRating('2: still waiting for the refund')).toBeUndefined();
  });

  test('answering the invitation raises the confidence', () => {
    const plain = readCsatRating('5');
    const invited = readCsatRating('5', { answersInvitation: true });
    expect(invited?.confidence).toBeGreaterThan(plain?.confidence ?? 1);
    expect(invited?.confidence).toBeLessThanOrEqual(1);
  });

  test('reads the rating above the quoted invitation and ignores the quote', () => {
    const reply = `4\n\nOn Mon, 4 Mar 2024 at 10:00, Support <help@shop.example> wrote:\n> ${csatInvitation('en')}\n> 1 (bad) to 5 (great)`;
    expect(readCsatRating(reply, { answersInvitation: true })?.rating).toBe(4);
  });
});

test.each<[string, RegExp]>([
  ['en', /Reply with a number from 1 \(bad\) to 5 \(great\)/],
  ['en-GB', /Reply with a number/],
  ['zh-CN', /回复 1（差）到 5（很好）/],
  ['de-DE', /Zahl von 1 \(schlecht\) bis 5 \(sehr gut\)/],
  ['fr', /Reply with a number/],
])('csatInvitation(%s)', (locale, expected) => {
  const line = csatInvitation(locale);
  expect(line).toMatch(expected);
  expect(hasCsatInvitation(`Hello,\n\nhere is the answer.\n\n${line}`)).toBe(true);
});

test('hasCsatInvitation is false for an ordinary reply', () => {
  expect(hasCsatInvitation('Hello, your parcel left today.')).toBe(false);
});

test.each<[string, string]>([
  ['5\n> quoted', '5'],
  ['Great help\n-- \nKim', 'Great help'],
  ['满意\n在 2024年3月4日 写道：\n> 旧邮件', '满意'],
  ['Danke\nAm 04.03.2024 schrieb Support <a@b.c>:\n> alt', 'Danke'],
])('freshText(%j) = %j', (body, expected) => {
  expect(freshText(body)).toBe(expected);
});
