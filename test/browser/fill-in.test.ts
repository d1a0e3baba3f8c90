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

describe('variables in real Chromium', () => {
  const [vip] = demoConversations();

  it('greets by first name, asks for an unknown variable in the fill-in form, then inserts', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('article-new').click();
    const form = options.getByTestId('article-form');
    await form.locator('[name="title"]').fill('Refund for returned stock pots');
    await form.locator('[name="body"]').fill('Hi {{customer.firstName}},\n\nYour refund code is {{custom.refundCode}}. <b>Thanks</b>');
    await form.locator('[name="examples"]').fill('When will the refund for my returned stock pots be processed?\nStill no refund for my returned order');
    await form.locator('[name="category"]').fill('refund');
    await form.locator('[name="language"]').fill('en');
    await options.getByTestId('article-save').click();
    const row = options.getByTestId('article-row').filter({ hasText: 'Refund for returned stock pots' });
    await row.waitFor();
    const articleId = (await row.getAttribute('data-article-id'))!;

    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject);
    const suggestion = panel.locator(`[data-testid="suggestion"][data-article-id="${articleId}"]`);
    await suggestion.waitFor();
    // Article text is shown as text, never as markup.
    expect(await suggestion.locator('b').count()).toBe(0);
    expect(await suggestion.textContent()).toContain('<b>Thanks</b>');

    await suggestion.getByTestId('insert-reply').click();
    const fillIn = panel.getByTestId('fill-in');
    await fillIn.waitFor();
    expect(await fillIn.locator('input').count()).toBe(1);
    await fillIn.locator('input').fill('RF-2231');
    await panel.getByTestId('fill-in-submit').click();

    const editor = mail.locator('[g_editable="true"]');
    await editor.waitFor();
    await expect.poll(() => editor.innerText()).toContain('RF-2231');
    const text = await editor.innerText();
    expect(text).toMatch(/^Hi Victoria,/);
    expect(text).not.toContain('{{');
  });

  it('adds a searched article at the cursor without replacing what is there', async () => {
    const panel = session.context.pages().find((p) => p.url().includes('sidepanel.html'))!;
    const mail = session.context.pages().find((p) => p.url().startsWith(GMAIL))!;
    const editor = mail.locator('[g_editable="true"]');
    const before = await editor.innerText();
    await panel.getByTestId('panel-search').fill('invoice copy');
    const result = panel.getByTestId('search-result').first();
    await result.waitFor();
    await result.getByTestId('insert-reply').click();
    await expect.poll(() => editor.innerText()).not.toBe(before);
    const after = await editor.innerText();
    expect(after).toContain('RF-2231');
    expect(after.length).toBeGreaterThan(before.length);
  });
});
