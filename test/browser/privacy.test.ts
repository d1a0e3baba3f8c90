import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { demoConversations, GMAIL, openPanel, OUTLOOK, panelSubject, startSession } from './session';

/**
 * Issue 7.1: with the model download off, a whole working session — conversations on both sites,
 * triage, replies inserted, every kind of import, exports, a restore — sends nothing anywhere but
 * the extension and the mail page. Then the harness is shown to catch what it is asked to catch.
 */

let session: ExtensionSession;
let panel: Page;
let options: Page;

const conversations = demoConversations();
const byLegacy = (suffix: string) => conversations.find((c) => c.legacyId.endsWith(suffix))!;
const NEVER_FETCHED = [
  JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')).networkNever.message,
  JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')).networkNever.message,
];

/**
 * Connections Chromium itself opens (the refusing proxy sees them, the extension cannot cause them):
 * its updater, its Google sign-in checks, and preconnects to the mail pages being opened (whose
 * requests the demo routes answer). Anything else at the proxy came from somewhere it must not.
 */
const BROWSER_OWN_HOSTS = new Set(['update.googleapis.com', 'accounts.google.com', 'mail.google.com', 'outlook.office.com']);

function hostOf(attempt: string): string {
  const target = attempt.split(' ')[1];
  return /^[a-z]+:\/\//.test(target) ? new URL(target).hostname : target.replace(/:\d+$/, '');
}

beforeAll(async () => {
  session = await startSession();
  panel = await openPanel(session);
});

afterAll(async () => {
  await session?.close();
});

async function importFile(name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await options.getByTestId('import-file').setInputFiles({ name, mimeType, buffer });
  const status = options.getByTestId('import-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/^(ok|error)$/);
  expect({ name, state: await status.getAttribute('data-state'), text: await status.textContent() }).toMatchObject({ state: 'ok' });
}

async function triaged(subject: string): Promise<void> {
  await panelSubject(panel, subject, 20_000);
  expect(await panel.getByTestId('priority').getAttribute('data-priority')).toMatch(/^P[1-4]$/);
  expect(await panel.getByTestId('category').getAttribute('data-category')).toBeTruthy();
}

async function insertReply(mail: Page, editorSelector: string): Promise<void> {
  await panel.getByTestId('suggestion').first().waitFor();
  await panel.getByTestId('insert-reply').first().click();
  const editor = mail.locator(editorSelector).first();
  await editor.waitFor();
  await expect.poll(() => editor.innerText(), { timeout: 5_000 }).toMatch(/\S{10,}/);
}

describe('privacy: a whole session with the model off', () => {
  it('triages Gmail conversations and inserts a reply', async () => {
    for (const suffix of ['501', '502', '503']) {
      const conversation = byLegacy(suffix);
      const mail = await session.context.newPage();
      await mail.goto(`${GMAIL}#inbox/${conversation.id}`);
      await triaged(conversation.subject);
      if (suffix === '501') await insertReply(mail, '[g_editable="true"]');
      await mail.close();
    }
  });

  it('triages Outlook conversations and inserts a reply', async () => {
    for (const suffix of ['506', '507']) {
      const conversation = byLegacy(suffix);
      const mail = await session.context.newPage();
      await mail.goto(`${OUTLOOK}inbox/id/${encodeURIComponent(`AAQkADemo${conversation.legacyId}=`)}`);
      await triaged(conversation.subject);
      if (suffix === '507') await insertReply(mail, '[contenteditable="true"][aria-multiline="true"]');
      await mail.close();
    }
  });

  it('imports a knowledge base, orders and an mbox, exports, backs up and restores', async () => {
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('article-list').waitFor();
    await importFile('hand-written.csv', 'text/csv', readFileSync('test/fixtures/kb/hand-written.csv'));
    await importFile('orders_export.csv', 'text/csv', readFileSync('test/fixtures/orders/shopify-orders.csv'));
    await importFile('All mail Including Spam and Trash.mbox', 'application/mbox', readFileSync('test/fixtures/mbox/takeout.mbox'));

    const [kbExport] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export').click()]);
    expect(await kbExport.failure()).toBeNull();
    expect(JSON.parse(readFileSync((await kbExport.path())!, 'utf8')).articles.length).toBeGreaterThan(0);

    const [backup] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup').click()]);
    expect(await backup.failure()).toBeNull();
    const backupFile = readFileSync((await backup.path())!);
    expect(JSON.parse(backupFile.toString('utf8')).tables.conversations.length).toBeGreaterThanOrEqual(5);
    await importFile('solodesk-backup.json', 'application/json', backupFile);
  });

  it('sent no request anywhere but the extension and the mail pages', () => {
    console.info('[privacy.test] Chromium-own connections refused at the proxy', JSON.stringify(session.requests.unrouted.map(hostOf)));
    expect(session.requests.blocked).toEqual([]);
    expect(session.requests.unrouted.filter((attempt) => !BROWSER_OWN_HOSTS.has(hostOf(attempt)))).toEqual([]);
  });

  it('says on the options page that SoloDesk has never fetched anything', async () => {
    await options.reload();
    expect(await options.getByTestId('model-status').getAttribute('data-enabled')).toBe('false');
    const log = options.getByTestId('network-log');
    await log.getByTestId('network-log-empty').waitFor();
    expect(NEVER_FETCHED).toContain(await log.getByTestId('network-log-empty').textContent());
    expect(await log.getByTestId('network-log-entry').count()).toBe(0);
  });
});

// The checks above are only worth something if the harness sees what the extension could send. These
// requests are made by the test (through evaluate), not by SoloDesk.
describe('the harness records what the extension would send', () => {
  it('catches a fetch from the service worker and from an extension page', async () => {
    const outcome = (url: string) => fetch(url).then((r) => `answered ${r.status}`, (e: unknown) => `failed: ${String(e)}`);
    const fromWorker = await session.worker.evaluate(outcome, 'https://worker-probe.example.org/ping');
    const fromPage = await options.evaluate(outcome, 'https://page-probe.example.org/ping');
    expect([fromWorker, fromPage]).toEqual([expect.stringMatching(/^failed/), expect.stringMatching(/^failed/)]);
    expect(session.requests.blocked).toEqual(['https://worker-probe.example.org/ping', 'https://page-probe.example.org/ping']);
  });

  it('catches a WebSocket from the service worker, which request routing does not see', async () => {
    const opened = await session.worker.evaluate(
      (url) =>
        new Promise<boolean>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => resolve(true);
          socket.onerror = () => resolve(false);
        }),
      'wss://socket-probe.example.org/live',
    );
    expect(opened).toBe(false);
    expect(session.requests.unrouted).toContain('CONNECT socket-probe.example.org:443');
    expect(session.requests.blocked).not.toContain('wss://socket-probe.example.org/live');
  });
});
