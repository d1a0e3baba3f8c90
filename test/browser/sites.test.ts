import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { demoConversations, GMAIL, openPanel, OUTLOOK, panelSubject, startSession } from './session';

let session: ExtensionSession;
let panel: Page;

beforeAll(async () => {
  session = await startSession();
  panel = await openPanel(session);
});

afterAll(async () => {
  await session?.close();
});

const conversations = demoConversations();
const byLegacy = (suffix: string) => conversations.find((c) => c.legacyId.endsWith(suffix))!;

async function insertAndRead(mail: Page, editorSelector: string): Promise<string> {
  await panel.getByTestId('insert-reply').first().click();
  const editor = mail.locator(editorSelector).first();
  await editor.waitFor();
  await expect.poll(() => editor.innerText(), { timeout: 5_000 }).toMatch(/\S{10,}/);
  return editor.innerText();
}

describe('mail layouts in real Chromium', () => {
  it('reads the Gmail preview pane (Reply closed) and inserts after opening Reply', async () => {
    const login = byLegacy('503');
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}?layout=split#inbox`);
    await mail.locator('tr.zA', { hasText: login.subject }).click();
    await panelSubject(panel, login.subject);
    expect(await panel.getByTestId('customer-email').textContent()).toBe(login.messages[0].from.email);
    expect(await panel.getByTestId('message-count').getAttribute('data-count')).toBe(String(login.messages.length));
    expect(await panel.getByTestId('language').getAttribute('data-lang')).toBe('zh');
    expect(await panel.getByTestId('sentiment').getAttribute('data-sentiment')).toMatch(/^(negative|neutral|positive)$/);
    expect(Number(await panel.getByTestId('category').getAttribute('data-confidence'))).toBeGreaterThan(0);
    const text = await insertAndRead(mail, '[g_editable="true"]');
    expect(text).toContain('您好');
    await mail.close();
  });

  it('reads an Outlook reading-pane conversation and inserts after opening Reply', async () => {
    const vip = byLegacy('501');
    const mail = await session.context.newPage();
    await mail.goto(`${OUTLOOK}inbox/id/${encodeURIComponent(`AAQkADemo${vip.legacyId}=`)}`);
    await panelSubject(panel, vip.subject);
    expect(await panel.getByTestId('customer-email').textContent()).toBe(vip.messages[0].from.email);
    expect(await panel.getByTestId('message-count').getAttribute('data-count')).toBe(String(vip.messages.length));
    expect(await panel.getByTestId('priority').getAttribute('data-priority')).toMatch(/^P[1-4]$/);
    expect(await panel.getByTestId('language').getAttribute('data-lang')).toBe('en');
    const text = await insertAndRead(mail, '[contenteditable="true"][aria-multiline="true"]');
    expect(text).not.toContain('{{');
    await mail.close();
  });

  it('triages a Chinese Outlook conversation: category with confidence, priority with reasons, sentiment, language', async () => {
    const invoice = byLegacy('506');
    const mail = await session.context.newPage();
    await mail.goto(`${OUTLOOK}inbox/id/${encodeURIComponent(`AAQkADemo${invoice.legacyId}=`)}`);
    await panelSubject(panel, invoice.subject);
    expect(await panel.getByTestId('language').getAttribute('data-lang')).toBe('zh');
    expect(await panel.getByTestId('category').getAttribute('data-category')).toBe('invoice');
    expect(Number(await panel.getByTestId('category').getAttribute('data-confidence'))).toBeGreaterThan(0.5);
    expect(await panel.getByTestId('priority').getAttribute('data-priority')).toMatch(/^P[1-4]$/);
    expect(await panel.getByTestId('priority').locator('[data-reason]').count()).toBeGreaterThan(0);
    expect(await panel.getByTestId('sentiment').getAttribute('data-sentiment')).toMatch(/^(negative|neutral|positive)$/);
    await mail.close();
  });

  it('lets the user correct the category from the panel', async () => {
    const select = panel.getByTestId('correct-category');
    await select.selectOption('invoice');
    await expect.poll(() => panel.getByTestId('category').getAttribute('data-category')).toBe('invoice');
  });

  it('shows the layout notice for a page it cannot read, without errors on the mail page', async () => {
    const mail = await session.context.newPage();
    const errors: string[] = [];
    mail.on('pageerror', (error) => errors.push(error.message));
    await mail.route('https://mail.google.com/mail/u/0/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync('test/fixtures/gmail/unknown-layout.html') }),
    );
    await mail.goto(`${GMAIL}#inbox/FMfcgzQbjXyZaBcDeFgHiJkLmNoPqRsT`);
    await panel.getByTestId('layout-notice').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await mail.close();
  });

  it('made no request to any network', () => {
    expect(session.requests.blocked).toEqual([]);
  });
});
