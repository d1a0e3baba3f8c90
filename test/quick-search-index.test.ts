import { describe, expect, it } from 'vitest';
import { filterArticles, NO_FILTER } from '../components/options/article-filter';
import { firstMatches, quickSearchIndex } from '../components/quick-search-index';
import type { Article } from '../lib/db';
import { pick, seededRandom } from './kb/prng';

const WORDS = ['refund', 'Refunds', 'card', 'parcel', 'late', 'warranty', '退款', '物流', '发票', 'invoice', 'VAT', 'colour'];

function randomArticles(seed: number, n: number): Article[] {
  const random = seededRandom(seed);
  const text = (words: number) => Array.from({ length: words }, () => pick(random, WORDS)).join(random() < 0.5 ? ' ' : '');
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    title: text(2),
    body: text(8),
    examples: [text(3)],
    category: 'other',
    lang: random() < 0.5 ? 'en' : 'zh',
    tags: [],
    source: 'user',
    // Ties on purpose: the order then falls back to the id, as in the options list.
    updatedAt: Math.floor(random() * 20),
  }));
}

describe('the side panel quick search', () => {
  it.each([1, 2, 3, 4])('lists exactly the first results of the options filter (seed %i)', (seed) => {
    const random = seededRandom(seed * 31);
    const articles = randomArticles(seed, 300);
    const index = quickSearchIndex(articles);
    for (let q = 0; q < 40; q++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(random, WORDS).slice(0, 2 + Math.floor(random() * 4))).join(' ');
      const limit = 1 + Math.floor(random() * 10);
      expect(firstMatches(index, query, limit).map((a) => a.id)).toEqual(
        filterArticles(articles, { ...NO_FILTER, query }).slice(0, limit).map((a) => a.id),
      );
    }
  });

  it('finds nothing for an empty or blank query', () => {
    const index = quickSearchIndex(randomArticles(9, 20));
    expect(firstMatches(index, '   ', 8)).toEqual([]);
  });
});
