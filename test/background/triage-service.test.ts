import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetEngine } from '../../lib/background/engine-host';
import { ensureTriaged, handleThreadOpened, recoverUntriaged, RECOVERY_WINDOW_MS } from '../../lib/background/triage-service';
import { db } from '../../lib/db';
import { seedStarterArticles } from '../../lib/store/articles';
import { saveOpenedThread } from '../../lib/store/conversations';
import { isStorageFull, readStorageFull } from '../../lib/store/storage-errors';
import { fillStorageAfter, freeStorage } from '../helpers/quota';
import { mailThread } from '../helpers/thread';

const thread = (threadId: string, body: string) => mailThread(threadId, [['ann@example.com', body]], `Order ${threadId}`);

const tab = { tabId: 7, windowId: 1 };

beforeEach(async () => {
  fakeBrowser.reset();
  resetEngine();
  await db.delete();
  await db.open();
  await seedStarterArticles();
});

afterEach(() => resetEngine());

describe('a conversation stored but never triaged (the worker stopped in between)', () => {
  it('is triaged from its stored messages when the worker starts again', async () => {
    const now = Date.now();
    await saveOpenedThread(thread('a', 'My parcel never arrived, where is it?'), tab, now - 1_000);
    await saveOpenedThread(thread('b', 'Please send me the invoice for my order'), tab, now - 500);
    expect((await db.conversations.toArray()).every((c) => !c.triage)).toBe(true);

    expect(await recoverUntriaged(now)).toBe(2);
    const [a, b] = await db.conversations.bulkGet(['gmail:a', 'gmail:b']);
    expect(a?.triage?.category).toBeTruthy();
    expect(b?.triage?.category).toBe('invoice');
  });

  it('leaves conversations opened before the recovery window for their next opening', async () => {
    const now = Date.now();
    await saveOpenedThread(thread('old', 'Where is my refund?'), tab, now - RECOVERY_WINDOW_MS - 1);
    expect(await recoverUntriaged(now)).toBe(0);
    expect((await db.conversations.get('gmail:old'))?.triage).toBeUndefined();
  });

  it('does the work once: a second recovery, or two at the same time, triage nothing again', async () => {
    await saveOpenedThread(thread('a', 'My parcel never arrived'), tab);
    expect(await Promise.all([ensureTriaged('gmail:a'), ensureTriaged('gmail:a')])).toEqual([true, false]);
    const first = (await db.conversations.get('gmail:a'))?.triage;
    expect(await recoverUntriaged()).toBe(0);
    expect(await ensureTriaged('gmail:a')).toBe(false);
    expect((await db.conversations.get('gmail:a'))?.triage).toEqual(first);
  });

  it('joins the triage of an opening that is running instead of starting another', async () => {
    const opened = handleThreadOpened(thread('a', 'My parcel never arrived'), tab);
    // Wait until the opening has stored the conversation and is triaging it.
    while (!(await db.conversations.get('gmail:a'))) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(await ensureTriaged('gmail:a')).toBe(false);
    await opened;
    expect((await db.conversations.get('gmail:a'))?.triage).toBeDefined();
  });

  it('ignores an unknown conversation', async () => {
    expect(await ensureTriaged('gmail:nope')).toBe(false);
  });
});

describe('opening a conversation when the disk is full', () => {
  it('stores nothing, tells the panel through session storage, and clears that on the next save', async () => {
    fillStorageAfter(1);
    const error = await handleThreadOpened(thread('a', 'Where is my parcel?'), tab).catch((e: unknown) => e);
    expect(isStorageFull(error)).toBe(true);
    freeStorage();
    expect(await db.conversations.count()).toBe(0);
    expect(await db.openings.count()).toBe(0);
    expect((await readStorageFull())?.write).toBe('conversation');

    await handleThreadOpened(thread('a', 'Where is my parcel?'), tab);
    await expect.poll(readStorageFull).toBeUndefined();
    expect((await db.conversations.get('gmail:a'))?.triage).toBeDefined();
  });

  it('keeps the stored conversation when only its triage could not be saved, and says so', async () => {
    await saveOpenedThread(thread('a', 'Where is my parcel?'), tab);
    fillStorageAfter(0);
    expect(await ensureTriaged('gmail:a').catch(isStorageFull)).toBe(true);
    freeStorage();
    expect(await db.messages.where('conversationId').equals('gmail:a').count()).toBe(1);
    expect((await readStorageFull())?.write).toBe('conversation');
    // Space freed: the next recovery finishes it.
    expect(await recoverUntriaged()).toBe(1);
  });
});
