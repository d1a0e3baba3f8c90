import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { articleFromDraft, draftFromArticle, EMPTY_DRAFT, validateDraft } from '../../components/options/article-draft';
import { filterArticles, NO_FILTER, searchText } from '../../components/options/article-filter';
import { db, type Article as StoredArticle } from '../../lib/db';
import type { KbFormat } from '../../lib/kb/io';
import { exportKnowledgeBase, importAnyFile } from '../../lib/store/import-export';
import { conversationGaps, deleteArticle, gapArticleId, openKbGaps, loadKbArticles, mboxGaps, restoreArticle, saveMboxImport, saveUserArticle } from '../../lib/store/kb';

function stored(id: string, patch: Partial<StoredArticle> = {}): StoredArticle {
  return { id, title: `Title ${id}`, body: `Body ${id}`, examples: [`example ${id}`], category: 'refund', lang: 'en', tags: [], source: 'user', updatedAt: 1_700_000_000_000, ...patch };
}

function file(text: string, name: string): File {
  return new File([text], name);
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('knowledge-base export and import', () => {
  it.each<KbFormat>(['json', 'csv', 'markdown'])('export as %s then import into an empty KB gives the same articles and the same bytes', async (format) => {
    const csv = readFileSync('test/fixtures/kb/hand-written.csv', 'utf8');
    expect((await importAnyFile(file(csv, 'kb.csv'))).ok).toBe(true);
    await db.articles.put(stored('extra', { tags: ['a|b', 'c'], shortcut: '/extra', body: '---\ntitle: x\n---\n<b>html</b>' }));
    const before = await loadKbArticles();
    const exported = await exportKnowledgeBase(format, new Date('2026-11-26T00:00:00Z'));

    await db.articles.clear();
    const result = await importAnyFile(file(exported.text, exported.name));
    expect(result).toMatchObject({ ok: true, kind: 'kb' });
    expect(await loadKbArticles()).toEqual(before);
    expect((await exportKnowledgeBase(format, new Date('2026-11-26T00:00:00Z'))).text).toBe(exported.text);
  });

  it('a file with one bad row imports nothing and names the row', async () => {
    await db.articles.put(stored('keep'));
    const csv = 'title,body\nGood one,Fine body\n,Body without title\nBad template,"Hi {{customer.name"\n';
    const result = await importAnyFile(file(csv, 'broken.csv'));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/row 3/);
    expect((await db.articles.toArray()).map((a) => a.id)).toEqual(['keep']);
  });

  it('a file that is no knowledge base is refused with a clear message', async () => {
    const result = await importAnyFile(file('hello world, this is not a kb', 'notes.txt'));
    expect(result.ok).toBe(false);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('editing articles', () => {
  it('saving marks the article as the user’s with the edit time', async () => {
    const article = articleFromDraft({ ...EMPTY_DRAFT, title: ' Gift cards ', body: 'Hi {{customer.firstName | "there"}}', examples: 'a\n\nb\na', tags: 'x， y' }, 'user-1');
    await saveUserArticle(article, 42);
    expect(await db.articles.get('user-1')).toMatchObject({ title: 'Gift cards', examples: ['a', 'b'], tags: ['x', 'y'], source: 'user', updatedAt: 42 });
  });

  it('a deleted article can be restored unchanged', async () => {
    await db.articles.put(stored('gone'));
    const row = await deleteArticle('gone');
    expect(await db.articles.get('gone')).toBeUndefined();
    await restoreArticle(row!);
    expect(await db.articles.get('gone')).toEqual(stored('gone'));
  });

  it.each([
    [{ title: '', body: 'x' }, 'title'],
    [{ title: 'x', body: '  ' }, 'body'],
    [{ title: 'x', body: 'Hi {{customer.name' }, 'body'],
    [{ title: 'x', body: 'ok', category: 'Bad Category' }, 'category'],
    [{ title: 'x', body: 'ok', lang: 'english!' }, 'lang'],
    [{ title: 'x', body: 'ok', shortcut: 'two words' }, 'shortcut'],
  ])('validation of %o flags the %s field', (patch, field) => {
    expect(Object.keys(validateDraft({ ...EMPTY_DRAFT, ...patch }))).toEqual([field]);
  });

  it('a draft of an article reads back as the same article', () => {
    const article = { id: 'a', title: 'T', body: 'B', examples: ['e1', 'e2'], category: 'refund', lang: 'zh-CN', tags: ['t'], shortcut: '/t' };
    expect(articleFromDraft(draftFromArticle(article), 'a')).toEqual(article);
  });
});

describe('the article list filter', () => {
  const articles = [
    stored('1', { title: 'Refunds to a credit card', lang: 'en', tags: ['money'], updatedAt: 1 }),
    stored('2', { title: '退款', body: '退款说明', lang: 'zh-CN', category: 'refund', updatedAt: 2 }),
    stored('3', { title: 'Shipping', examples: ['where is my parcel'], category: 'lost-package', updatedAt: 3 }),
  ];
  it.each([
    [{ query: 'card refund' }, ['1']],
    [{ query: 'PARCEL' }, ['3']],
    [{ lang: 'zh' }, ['2']],
    [{ category: 'refund' }, ['2', '1']],
    [{ tag: 'money' }, ['1']],
    [{}, ['3', '2', '1']],
  ])('filter %o shows %o, newest edit first', (patch, ids) => {
    expect(filterArticles(articles, { ...NO_FILTER, ...patch }).map((a) => a.id)).toEqual(ids);
  });

  it('filters 10,000 articles by every word of the query', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => stored(`n${i}`, { title: `Article ${i}`, body: `body text ${i % 97}` }));
    const shown = filterArticles(many, { ...NO_FILTER, query: 'text 42' });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((a) => searchText(a).includes('text') && searchText(a).includes('42'))).toBe(true);
  });
});

describe('KB gaps', () => {
  it('lists a conversation without suggestions with the reply the user sent', async () => {
    await db.conversations.put({
      id: 'gmail:t1', site: 'gmail', threadId: 't1', subject: 'Gift card', customerEmail: 'ann@x.com', customerName: 'Ann', messageCount: 2, url: '', state: 'open',
      createdAt: 0, updatedAt: 0, lastMessageAt: 0,
      triage: { category: 'other', confidence: 0.3, urgency: 'low', importance: 'low', priority: 'P4', sentiment: 'neutral', lang: 'en', reasons: [], suggestions: [], at: 0, engine: 'lexical' },
    } as never);
    await db.messages.bulkPut([
      { id: 'gmail:t1#0', conversationId: 'gmail:t1', index: 0, fromName: 'Ann', fromEmail: 'ann@x.com', body: 'Can I use a gift card?', fromMe: false, headerOnly: false },
      { id: 'gmail:t1#1', conversationId: 'gmail:t1', index: 1, fromName: 'Me', fromEmail: 'me@shop.com', body: 'Yes, Ann, at checkout.', fromMe: true, headerOnly: false },
    ]);
    expect(await conversationGaps()).toEqual([
      expect.objectContaining({ question: 'Can I use a gift card?', reply: 'Yes, Ann, at checkout.', from: { name: 'Ann', email: 'ann@x.com' } }),
    ]);
  });

  it('a gap turned into an article is no longer listed', async () => {
    await saveMboxImport([{ question: 'Do you ship to Norway?', reply: 'Yes.', questionFrom: { name: 'Kari', email: 'kari@x.no' }, subject: 'S', threadId: 'th' }], []);
    const [gap] = await openKbGaps();
    expect(gap.question).toBe('Do you ship to Norway?');
    await db.articles.put(stored(gapArticleId(gap)));
    expect(await openKbGaps()).toEqual([]);
  });

  it('an mbox import keeps its pairs as gap candidates and merges customers', async () => {
    await db.customers.put({ email: 'bo@x.com', name: 'Bo', firstSeenAt: 5_000, lastSeenAt: 6_000 });
    await saveMboxImport(
      [{ question: 'Q?', reply: 'A.', questionFrom: { name: 'Bo', email: 'bo@x.com' }, subject: 'S', threadId: 'th', date: '2020-01-01T00:00:00Z' }],
      [{ email: 'Bo@x.com', name: 'Bo B', messageCount: 1, threadCount: 1, firstDate: '1970-01-01T00:00:01Z', lastDate: '1970-01-01T00:00:02Z' }],
    );
    expect(await mboxGaps()).toHaveLength(1);
    expect(await db.customers.get('bo@x.com')).toMatchObject({ name: 'Bo', firstSeenAt: 1_000, lastSeenAt: 6_000 });
  });

  /** A valid Gmail Takeout mbox of the given messages, none of them answered from our address. */
  function unansweredMbox(messages: Array<{ from: string; to: string; labels: string; subject: string }>): string {
    return messages
      .map((m, i) =>
        [
          `From 17900000000000000${i}@xxx Mon Mar 04 09:15:00 +0000 2024`,
          `X-GM-THRID: 18000000000000000${i}`,
          `X-Gmail-Labels: ${m.labels}`,
          'Date: Mon, 4 Mar 2024 09:15:00 +0000',
          `From: ${m.from}`,
          `To: ${m.to}`,
          `Subject: ${m.subject}`,
          `Message-ID: <u${i}@example.com>`,
          'Content-Type: text/plain; charset=utf-8',
          '',
          `Message ${i}: ${m.subject}`,
          '',
        ].join('\n'),
      )
      .join('\n');
  }

  it('an mbox with no question→reply pairs keeps the earlier candidates and says so', async () => {
    await saveMboxImport([{ question: 'Do you ship to Norway?', reply: 'Yes.', questionFrom: { name: 'Kari', email: 'kari@x.no' }, subject: 'S', threadId: 'th' }], []);
    const before = await mboxGaps();
    const text = unansweredMbox([
      { from: 'Ann <ann@example.com>', to: 'sam@shop.example', labels: 'Inbox', subject: 'Is the blue one back in stock?' },
      { from: 'Bo <bo@example.com>', to: 'sam@shop.example', labels: 'Inbox', subject: 'Do you sell gift cards?' },
    ]);
    const result = await importAnyFile(file(text, 'All mail.mbox'));
    expect(result).toMatchObject({ ok: true, kind: 'mbox' });
    expect(result.message).toMatch(/no customer question answered.*KB gaps are unchanged/);
    expect(await mboxGaps()).toEqual(before);
    expect(await db.customers.count()).toBe(2);
  });

  it('an mbox with nothing usable at all is refused and changes nothing', async () => {
    await saveMboxImport([{ question: 'Do you ship to Norway?', reply: 'Yes.', questionFrom: { name: 'Kari', email: 'kari@x.no' }, subject: 'S', threadId: 'th' }], []);
    const before = await mboxGaps();
    const text = unansweredMbox([{ from: 'Sam <sam@shop.example>', to: 'sam@shop.example', labels: 'Sent', subject: 'Note to self' }]);
    const result = await importAnyFile(file(text, 'All mail.mbox'));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/found nothing usable.*Nothing was changed/) });
    expect(await mboxGaps()).toEqual(before);
    expect(await db.customers.count()).toBe(0);
  });

  it('the takeout fixture imports through the one file input', async () => {
    const text = readFileSync('test/fixtures/mbox/takeout.mbox', 'utf8');
    const result = await importAnyFile(file(text, 'All mail.mbox'));
    expect(result).toMatchObject({ ok: true, kind: 'mbox' });
    expect((await mboxGaps()).length).toBeGreaterThan(0);
    expect(await db.customers.count()).toBeGreaterThan(0);
  });
});

describe('orders through the one file input', () => {
  it('an orders export is recognised and imported rather than refused as a knowledge base', async () => {
    const text = readFileSync('test/fixtures/orders/shopify-orders.csv', 'utf8');
    const result = await importAnyFile(file(text, 'orders_export.csv'));
    expect(result).toMatchObject({ ok: true, kind: 'orders' });
    expect(await db.orders.count()).toBeGreaterThan(0);
    expect(await db.articles.count()).toBe(0);
  });
});
