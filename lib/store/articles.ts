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
