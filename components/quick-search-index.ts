import type { Article } from '@/lib/db';
import { filterArticles, NO_FILTER, searchText } from './options/article-filter';

/**
 * The side panel's quick search over every article, held in memory: the articles in the list's
 * order (newest edit first) with their lower-cased text, built once per change of the articles
 * table instead of reading 10,000 articles from IndexedDB on every keystroke.
 */
export interface QuickSearchIndex {
  articles: readonly Article[];
  texts: readonly string[];
}

export function quickSearchIndex(articles: readonly Article[]): QuickSearchIndex {
  const sorted = filterArticles(articles, NO_FILTER);
  return { articles: sorted, texts: sorted.map(searchText) };
}

/**
 * The first `limit` articles containing every word of the query, exactly what filterArticles
 * would list first; it stops at `limit`, so a common word costs a few articles, not all.
 */
export function firstMatches(index: QuickSearchIndex, query: string, limit: number): Article[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: Article[] = [];
  if (words.length === 0) return found;
  for (let i = 0; i < index.texts.length && found.length < limit; i++) {
    const text = index.texts[i];
    if (words.every((w) => text.includes(w))) found.push(index.articles[i]);
  }
  return found;
}
