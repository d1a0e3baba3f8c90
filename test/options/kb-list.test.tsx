/**
 * The options page's knowledge-base list reads only what it shows: its order comes from the
 * `updatedAt` index, rows in view are read by id, and the search's in-memory catalog follows
 * edits, deletions and imports.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KbSection } from '@/components/options/KbSection';
import { db, type Article } from '@/lib/db';
import { newestFirstIds } from '@/components/options/article-filter';
import { articleCount, articleFacets, articleIds, articlesAfter, articlesByIds, articlesEditedSince, articlesPage } from '@/lib/store/articles';
import { deleteArticle, saveUserArticle, toKbArticle } from '@/lib/store/kb';

function stored(id: string, patch: Partial<Article> = {}): Article {
  return { id, title: `Title ${id}`, body: `Body ${id}`, examples: [`example ${id}`], category: 'refund', lang: 'en', tags: [], source: 'user', updatedAt: 1_000, ...patch };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(() => cleanup());

describe('the list order, rows and facets from the store', () => {
  it('reads a window of the list newest edit first, and counts without reading articles', async () => {
    await db.articles.bulkPut([stored('b', { updatedAt: 5 }), stored('c', { updatedAt: 9 }), stored('a', { updatedAt: 5 }), stored('d', { updatedAt: 1 })]);
    expect((await articlesPage(0, 10)).map((a) => a.id)).toEqual(['c', 'b', 'a', 'd']);
    expect((await articlesPage(1, 2)).map((a) => a.id)).toEqual(['b', 'a']);
    expect(await articleCount()).toBe(4);
    expect(await articleIds()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('orders the catalog as the pages are ordered', () => {
    const entry = (updatedAt: number) => ({ updatedAt, category: 'refund', lang: 'en', tags: [], text: '' });
    const catalog = new Map([['a', entry(5)], ['d', entry(1)], ['c', entry(9)], ['b', entry(5)]]);
    expect(newestFirstIds(catalog)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('reads the whole table a chunk at a time and finds what was edited since', async () => {
    await db.articles.bulkPut(['a', 'b', 'c', 'd', 'e'].map((id, i) => stored(id, { updatedAt: i * 10 })));
    const chunks: string[][] = [];
    for (let chunk = await articlesAfter(undefined, 2); chunk.length > 0; chunk = await articlesAfter(chunk.at(-1)!.id, 2)) chunks.push(chunk.map((a) => a.id));
    expect(chunks).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect((await articlesEditedSince(30)).sort()).toEqual(['d', 'e']);
  });

  it('reads rows by id in the order asked, leaving out a deleted one', async () => {
    await db.articles.bulkPut([stored('a'), stored('b')]);
    expect((await articlesByIds(['b', 'gone', 'a'])).map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('offers each category, language and tag once, sorted', async () => {
    await db.articles.bulkPut([
      stored('a', { category: 'refund', lang: 'zh-CN', tags: ['vip', 'eu'] }),
      stored('b', { category: 'invoice', lang: 'en', tags: ['eu'] }),
      stored('c', { category: 'refund', lang: 'en', tags: [] }),
    ]);
    expect(await articleFacets()).toEqual({ categories: ['invoice', 'refund'], langs: ['en', 'zh-CN'], tags: ['eu', 'vip'] });
  });
});

async function listed(): Promise<string[]> {
  return screen.queryAllByTestId('article-row').map((row) => row.getAttribute('data-article-id') ?? '');
}

function search(query: string): void {
  fireEvent.change(screen.getByTestId('kb-search'), { target: { value: query } });
}

describe('the knowledge-base section', () => {
  it('searches bodies and examples, and follows an edit and a deletion', async () => {
    await db.articles.bulkPut([
      stored('parcel', { title: 'Where is my parcel', body: 'Tracking links come by mail.', updatedAt: 3 }),
      stored('card', { title: 'Refunds', examples: ['money back to my credit card'], updatedAt: 2 }),
      stored('other', { updatedAt: 1 }),
    ]);
    render(<KbSection />);
    await waitFor(async () => expect(await listed()).toEqual(['parcel', 'card', 'other']));

    search('credit card');
    await waitFor(async () => expect(await listed()).toEqual(['card']));
    search('tracking');
    await waitFor(async () => expect(await listed()).toEqual(['parcel']));

    // An edit changes the edit time, so the catalog reads the article again.
    await act(() => saveUserArticle({ ...toKbArticle(stored('other')), body: 'New tracking page.' }));
    await waitFor(async () => expect(await listed()).toEqual(['other', 'parcel']));
    await act(async () => void (await deleteArticle('parcel')));
    await waitFor(async () => {
      expect(await listed()).toEqual(['other']);
      expect(screen.getByTestId('kb-count').textContent).toMatch(/1\D+2/);
    });
  });

  it('filters by category, language and tag', async () => {
    await db.articles.bulkPut([
      stored('zh', { lang: 'zh-CN', category: 'invoice', tags: ['eu'], updatedAt: 3 }),
      stored('en', { lang: 'en', category: 'invoice', updatedAt: 2 }),
      stored('tagged', { lang: 'en', tags: ['eu'], updatedAt: 1 }),
    ]);
    render(<KbSection />);
    await waitFor(async () => expect(await listed()).toHaveLength(3));
    // The selects offer what the indexes hold once they are read.
    await waitFor(() => expect(document.querySelector('[name="filter-lang"] option[value="zh-CN"]')).not.toBeNull());
    fireEvent.change(document.querySelector('[name="filter-lang"]')!, { target: { value: 'zh-CN' } });
    await waitFor(async () => expect(await listed()).toEqual(['zh']));
    fireEvent.change(document.querySelector('[name="filter-lang"]')!, { target: { value: '' } });
    fireEvent.change(document.querySelector('[name="filter-tag"]')!, { target: { value: 'eu' } });
    await waitFor(async () => expect(await listed()).toEqual(['zh', 'tagged']));
    fireEvent.change(document.querySelector('[name="filter-category"]')!, { target: { value: 'invoice' } });
    await waitFor(async () => expect(await listed()).toEqual(['zh']));
  });

  it('reads every article again after an import, which may keep an edit time', async () => {
    await db.articles.bulkPut([stored('a', { body: 'Old words.' })]);
    const { rerender } = render(<KbSection refreshKey={0} />);
    await waitFor(async () => expect(await listed()).toEqual(['a']));
    search('fresh');
    await waitFor(() => {
      expect(screen.queryByTestId('kb-search-loading')).toBeNull();
      expect(screen.getByTestId('article-list').getAttribute('data-count')).toBe('0');
    });
    // As an import of an edited export would: new body, same edit time.
    await act(() => db.articles.put(stored('a', { body: 'Fresh words.' })));
    rerender(<KbSection refreshKey={1} />);
    await waitFor(async () => expect(await listed()).toEqual(['a']));
  });

  it('opens the clicked row in the editor with its full text', async () => {
    await db.articles.put(stored('a', { body: 'The whole reply.', examples: ['one', 'two'] }));
    render(<KbSection />);
    const row = await screen.findByTestId('article-row');
    fireEvent.click(row);
    const form = await screen.findByTestId('article-form');
    expect((form.querySelector('textarea[name="body"]') as HTMLTextAreaElement).value).toBe('The whole reply.');
    expect((form.querySelector('textarea[name="examples"]') as HTMLTextAreaElement).value).toBe('one\ntwo');
  });
});
