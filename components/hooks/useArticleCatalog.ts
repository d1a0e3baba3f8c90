import { useEffect, useRef, useState } from 'react';
import { reportError } from '@/lib/log';
import { articlesAfter, articlesByIds, articlesEditedSince } from '@/lib/store/articles';
import { measured } from '@/lib/timing';
import { type CatalogEntry, catalogEntry } from '../options/article-filter';

/** Articles read per step: a few hundred bodies keep each step short of a long task. */
const CHUNK = 400;
/** Room for an edit stamped by another page a moment before this one started reading. */
const CLOCK_MARGIN_MS = 60_000;

/**
 * The filter's in-memory view of every article (its facets and lower-cased text), read after the
 * list is on screen, a chunk at a time, so opening the page never waits for 10,000 bodies.
 * It follows `order` (the live list of ids): afterwards only new articles and those edited since
 * the last read are read again (an edit stamps the article with the time of the edit). An import
 * may replace an article keeping its old time, so `refreshKey` (bumped after every import) makes
 * it read everything again. `undefined` until the first full read.
 */
export function useArticleCatalog(order: readonly string[] | undefined, refreshKey: number): ReadonlyMap<string, CatalogEntry> | undefined {
  const [catalog, setCatalog] = useState<ReadonlyMap<string, CatalogEntry>>();
  const cache = useRef(new Map<string, CatalogEntry>());
  // When the last complete read started; undefined while no read has completed.
  const readSince = useRef<number | undefined>(undefined);
  const builtFor = useRef(refreshKey);

  useEffect(() => {
    if (!order) return;
    if (builtFor.current !== refreshKey) {
      builtFor.current = refreshKey;
      cache.current = new Map();
      readSince.current = undefined;
    }
    let current = true;
    const held = cache.current;
    const since = readSince.current;
    const started = Date.now();
    const keep = (articles: readonly Parameters<typeof catalogEntry>[0][]) => {
      for (const article of articles) held.set(article.id, catalogEntry(article));
    };
    const read = async () => {
      if (since === undefined) {
        // Everything, by key range: one read per chunk rather than one per article.
        let chunk = await articlesAfter(undefined, CHUNK);
        while (current && chunk.length > 0) {
          keep(chunk);
          chunk = chunk.length < CHUNK ? [] : await articlesAfter(chunk.at(-1)!.id, CHUNK);
        }
        return;
      }
      const edited = new Set(await articlesEditedSince(since - CLOCK_MARGIN_MS));
      const stale = order.filter((id) => edited.has(id) || !held.has(id));
      for (let start = 0; current && start < stale.length; start += CHUNK) keep(await articlesByIds(stale.slice(start, start + CHUNK)));
    };
    measured('kbCatalog', read).then(() => {
      if (!current) return;
      const next = new Map<string, CatalogEntry>();
      for (const id of order) {
        const entry = held.get(id);
        if (entry) next.set(id, entry);
      }
      cache.current = next;
      readSince.current = started;
      setCatalog(next);
    }, (error: unknown) => reportError('kb-catalog', error));
    return () => {
      current = false;
    };
  }, [order, refreshKey]);

  return catalog;
}
