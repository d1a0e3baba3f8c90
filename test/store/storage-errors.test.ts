import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../lib/db';
import { t } from '../../lib/i18n';
import { createBackup } from '../../lib/store/backup';
import { saveOpenedThread } from '../../lib/store/conversations';
import { importAnyFile } from '../../lib/store/import-export';
import { saveUserArticle } from '../../lib/store/kb';
import { isStorageFull, readStorageFull, storageFullMessage } from '../../lib/store/storage-errors';
import { fillStorageAfter, freeStorage } from '../helpers/quota';
import { mailThread } from '../helpers/thread';

const thread = (threadId: string, bodies: string[]) => mailThread(threadId, bodies.map((body) => ['ann@example.com', body]));

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeEach(async () => {
  freeStorage();
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});

describe('recognising a full disk', () => {
  it.each([
    ['the DOMException itself', quota(), true],
    ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError('full'), true],
    ['an AbortError with the quota error inside', new Dexie.AbortError('Transaction aborted', quota()), true],
    ['storage.local’s quota message', new Error('QUOTA_BYTES quota exceeded'), true],
    ['a constraint error', new Dexie.ConstraintError('Key already exists'), false],
    ['an AbortError for another reason', new Dexie.AbortError('Transaction aborted', new Error('boom')), false],
    ['a plain string', 'oops', false],
  ])('%s → %s', (_name, error, full) => {
    expect(isStorageFull(error)).toBe(full);
    expect(storageFullMessage(error, 'import') !== undefined).toBe(full);
  });
});

describe('a write refused for lack of space changes nothing', () => {
  it('stores no part of an opened conversation', async () => {
    fillStorageAfter(2);
    const error = await saveOpenedThread(thread('t1', ['Where is my parcel?', 'Any news?', 'Hello?']), { tabId: 1, windowId: 1 }).catch((e: unknown) => e);
    expect(isStorageFull(error)).toBe(true);
    freeStorage();
    expect(await db.conversations.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
    expect(await db.customers.count()).toBe(0);
    expect(await db.openings.count()).toBe(0);
  });

  it('keeps the stored version of a conversation that was opened again', async () => {
    await saveOpenedThread(thread('t1', ['Where is my parcel?']), { tabId: 1, windowId: 1 }, 1_000);
    const before = await createBackup(new Date(0));
    fillStorageAfter(1);
    const error = await saveOpenedThread(thread('t1', ['Where is my parcel?', 'Still nothing!']), { tabId: 1, windowId: 1 }, 2_000).catch((e: unknown) => e);
    expect(isStorageFull(error)).toBe(true);
    freeStorage();
    expect(await createBackup(new Date(0))).toEqual(before);
  });

  it('keeps the stored article when saving an edit fails', async () => {
    const article = { id: 'a1', title: 'Refunds', body: 'We refund within 5 days.', examples: [], category: 'refund', lang: 'en', tags: [] };
    await saveUserArticle(article, 1);
    fillStorageAfter(0);
    const error = await saveUserArticle({ ...article, body: 'Changed' }, 2).catch((e: unknown) => e);
    expect(storageFullMessage(error, 'article')).toBe(t('storageFullArticle'));
    freeStorage();
    expect((await db.articles.get('a1'))?.body).toBe('We refund within 5 days.');
  });
});

describe('imports and restore on a full disk: a clear message, the data as it was', () => {
  const articlesJson = JSON.stringify(
    Array.from({ length: 30 }, (_, i) => ({ id: `kb-${i}`, title: `Article ${i}`, body: `Body ${i}`, examples: [`question ${i}`], category: 'refund', lang: 'en' })),
  );
  const ordersCsv = ['email,date,amount', ...Array.from({ length: 30 }, (_, i) => `c${i}@example.com,2026-0${(i % 9) + 1}-01,${10 + i}`)].join('\n');

  async function seed() {
    await saveOpenedThread(thread('t1', ['Where is my parcel?']), { tabId: 1, windowId: 1 }, 1_000);
    await saveUserArticle({ id: 'mine', title: 'Mine', body: 'Kept', examples: [], category: 'other', lang: 'en', tags: [] }, 1);
  }

  it.each([
    ['a knowledge base', () => new File([articlesJson], 'kb.json', { type: 'application/json' }), 10],
    ['an orders export', () => new File([ordersCsv], 'orders.csv', { type: 'text/csv' }), 10],
    ['a Gmail mbox', () => new File([mbox()], 'mail.mbox'), 3],
  ])('%s', async (_name, file, allowed) => {
    await seed();
    const before = await createBackup(new Date(0));
    fillStorageAfter(allowed);
    const outcome = await importAnyFile(file());
    freeStorage();
    expect(outcome).toEqual({ ok: false, message: t('storageFullImport') });
    expect(await createBackup(new Date(0))).toEqual(before);
  });

  it('a backup restore', async () => {
    await seed();
    const backup = await createBackup(new Date(0));
    const bigger = structuredClone(backup);
    bigger.tables.articles.push(...JSON.parse(articlesJson).map((a: object) => ({ ...a, tags: [], source: 'import', updatedAt: 1 })));
    await db.articles.delete('mine');
    const before = await createBackup(new Date(0));
    fillStorageAfter(20);
    const outcome = await importAnyFile(new File([JSON.stringify(bigger)], 'backup.json', { type: 'application/json' }));
    freeStorage();
    expect(outcome).toEqual({ ok: false, message: t('storageFullImport') });
    expect(await createBackup(new Date(0))).toEqual(before);
  });
});

function mbox(): string {
  const mail = (n: number, from: string, to: string, subject: string, body: string) =>
    [`From ${from} Thu Nov 20 10:0${n}:00 2026`, `From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Date: Thu, 20 Nov 2026 10:0${n}:00 +0000`, `Message-ID: <m${n}@x>`, ...(n % 2 ? [`In-Reply-To: <m${n - 1}@x>`] : []), '', body, ''].join('\n');
  return Array.from({ length: 8 }, (_, i) =>
    i % 2 === 0 ? mail(i, `c${i}@example.com`, 'me@shop.com', `Question ${i}`, `Where is order ${i}?`) : mail(i, 'me@shop.com', `c${i - 1}@example.com`, `Re: Question ${i - 1}`, `It ships today.`),
  ).join('\n');
}

describe('the side panel learns of a full disk through session storage', () => {
  it('has nothing to show before anything failed', async () => {
    expect(await readStorageFull()).toBeUndefined();
  });
});
