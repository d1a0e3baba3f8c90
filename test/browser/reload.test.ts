import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, ConsoleMessage, Page } from 'playwright-core';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { demoConversations, GMAIL, openPanel, panelSubject, startSession } from './session';

/**
 * An extension update (chrome.runtime.reload) under an open mail tab. Without `scripting` the new
 * version cannot inject into that tab: the old script must go quiet, the panel must say to reload
 * the tab, and after the reload the new script must attach once.
 */

let session: ExtensionSession;
let cdp: CDPSession;
let probe: Page;
const problems: string[] = [];
const runningWorkers = new Set<string>();

beforeAll(async () => {
  session = await startSession();
  // Chromium re-enables a reloaded unpacked extension only in developer mode (otherwise it disables
  // it as "unsupportedDeveloperExtension"); a user loading SoloDesk unpacked has it on anyway.
  const extensions = await session.context.newPage();
  await extensions.goto('chrome://extensions/');
  await extensions.evaluate(() =>
    (globalThis as unknown as { chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } } }).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
  );
  await extensions.close();
  probe = await session.context.newPage();
  await probe.goto('about:blank');
  cdp = await session.context.newCDPSession(probe);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`) && v.runningStatus === 'running') runningWorkers.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
});

afterAll(async () => {
  await session?.close();
});

function watch(page: Page, name: string): void {
  page.on('pageerror', (error) => problems.push(`${name} pageerror: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (message.type() === 'error' || text.includes('SoloDesk') || /context invalidated/i.test(text)) problems.push(`${name} ${message.type()}: ${text}`);
  });
}

/** How many times each conversation was opened (rows of the openings table), read in an extension page. */
function openingCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('solodesk');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('openings').objectStore('openings').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

describe('an extension reload under an open mail tab', () => {
  const [vip, lostParcel, login, preSales] = demoConversations();
  let mail: Page;
  let panel: Page;

  it('leaves the old content script quiet while the tab is navigated and a reply is tried', async () => {
    mail = await session.context.newPage();
    watch(mail, 'mail');
    panel = await openPanel(session);
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject);
    await panel.getByTestId('suggestion').first().waitFor();
    const workersBefore = runningWorkers.size;

    // The worker dies as it reloads, so the evaluation may never answer.
    await session.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => runningWorkers.size, { timeout: 20_000 }).toBeGreaterThan(workersBefore);

    panel = session.context.pages().find((p) => p.url().includes('sidepanel.html') && !p.isClosed()) ?? (await openPanel(session));
    await panel.reload();
    watch(panel, 'panel');
    await panelSubject(panel, vip.subject);
    const opened = await openingCount(panel);

    for (const next of [lostParcel, login]) {
      await mail.evaluate((hash) => (location.hash = hash), `#inbox/${next.id}`);
      await mail.getByText(next.subject).first().waitFor();
    }
    // The orphaned script reported nothing: no new opening, the panel still on the last one it knew.
    await panel.waitForTimeout(500);
    expect(await openingCount(panel)).toBe(opened);
    await panelSubject(panel, vip.subject);

    await panel.getByTestId('reconnect-tab').waitFor();
    await panel.getByTestId('insert-reply').first().click();
    // The insert fails in the panel, quietly for the mail page.
    await expect.poll(() => panel.getByTestId('insert-status').getAttribute('data-state')).toBe('error');
    expect(await mail.locator('[g_editable="true"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('reconnects after the reload button in the panel, and each opening reaches the panel once', async () => {
    const opened = await openingCount(panel);
    await Promise.all([mail.waitForEvent('load'), panel.getByTestId('reconnect-tab-reload').click()]);
    // The reloaded tab shows the conversation it was on; the new script reports it.
    await panelSubject(panel, login.subject);
    await expect.poll(() => panel.getByTestId('reconnect-tab').count()).toBe(0);
    expect(await openingCount(panel)).toBe(opened + 1);

    await mail.evaluate((hash) => (location.hash = hash), `#inbox/${preSales.id}`);
    await panelSubject(panel, preSales.subject);
    await panel.getByTestId('priority').waitFor();
    await panel.waitForTimeout(500);
    expect(await openingCount(panel)).toBe(opened + 2);

    await panel.getByTestId('insert-reply').first().click();
    await expect.poll(async () => (await mail.locator('[g_editable="true"]').innerText()).trim().length, { timeout: 5_000 }).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    expect(session.requests.blocked).toEqual([]);
  });
});
