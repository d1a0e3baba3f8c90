import { readFileSync } from 'node:fs';
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

describe('backup, delete and restore in real Chromium', () => {
  it('backs everything up to one file, deletes it all, and restores the same data', async () => {
    const [vip] = demoConversations();
    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject);

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const count = () => options.getByTestId('article-list').getAttribute('data-count');
    await expect.poll(count).not.toBe('0');
    const articlesBefore = await count();

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup').click()]);
    const backupPath = await download.path();
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.tables.conversations.map((c: { subject: string }) => c.subject)).toContain(vip.subject);

    await options.getByTestId('delete-all').click();
    await options.getByTestId('delete-all').click();
    await expect.poll(count).toBe('0');

    await options.getByTestId('import-file').setInputFiles(backupPath);
    await expect.poll(() => options.getByTestId('import-status').getAttribute('data-state')).toBe('ok');
    await expect.poll(count).toBe(articlesBefore);
  });
});
