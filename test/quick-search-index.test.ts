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

describe('the options list filter', () => {
  it.each([1, 2, 3])('equals filtering then sorting newest first, for many filters over one list read (seed %i)', (seed) => {
    const random = seededRandom(seed * 7);
    const articles = randomArticles(seed, 300).map((a, i) => ({ ...a, category: i % 3 ? 'refund' : 'other', tags: i % 4 ? [] : ['vip'] }));
    for (let q = 0; q < 30; q++) {
      const filter = {
        query: random() < 0.3 ? '' : pick(random, WORDS).slice(0, 2 + Math.floor(random() * 3)),
        category: random() < 0.5 ? '' : pick(random, ['refund', 'other']),
        lang: random() < 0.5 ? '' : pick(random, ['en', 'zh']),
        tag: random() < 0.7 ? '' : 'vip',
      };
      const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
      const expected = articles
        .filter((a) => (!filter.category || a.category === filter.category) && (!filter.lang || a.lang === filter.lang) && (!filter.tag || a.tags.includes(filter.tag)))
        .filter((a) => words.every((w) => `${a.title}\n${a.body}\n${a.examples.join('\n')}`.toLowerCase().includes(w)))
        .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
      expect(filterArticles(articles, filter).map((a) => a.id)).toEqual(expected.map((a) => a.id));
    }
  });

  it('sorts a new read of the list again: an edited article moves to the top', () => {
    const articles = randomArticles(5, 50);
    expect(filterArticles(articles, NO_FILTER)[0].id).not.toBe('a7');
    const edited = articles.map((a) => (a.id === 'a7' ? { ...a, updatedAt: 1_000 } : a));
    expect(filterArticles(edited, NO_FILTER)[0].id).toBe('a7');
  });
});

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
