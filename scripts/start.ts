/**
 * `npm start`: opens Chromium with the built extension on the bundled demo inbox, served at
 * https://mail.google.com/mail/u/0/ by request interception (the production content script runs
 * unchanged). `HEADLESS=1 npm start` opens every demo conversation headless, prints one triage line
 * per conversation and exits.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from './browser/launch';
import { demoConversations, GMAIL } from '../test/browser/session';

async function attr(panel: Page, testId: string, name: string): Promise<string> {
  return (await panel.getByTestId(testId).first().getAttribute(name)) ?? '';
}

async function triageLine(session: ExtensionSession, panel: Page, id: string, subject: string): Promise<string> {
  const mail = await session.context.newPage();
  await mail.goto(`${GMAIL}#inbox/${id}`);
  await panel.locator('[data-testid="conversation-subject"]', { hasText: subject }).waitFor({ timeout: 15_000 });
  await panel.getByTestId('priority').waitFor({ timeout: 15_000 });
  // An article offered from another language (none exists in the mail's) is marked "(other language)".
  const suggestions = await panel
    .getByTestId('suggestion')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-article-id')}${e.hasAttribute('data-other-language') ? '(other language)' : ''}`));
  const line = [
    (await attr(panel, 'priority', 'data-priority')).padEnd(2),
    `urgency=${await attr(panel, 'priority', 'data-urgency')}`,
    `importance=${await attr(panel, 'priority', 'data-importance')}`,
    `category=${await attr(panel, 'category', 'data-category')}(${await attr(panel, 'category', 'data-confidence')})`,
    `sentiment=${await attr(panel, 'sentiment', 'data-sentiment')}`,
    `lang=${await attr(panel, 'language', 'data-lang')}`,
    `customer=${(await panel.getByTestId('customer-email').textContent()) ?? ''}`,
    `messages=${await attr(panel, 'message-count', 'data-count')}`,
    `top=${suggestions[0] ?? '(kb gap)'}`,
    `| ${subject}`,
  ].join(' ');
  await mail.close();
  return line;
}

async function main(): Promise<void> {
  const headless = process.env.HEADLESS === '1' || process.env.HEADLESS === 'true';
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display found: run `HEADLESS=1 npm start` for the headless demo report.');
    process.exit(1);
  }
  const session = await launchWithExtension({ headless });
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);

  if (headless) {
    try {
      for (const c of demoConversations()) console.log(await triageLine(session, panel, c.id, c.subject));
    } finally {
      await session.close();
    }
    return;
  }

  const mail = await session.context.newPage();
  await mail.goto(`${GMAIL}#inbox`);
  console.error('SoloDesk demo is open: click a conversation; the SoloDesk tab shows it. Close the browser to stop.');
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
