import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { demoConversations, GMAIL, openPanel, panelSubject, startSession } from './session';

/**
 * A full disk in real Chromium. DevTools' Storage.overrideQuotaForOrigin does not make the
 * extension's IndexedDB writes fail (Chromium 156, with or without `unlimitedStorage`: a 100 MB
 * write still commits), so the browser's IndexedDB is made to refuse writes at its edge instead:
 * IDBObjectStore put/add throw the QuotaExceededError DOMException a full disk gives, in the
 * context under test (the service worker, the options page). Everything above it is the product.
 */

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

let session: ExtensionSession;
const mailErrors: string[] = [];

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/**
 * Runs in the page or worker: after `allowed` more writes, every IndexedDB write fails as on a full
 * disk (so a transaction fails half-way); `null` makes writes work again.
 */
function fillDiskAfter(allowed: number | null): void {
  const proto = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put']; realAdd?: IDBObjectStore['add'] };
  const realPut = (proto.realPut ??= proto.put);
  const realAdd = (proto.realAdd ??= proto.add);
  let left = allowed ?? Infinity;
  const guarded = <F extends (...args: never[]) => IDBRequest>(write: F) =>
    function (this: IDBObjectStore, ...args: Parameters<F>) {
      if (left <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      left -= 1;
      return write.apply(this, args);
    };
  proto.put = allowed === null ? realPut : guarded(realPut);
  proto.add = allowed === null ? realAdd : guarded(realAdd);
}

function subjectsStored(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('solodesk');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('conversations').objectStore('conversations').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as Array<{ subject: string }>).map((c) => c.subject));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

describe('a full disk in real Chromium', () => {
  const [vip, lostParcel, login] = demoConversations();
  let worker: Worker;

  it('says so in the side panel and stores no part of the conversation', async () => {
    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    mail.on('pageerror', (error) => mailErrors.push(error.message));
    mail.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') mailErrors.push(message.text());
    });
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject);
    expect(await panel.getByTestId('storage-full').count()).toBe(0);

    worker = session.context.serviceWorkers()[0];
    // The conversation row and one message fit, the rest of the thread does not.
    await worker.evaluate(fillDiskAfter, 2);
    await mail.evaluate((hash) => (location.hash = hash), `#inbox/${lostParcel.id}`);
    await panel.getByTestId('storage-full').waitFor();
    expect(await panel.getByTestId('storage-full').textContent()).toBe(en.storageFullConversation.message);
    expect(await subjectsStored(panel)).not.toContain(lostParcel.subject);
    // The panel still shows the last conversation that was stored, whole.
    await panelSubject(panel, vip.subject);
    expect(await panel.getByTestId('message-count').getAttribute('data-count')).toBe(String(vip.messages.length));

    // Space freed: the next conversation is stored and the notice goes away.
    await worker.evaluate(fillDiskAfter, null);
    await mail.evaluate((hash) => (location.hash = hash), `#inbox/${login.id}`);
    await panelSubject(panel, login.subject);
    await expect.poll(() => panel.getByTestId('storage-full').count()).toBe(0);
    expect(mailErrors).toEqual([]);
  });

  it('says so for an import and an article in the options page, and changes nothing', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const count = () => options.getByTestId('article-list').getAttribute('data-count');
    await expect.poll(count).not.toBe('0');
    const before = await count();

    await options.evaluate(fillDiskAfter, 5);
    const dir = mkdtempSync(join(tmpdir(), 'solodesk-full-'));
    const file = join(dir, 'kb.json');
    writeFileSync(file, JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ id: `full-${i}`, title: `Full ${i}`, body: `Body ${i}`, category: 'refund', lang: 'en' }))));
    await options.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => options.getByTestId('import-status').getAttribute('data-state')).toBe('error');
    expect(await options.getByTestId('import-status').textContent()).toBe(en.storageFullImport.message);

    await options.evaluate(fillDiskAfter, 0);
    await options.getByTestId('article-new').click();
    const form = options.getByTestId('article-form');
    await form.locator('[name="title"]').fill('Gift wrapping');
    await form.locator('[name="body"]').fill('Hi {{customer.firstName}}, we wrap every order for free.');
    await form.locator('[name="category"]').fill('pre-sales');
    await options.getByTestId('article-save').click();
    await options.getByTestId('article-save-error').waitFor();
    expect(await options.getByTestId('article-save-error').textContent()).toBe(en.storageFullArticle.message);
    // The draft is still there to save again once there is space.
    expect(await form.locator('[name="title"]').inputValue()).toBe('Gift wrapping');

    await options.evaluate(fillDiskAfter, null);
    await options.reload();
    await expect.poll(count).toBe(before);
    expect(await options.getByTestId('article-row').filter({ hasText: /^Full \d|Gift wrapping/ }).count()).toBe(0);
    expect(session.requests.blocked).toEqual([]);
  });
});
