import type { Article } from '@/lib/db';

/** What the options page's list is narrowed to; empty strings mean "any". */
export interface ArticleFilter {
  query: string;
  category: string;
  lang: string;
  tag: string;
}

export const NO_FILTER: ArticleFilter = { query: '', category: '', lang: '', tag: '' };

/** Lower-cased title, body and examples, computed once per article rather than per keystroke. */
export function searchText(article: Article): string {
  return `${article.title}\n${article.body}\n${article.examples.join('\n')}`.toLowerCase();
}

/** Matches the primary language too: the `zh` filter shows `zh-CN` articles. */
function langMatches(lang: string, wanted: string): boolean {
  return lang === wanted || lang.startsWith(`${wanted}-`);
}

/** What the filter reads of an article, held in memory for every article: facets and lower-cased text. */
export interface CatalogEntry {
  updatedAt: number;
  category: string;
  lang: string;
  tags: string[];
  /** searchText() of the article. */
  text: string;
}

export function catalogEntry(article: Article): CatalogEntry {
  return { updatedAt: article.updatedAt, category: article.category, lang: article.lang, tags: [...article.tags], text: searchText(article) };
}

function queryWords(filter: ArticleFilter): string[] {
  return filter.query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Every word of the query must occur (in any order), so "refund card" finds "Refunds to a credit
 * card". `text` is asked for only once the facets pass (filterArticles computes it on demand).
 */
function passes(entry: Omit<CatalogEntry, 'updatedAt' | 'text'>, text: () => string, filter: ArticleFilter, words: readonly string[]): boolean {
  if (filter.category && entry.category !== filter.category) return false;
  if (filter.lang && !langMatches(entry.lang, filter.lang)) return false;
  if (filter.tag && !entry.tags.includes(filter.tag)) return false;
  if (words.length === 0) return true;
  const haystack = text();
  return words.every((w) => haystack.includes(w));
}

export function isFiltering(filter: ArticleFilter): boolean {
  return Boolean(filter.category || filter.lang || filter.tag || queryWords(filter).length > 0);
}

/** The catalog's ids newest edit first, ties by id descending: the order of articlesPage(). */
export function newestFirstIds(catalog: ReadonlyMap<string, CatalogEntry>): string[] {
  return [...catalog.keys()].sort((a, b) => catalog.get(b)!.updatedAt - catalog.get(a)!.updatedAt || (a < b ? 1 : a > b ? -1 : 0));
}

/** The ids passing the filter, in the given order (the list's: newest edit first). */
export function filterIds(ids: readonly string[], catalog: ReadonlyMap<string, CatalogEntry>, filter: ArticleFilter): string[] {
  const words = queryWords(filter);
  return ids.filter((id) => {
    const entry = catalog.get(id);
    return entry !== undefined && passes(entry, () => entry.text, filter, words);
  });
}

/** The articles passing the filter, newest edit first. */
export function filterArticles(articles: readonly Article[], filter: ArticleFilter): Article[] {
  const words = queryWords(filter);
  return newestFirst(articles).filter((a) => passes(a, () => searchText(a), filter, words));
}

const sortedOnce = new WeakMap<readonly Article[], Article[]>();

/**
 * The articles newest edit first, sorted once per list read from the database rather than on
 * every keystroke (sorting 10,000 articles took as long as searching them).
 */
function newestFirst(articles: readonly Article[]): Article[] {
  let sorted = sortedOnce.get(articles);
  if (!sorted) {
    sorted = [...articles].sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
    sortedOnce.set(articles, sorted);
  }
  return sorted;
}
