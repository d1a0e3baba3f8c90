import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { demoConversations, GMAIL, openPanel, OUTLOOK, panelSubject, startSession } from './session';

let session: ExtensionSession;
const EXPERT = 'expert@partner.example';

beforeAll(async () => {
  session = await startSession();
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const form = options.getByTestId('settings-form');
  await form.locator('[name="expertAddress"]').fill(EXPERT);
  await form.locator('button[type="submit"]').click();
  await form.locator('.ok').waitFor();
  await options.close();
});

afterAll(async () => {
  await session?.close();
});

describe('escalation to the expert queue in real Chromium', () => {
  const [vip, parcel] = demoConversations();

  it('opens Forward in Gmail to the expert address with a summary on top', async () => {
    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject);
    await panel.getByTestId('escalate').click();
    await expect.poll(() => panel.getByTestId('escalate-status').getAttribute('data-state')).toBe('ok');
    expect(await mail.locator('.M9 input[name="to"]').inputValue()).toBe(EXPERT);
    const body = await mail.locator('[g_editable="true"]').innerText();
    expect(body).toMatch(/^\[SoloDesk escalation\]/);
    expect(body).toContain(vip.messages[0].from.email);
    await mail.close();
  });

  it('opens Forward in Outlook the same way', async () => {
    const panel = session.context.pages().find((p) => p.url().includes('sidepanel.html'))!;
    const mail = await session.context.newPage();
    // Another conversation than the Gmail one, so the panel visibly switches to this tab's.
    await mail.goto(`${OUTLOOK}inbox/id/${encodeURIComponent(`AAQkADemo${parcel.legacyId}=`)}`);
    await panelSubject(panel, parcel.subject);
    await panel.getByTestId('escalate').click();
    await expect.poll(() => mail.locator('[contenteditable="true"][aria-label="To"]').innerText()).toContain(EXPERT);
    const body = await mail.locator('[contenteditable="true"][aria-multiline="true"]').innerText();
    expect(body).toContain('[SoloDesk escalation]');
  });

  it('made no request to any network', () => {
    expect(session.requests.blocked).toEqual([]);
  });
});
