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

/**
 * The articles passing the filter, newest edit first. Every word of the query must occur
 * (in any order) so "refund card" finds "Refunds to a credit card".
 */
export function filterArticles(articles: readonly Article[], filter: ArticleFilter, index?: ReadonlyMap<string, string>): Article[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return newestFirst(articles).filter((a) => {
    if (filter.category && a.category !== filter.category) return false;
    if (filter.lang && !langMatches(a.lang, filter.lang)) return false;
    if (filter.tag && !a.tags.includes(filter.tag)) return false;
    if (words.length === 0) return true;
    const text = index?.get(a.id) ?? searchText(a);
    return words.every((w) => text.includes(w));
  });
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

/** The distinct values the filter selects offer, sorted. */
export function facets(articles: readonly Article[]): { categories: string[]; langs: string[]; tags: string[] } {
  const categories = new Set<string>();
  const langs = new Set<string>();
  const tags = new Set<string>();
  for (const a of articles) {
    categories.add(a.category);
    langs.add(a.lang);
    for (const tag of a.tags) tags.add(tag);
  }
  const sorted = (s: Set<string>) => [...s].sort((x, y) => x.localeCompare(y));
  return { categories: sorted(categories), langs: sorted(langs), tags: sorted(tags) };
}
