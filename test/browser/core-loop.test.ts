import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { demoConversations, GMAIL, openPanel, panelSubject, startSession } from './session';

let session: ExtensionSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

describe('the core loop in real Chromium on the Gmail-shaped demo', () => {
  const [vip, lostParcel] = demoConversations();

  it('shows the opened conversation in the side panel and inserts a reply', async () => {
    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    // How fast is measured by `npm run bench:browser`, not asserted here.
    await panelSubject(panel, vip.subject);
    await panel.locator('[data-testid="suggestion"]').first().waitFor();

    await expect.poll(() => panel.getByTestId('customer-email').textContent()).toBe(vip.messages[0].from.email);
    const count = await panel.getByTestId('message-count').getAttribute('data-count');
    expect(Number(count)).toBe(vip.messages.length);
    const priority = panel.getByTestId('priority');
    expect(await priority.getAttribute('data-priority')).toMatch(/^P[1-4]$/);
    expect(await panel.getByTestId('category').getAttribute('data-category')).toBeTruthy();

    // Reply is closed in the demo: insert must open it first.
    expect(await mail.locator('[g_editable="true"]').count()).toBe(0);
    await panel.getByTestId('insert-reply').first().click();
    const editor = mail.locator('[g_editable="true"]');
    await editor.waitFor();
    await expect.poll(() => editor.innerText(), { timeout: 5_000 }).toMatch(/\S{10,}/);
    const inserted = await editor.innerText();
    expect(inserted).not.toContain('{{');
  });

  it('puts the reply on the undo stack of the reply box', async () => {
    const mail = session.context.pages().find((p) => p.url().startsWith(GMAIL));
    expect(mail).toBeDefined();
    await mail!.locator('[g_editable="true"]').focus();
    await mail!.evaluate(() => document.execCommand('undo'));
    await expect.poll(() => mail!.locator('[g_editable="true"]').innerText()).toBe('\n');
  });

  it('follows the user to the next conversation', async () => {
    const panel = session.context.pages().find((p) => p.url().includes('sidepanel.html'))!;
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${lostParcel.id}`);
    await panelSubject(panel, lostParcel.subject);
    expect(await panel.getByTestId('priority').getAttribute('data-urgency')).toBe('high');
  });

  it('offers articles in another language, and says so, when none is in the mail’s language', async () => {
    const german = demoConversations().find((c) => c.id.includes('PreSales'))!;
    const panel = session.context.pages().find((p) => p.url().includes('sidepanel.html'))!;
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${german.id}`);
    await panelSubject(panel, german.subject);
    expect(await panel.getByTestId('language').getAttribute('data-lang')).toBe('de');
    await panel.getByTestId('kb-gap').waitFor();
    const offered = panel.locator('[data-testid="suggestion"][data-other-language]');
    expect(await offered.count()).toBeGreaterThan(0);
    expect(await offered.first().getAttribute('data-other-language')).not.toBe('de');
  });

  it('made no request to any network', () => {
    expect(session.requests.blocked).toEqual([]);
  });
});
