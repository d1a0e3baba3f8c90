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

describe('service settings in real Chromium', () => {
  it('monthly costs entered in the options page drive the popup’s cost per ticket', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const form = options.getByTestId('service-settings');
    await form.locator('[name="costLabour"]').fill('1200');
    await form.locator('[name="sla-P1-first"]').fill('30');
    await form.locator('button[type="submit"]').click();
    await form.locator('.ok').waitFor();

    const [vip] = demoConversations();
    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject);

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const cost = popup.locator('[data-testid="metric"][data-metric="cost-per-ticket"]');
    await expect.poll(async () => Number(await cost.getAttribute('data-value'))).toBeGreaterThan(0);
    expect(Number(await cost.getAttribute('data-value'))).toBeLessThanOrEqual(1200);
  });
});
