import { describe, expect, it } from 'vitest';
import { Bm25Index, bm25Terms, contentTerms } from '../../lib/triage/bm25';

describe('bm25Terms', () => {
  it.each([
    ['交易失败（1000075）', '1000075', true],
    ['error 10000P1 again', '10000p1', true],
    ['卡号6217853600010184652', '6217853600010184652', false],
  ])('keeps codes of up to 8 digits as terms, collapses longer numbers: %j', (text, term, kept) => {
    expect(bm25Terms(text).includes(term)).toBe(kept);
  });

  it('gives a Latin name inside Chinese text its character trigrams', () => {
    const terms = bm25Terms('Samsung Pay短信验证码');
    expect(terms).toEqual(expect.arrayContaining(['samsung', '~sam', '~ams', '~ung']));
  });

  it('leaves English text as stemmed words only', () => {
    expect(bm25Terms('Samsung phones')).toEqual(['samsung', 'phon']);
  });
});

describe('contentTerms', () => {
  it.each([
    [['请问', '我', '的', '密码', '吗'], ['密码']],
    [['refund', 'the', 'order'], ['refund', 'the', 'order']],
  ])('drops CJK stop terms from %j', (terms, want) => {
    expect(contentTerms(terms)).toEqual(want);
  });
});

describe('Bm25Index', () => {
  it('ranks the document sharing the rarer term first, and bounds scores by the self-score', () => {
    const index = new Bm25Index();
    index.build([bm25Terms('refund status'), bm25Terms('order status'), bm25Terms('invoice copy')]);
    const query = bm25Terms('refund status');
    const scores = index.score(query);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[2]).toBe(0);
    expect(scores[0]).toBeLessThanOrEqual(index.selfScore(query) + 1e-9);
  });
});
