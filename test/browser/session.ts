import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch';

/** The demo conversations, as the tests' source of expectations. */
export interface DemoConversation {
  id: string;
  legacyId: string;
  subject: string;
  messages: Array<{ from: { name: string; email: string } }>;
}

export function demoConversations(): DemoConversation[] {
  return JSON.parse(readFileSync('demo/conversations.json', 'utf8')).conversations;
}

export const GMAIL = 'https://mail.google.com/mail/u/0/';
export const OUTLOOK = 'https://outlook.office.com/mail/';

export async function startSession(): Promise<ExtensionSession> {
  return launchWithExtension({ headless: true });
}

/** The side panel opened as an ordinary tab: it follows the newest conversation in any window. */
export async function openPanel(session: ExtensionSession): Promise<Page> {
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  return panel;
}

export async function panelSubject(panel: Page, subject: string, timeout = 10_000): Promise<void> {
  await panel.locator('[data-testid="conversation-subject"]', { hasText: subject }).waitFor({ timeout });
}
