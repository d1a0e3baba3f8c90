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
  const result = articles.filter((a) => {
    if (filter.category && a.category !== filter.category) return false;
    if (filter.lang && !langMatches(a.lang, filter.lang)) return false;
    if (filter.tag && !a.tags.includes(filter.tag)) return false;
    if (words.length === 0) return true;
    const text = index?.get(a.id) ?? searchText(a);
    return words.every((w) => text.includes(w));
  });
  return result.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
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
