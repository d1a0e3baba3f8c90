import { db, type Article } from '../db';
import { STARTER_ARTICLES } from '../kb/starter';
import { toStoredArticle } from './kb';

/** Loads the starter knowledge base once, on first install (an empty articles table). */
export async function seedStarterArticles(now = Date.now()): Promise<number> {
  return db.transaction('rw', db.articles, db.settings, async () => {
    const seeded = await db.settings.get('starterSeeded');
    if (seeded) return 0;
    const rows = STARTER_ARTICLES.map((a) => toStoredArticle(a, 'starter', now));
    await db.articles.bulkPut(rows);
    await db.settings.put({ key: 'starterSeeded', value: now });
    return rows.length;
  });
}

export function allArticles(): Promise<Article[]> {
  return db.articles.toArray();
}

export function articleCount(): Promise<number> {
  return db.articles.count();
}

/**
 * One window of the options list: the articles at `offset` in newest-edit-first order (ties by id,
 * descending). Opening the list reads the rows in view, not 10,000 articles with their bodies
 * (most of a second); even the index's 10,000 ids alone took a few hundred milliseconds.
 */
export function articlesPage(offset: number, limit: number): Promise<Article[]> {
  return db.articles.orderBy('updatedAt').reverse().offset(offset).limit(limit).toArray();
}

/** Every article's id (the table's own keys, the cheapest complete read), in id order. */
export function articleIds(): Promise<string[]> {
  return db.articles.toCollection().primaryKeys();
}

/** Up to `limit` whole articles by id after `afterId`, to read the whole table a chunk at a time. */
export function articlesAfter(afterId: string | undefined, limit: number): Promise<Article[]> {
  const range = afterId === undefined ? db.articles.orderBy(':id') : db.articles.where(':id').above(afterId);
  return range.limit(limit).toArray();
}

/** The ids of the articles edited at or after `since` (ms), from the index. */
export function articlesEditedSince(since: number): Promise<string[]> {
  return db.articles.where('updatedAt').aboveOrEqual(since).primaryKeys();
}

/** The articles with these ids, in that order; an id deleted meanwhile is left out. */
export async function articlesByIds(ids: readonly string[]): Promise<Article[]> {
  const rows = await db.articles.bulkGet([...ids]);
  return rows.filter((row): row is Article => row !== undefined);
}

/** The distinct categories, languages and tags, read from the indexes, sorted. */
export async function articleFacets(): Promise<{ categories: string[]; langs: string[]; tags: string[] }> {
  return db.transaction('r', db.articles, async () => {
    const [categories, langs, tags] = await Promise.all([
      db.articles.orderBy('category').uniqueKeys(),
      db.articles.orderBy('lang').uniqueKeys(),
      db.articles.orderBy('tags').uniqueKeys(),
    ]);
    const sorted = (keys: unknown[]) => keys.map(String).sort((x, y) => x.localeCompare(y));
    return { categories: sorted(categories), langs: sorted(langs), tags: sorted(tags) };
  });
}
