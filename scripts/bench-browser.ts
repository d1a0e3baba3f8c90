/**
 * `npm run bench:browser`: in real headless Chromium with the built extension, the time from the
 * mail page's DOMContentLoaded to the side panel showing that conversation's subject, over 60
 * openings of different demo conversations after a warm-up. Prints one JSON line.
 */
import { launchWithExtension } from './browser/launch';
import { demoConversations, GMAIL } from '../test/browser/session';

const OPENINGS = Number(process.env.OPENINGS ?? 60);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  // EXTENSION_DIR: compare two builds (e.g. before and after a change) on the same machine.
  const session = await launchWithExtension({ headless: true, extensionDir: process.env.EXTENSION_DIR });
  try {
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const mail = await session.context.newPage();
    // When the conversation itself is on the page (the demo renders it after fetching its data).
    await mail.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('h2.hP')) {
          (window as unknown as { threadShownAt: number }).threadShownAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    const fromThread: number[] = [];
    const conversations = demoConversations();
    const timings: number[] = [];
    for (let i = -conversations.length; i < OPENINGS; i++) {
      const c = conversations[(i + conversations.length) % conversations.length];
      // Each opening is a fresh page load, so the subject must change between consecutive ones.
      await mail.goto('about:blank');
      const shown = panel.evaluate(
        (subject) =>
          new Promise<number>((resolve) => {
            const check = () => {
              const el = document.querySelector('[data-testid="conversation-subject"]');
              if (el?.textContent === subject) {
                observer.disconnect();
                resolve(Date.now());
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            check();
          }),
        c.subject,
      );
      await mail.goto(`${GMAIL}?shift=0&n=${i}#inbox/${c.id}`, { waitUntil: 'domcontentloaded' });
      const loaded = await mail.evaluate(() => performance.timeOrigin + performance.timing.domContentLoadedEventStart - performance.timing.navigationStart);
      const at = await shown;
      const threadAt = await mail.evaluate(() => (window as unknown as { threadShownAt: number }).threadShownAt);
      if (i >= 0) {
        timings.push(at - loaded);
        fromThread.push(at - threadAt);
      }
    }
    timings.sort((a, b) => a - b);
    fromThread.sort((a, b) => a - b);
    const result = {
      name: 'open-to-panel',
      openings: timings.length,
      p50Ms: Math.round(percentile(timings, 50)),
      p90Ms: Math.round(percentile(timings, 90)),
      maxMs: Math.round(timings.at(-1) ?? 0),
      threadToPanelP50Ms: Math.round(percentile(fromThread, 50)),
      threadToPanelP90Ms: Math.round(percentile(fromThread, 90)),
    };
    console.log(JSON.stringify(result));
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
