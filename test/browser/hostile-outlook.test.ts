/**
 * Hostile mail on the Outlook demo page in real Chromium: the Gmail run (hostile.test.ts) opens
 * the whole corpus; this one opens a sample of every kind, and the 5 MB body, through the Outlook
 * content script, which has its own selectors and parser. The same checks: each subject and
 * sender shows as text in the side panel, no markup is made from it in the panel or the mail
 * page, nothing runs (no dialog, no `window.__pwned_*` marker, no page error), nothing is fetched.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFrom } from '../../lib/mail/addresses';
import en from '../../public/_locales/en/messages.json';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { countByKind, hostileCorpus, hugeBody } from '../hostile/corpus';
import { conversation, detector, inputConversation, markers, ME, recordPageProblems, squeeze } from './hostile-page';
import { openPanel, OUTLOOK, startSession } from './session';

const corpus = hostileCorpus();
/** Every eighth input: about 40, with every kind in it (the corpus lists the kinds in blocks). */
const sample = corpus.filter((input) => input.n % 8 === 0);
const BIG = conversation('Big', 900, 'A very long complaint', [{ from: { name: 'Long Writer', email: 'long@evil.example' }, date: '2026-11-24 09:00', body: hugeBody(5_000_000) }]);

let session: ExtensionSession;
let mail: Page;
let panel: Page;
let problems: { dialogs: string[]; pageErrors: string[] };

/** Opens a conversation as a click in Outlook's message list does (a history route, no reload). */
async function openConversation(legacyId: string) {
  await mail.locator(`[data-convid="AAQkADemo${legacyId}="]`).click();
}

async function panelShows(subject: string, timeout = 20_000) {
  const want = squeeze(subject);
  await expect.poll(async () => squeeze((await panel.getByTestId('conversation-subject').textContent().catch(() => '')) ?? ''), { timeout }).toBe(want);
}

beforeAll(async () => {
  session = await startSession();
  problems = recordPageProblems(session.context);
  const box = JSON.stringify({ about: 'hostile Outlook mailbox (test only)', anchorDate: '2026-11-25', account: ME, conversations: [...sample.map(inputConversation), BIG] });
  // Test-only mailbox: registered after the demo server's route, so it answers first.
  await session.context.route('https://outlook.office.com/mail/conversations.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: box }),
  );
});

afterAll(async () => {
  await session?.close();
});

describe('hostile mail in Outlook in real Chromium', () => {
  it('samples every kind of hostile input', () => {
    expect(sample.length).toBeGreaterThanOrEqual(38);
    expect(Object.values(countByKind(sample)).every((count) => count > 0)).toBe(true);
  });

  it('opens the hostile conversations and shows each subject and sender as text', async () => {
    panel = await openPanel(session);
    mail = await session.context.newPage();
    await mail.goto(`${OUTLOOK}inbox`);
    await mail.locator('[data-convid]').first().waitFor();
    const started = Date.now();
    for (const [i, input] of sample.entries()) {
      await openConversation(inputConversation(input).legacyId);
      await panelShows(input.text.slice(0, 5_000)); // the longest subject the background accepts
      // Outlook names the sender only in "From: name <address>"; reading it drops the address part
      // only, so tags written in the name are shown as the text they are, never as markup.
      const name = personFrom(`From: ${input.text} <c${input.n}@evil.example>`).name;
      const customer = await panel.getByTestId('customer-email').locator('..').textContent();
      expect(squeeze(customer ?? ''), input.name).toContain(squeeze(name).slice(0, 100));
      if (i % 5 === 4 || i === sample.length - 1) {
        expect(await panel.evaluate(detector, { root: 'main', allowed: ['details'] }), input.name).toEqual([]);
        expect(await mail.evaluate(detector, { root: '[role="main"]', allowed: [] }), input.name).toEqual([]);
      }
    }
    console.log(`[hostile-outlook] ${sample.length} hostile conversations opened in ${Date.now() - started} ms`);
    expect(await markers(mail)).toEqual([]);
    expect(await markers(panel)).toEqual([]);
  }, 300_000);

  it('triages a 5 MB body from its beginning and says so', async () => {
    const t0 = Date.now();
    await openConversation(BIG.legacyId);
    await panelShows('A very long complaint', 60_000);
    await panel.getByTestId('truncated-notice').getByText(en.truncatedNotice.message).waitFor({ timeout: 60_000 });
    console.log(`[hostile-outlook] 5 MB body: panel shows it, triaged with the notice, in ${Date.now() - t0} ms`);
    expect(await mail.evaluate(detector, { root: '[role="main"]', allowed: [] })).toEqual([]);
  }, 120_000);

  it('ran nothing and fetched nothing anywhere', async () => {
    for (const page of session.context.pages()) expect(await markers(page), page.url()).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(session.requests.blocked).toEqual([]);
  });
});
