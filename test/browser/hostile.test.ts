/**
 * Hostile mail in real Chromium (issue 7 §2): the demo Gmail page serves the hostile corpus (one
 * conversation per input, a 5 MB body, a 500-message thread) through a test-only route; the side
 * panel, popup and options page show it, the options form saves hostile articles and an orders
 * CSV brings hostile customer names. Nothing may run (no dialog, no `window.__pwned_*`, no page
 * error), nothing may be fetched (`session.requests`), no element or handler may be made from it.
 * The first test proves each detector fires on a deliberately unsafe page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { hostileCorpus, hugeBody, longThread, type HostileInput } from '../hostile/corpus';
import { GMAIL, openPanel, startSession } from './session';
import { conversation, detector, inputConversation, markers, ME, recordPageProblems, squeeze } from './hostile-page';

const corpus = hostileCorpus();
const named = (name: string) => corpus.find((c) => c.name === name)!;

const BIG = hugeBody(5_000_000);
const INSERT_PROBE = 'whistling kettle lid melted hostile probe';
/** The article inserted into the reply box: vectors that parse as a template, so it fills. */
const INSERT_ARTICLE = {
  title: corpus[0].text,
  body: `Hi {{customer.firstName | "there"}},\n${named('img onerror (bare)').text}\n${named('javascript link (bare)').text}\n<style>@import url(https://exfil.invalid/insert.css)</style>\n\${window.__pwned_insert=1}`,
};

function mailbox() {
  const conversations = corpus.map(inputConversation);
  conversations.push(conversation('Big', 900, 'A very long complaint', [{ from: { name: 'Long Writer', email: 'long@evil.example' }, date: '2026-11-24 09:00', body: BIG }]));
  conversations.push(
    conversation('Long', 901, corpus[2].text, longThread(500).map((m, i) => ({ ...m, date: `2026-11-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00`, expanded: true }))),
  );
  conversations.push(conversation('Insert', 902, 'Kettle lid', [{ from: { name: 'Kim Kettle', email: 'kim@evil.example' }, date: '2026-11-24 09:00', body: `My ${INSERT_PROBE}. What now?` }]));
  return { about: 'hostile mailbox (test only)', anchorDate: '2026-11-25', account: ME, conversations };
}

let session: ExtensionSession;
let mail: Page;
let panel: Page;
let dialogs: string[];
let pageErrors: string[];

async function openConversation(id: string) {
  await mail.evaluate((hash) => (location.hash = hash), `#inbox/${id}`);
}

async function panelShows(subject: string, timeout = 20_000) {
  const want = squeeze(subject);
  await expect.poll(async () => squeeze((await panel.getByTestId('conversation-subject').textContent().catch(() => '')) ?? ''), { timeout }).toBe(want);
}

beforeAll(async () => {
  session = await startSession();
  ({ dialogs, pageErrors } = recordPageProblems(session.context));
  const box = JSON.stringify(mailbox());
  // Test-only mailbox: registered after the demo server's route, so it answers first.
  await session.context.route('https://mail.google.com/mail/u/0/conversations.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: box }),
  );
});

afterAll(async () => {
  await session?.close();
});

describe('hostile mail in real Chromium', () => {
  it('catches a deliberately unsafe page: dialog, marker, request and injected markup', async () => {
    const vectors = ['img onerror (bare)', 'svg onload (bare)', 'style import (bare)', 'remote image (bare)'].map((name) => named(name).text);
    await session.context.route('https://mail.google.com/mail/unsafe-probe/', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><div id="sink"></div><script>document.getElementById('sink').innerHTML = ${JSON.stringify(vectors.join(''))};</script>`,
      }),
    );
    const probe = await session.context.newPage();
    await probe.goto('https://mail.google.com/mail/unsafe-probe/');
    await expect.poll(() => markers(probe)).not.toEqual([]);
    await expect.poll(() => dialogs.length).toBeGreaterThan(0);
    await expect.poll(() => session.requests.blocked.filter((u) => u.includes('exfil.invalid')).length).toBeGreaterThan(0);
    expect(await probe.evaluate(detector, { root: '#sink', allowed: [] })).not.toEqual([]);
    await probe.close();
    // Forget what the probe did, so the checks below start clean.
    dialogs.length = 0;
    session.requests.blocked.length = 0;
    pageErrors.length = 0;
  });

  it('opens the hostile conversations and shows each subject and sender as text', async () => {
    panel = await openPanel(session);
    mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox`);
    await mail.locator('tr.zA').first().waitFor();
    const started = Date.now();
    for (const input of corpus) {
      await openConversation(`FMfcgzQhostileInput${input.n}`);
      await panelShows(input.text.slice(0, 5_000)); // the longest subject the background accepts
      const customer = await panel.getByTestId('customer-email').locator('..').textContent();
      expect(squeeze(customer ?? ''), input.name).toContain(squeeze(input.text).slice(0, 100));
      if (input.n % 20 === 0 || input.n === corpus.length) {
        expect(await panel.evaluate(detector, { root: 'main', allowed: ['details'] }), input.name).toEqual([]);
        expect(await mail.evaluate(detector, { root: '[role="main"]', allowed: [] }), input.name).toEqual([]);
      }
    }
    console.log(`[hostile] ${corpus.length} hostile conversations opened in ${Date.now() - started} ms`);
    expect(await markers(mail)).toEqual([]);
    expect(await markers(panel)).toEqual([]);
  }, 600_000);

  it('triages a 5 MB body from its beginning, says so, and stays responsive', async () => {
    const t0 = Date.now();
    await openConversation('FMfcgzQhostileBig');
    await panelShows('A very long complaint', 60_000);
    const shown = Date.now() - t0;
    await panel.getByTestId('truncated-notice').getByText(en.truncatedNotice.message).waitFor({ timeout: 60_000 });
    const triaged = Date.now() - t0;
    const select = panel.getByTestId('correct-category');
    const t1 = Date.now();
    await select.selectOption('invoice');
    await expect.poll(() => panel.getByTestId('category').getAttribute('data-category'), { timeout: 30_000 }).toBe('invoice');
    console.log(`[hostile] 5 MB body: panel shows it ${shown} ms, triaged with notice ${triaged} ms, category corrected in ${Date.now() - t1} ms`);
  }, 180_000);

  it('reads all 500 messages of a hostile thread and stays responsive', async () => {
    const t0 = Date.now();
    await openConversation('FMfcgzQhostileLong');
    await panelShows(corpus[2].text, 60_000);
    await expect.poll(() => panel.getByTestId('message-count').getAttribute('data-count'), { timeout: 60_000 }).toBe('500');
    await panel.getByTestId('priority').waitFor({ timeout: 60_000 });
    const shown = Date.now() - t0;
    const t1 = Date.now();
    await panel.getByTestId('correct-category').selectOption('feedback');
    await expect.poll(() => panel.getByTestId('category').getAttribute('data-category'), { timeout: 30_000 }).toBe('feedback');
    console.log(`[hostile] 500 messages: panel shows count and triage ${shown} ms, category corrected in ${Date.now() - t1} ms`);
    expect(await panel.evaluate(detector, { root: 'main', allowed: ['details'] })).toEqual([]);
    expect(await mail.evaluate(detector, { root: '[role="main"]', allowed: [] })).toEqual([]);
  }, 180_000);

  it('saves hostile articles through the options form and lists them as text', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('article-list').waitFor();
    const articles: Array<{ title: string; body: string; examples: string }> = [
      { ...INSERT_ARTICLE, examples: `${INSERT_PROBE}\nthe ${INSERT_PROBE}, what should I do` },
      ...[...new Set(corpus.map((c) => c.kind))].map((kind) => {
        const input = corpus.find((c) => c.kind === kind && c.name.endsWith('(after breakout)'))!;
        return { title: input.text, body: `Hello,\n${input.text}`, examples: input.text };
      }),
    ];
    let saved = 0;
    for (const article of articles) {
      await options.getByTestId('article-new').click();
      const form = options.getByTestId('article-form');
      await form.locator('[name="title"]').fill(article.title);
      await form.locator('[name="body"]').fill(article.body);
      await form.locator('[name="examples"]').fill(article.examples);
      await form.locator('[name="category"]').fill('product-fault');
      await form.locator('[name="language"]').fill('en');
      await options.getByTestId('article-save').click();
      // A body that is not a valid template (`{{constructor…}}`) is refused with a message, as text.
      await options.locator('[data-testid="article-saved"], [role="alert"]').first().waitFor();
      const refused = await options.locator('[role="alert"]').allTextContents();
      if (refused.length > 0) expect(refused.join(' '), article.title).toMatch(/\S/);
      saved += refused.length === 0 ? 1 : 0;
      expect(squeeze((await options.getByTestId('article-preview').textContent()) ?? '')).not.toBe('');
      expect(await options.evaluate(detector, { root: 'main', allowed: ['form'] })).toEqual([]);
    }
    console.log(`[hostile] options form: ${saved} of ${articles.length} hostile articles saved, the others refused with a message`);
    expect(saved).toBeGreaterThan(articles.length / 2);
    const rows = squeeze((await options.getByTestId('article-row').allTextContents()).join(' '));
    expect(articles.filter((a) => rows.includes(squeeze(a.title).slice(0, 30))).length).toBeGreaterThan(0);
    expect(await markers(options)).toEqual([]);
    await options.close();
  }, 180_000);

  it('imports hostile customer names from an orders CSV and shows them as text', async () => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const inputs = corpus.filter((c) => c.n % 9 === 0);
    const csv = ['email,date,amount,name', ...inputs.map((c, i) => `c${c.n}@evil.example,2024-0${1 + (i % 9)}-15,${900 + i},${quote(c.text)}`)].join('\n');
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('import-file').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => options.getByTestId('import-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('ok');
    expect(await options.evaluate(detector, { root: 'main', allowed: ['form'] })).toEqual([]);
    await options.close();

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByTestId('metric').first().waitFor({ timeout: 30_000 });
    // TrendChart and Heatmap draw their own SVG with <title> tooltips.
    expect(await popup.evaluate(detector, { root: 'main', allowed: ['svg', 'title'] })).toEqual([]);
    expect(await markers(popup)).toEqual([]);
    await popup.close();

    // The panel's customer card for one of them: the name came from the mail, the orders from the CSV.
    const input: HostileInput = inputs[0];
    await openConversation(`FMfcgzQhostileInput${input.n}`);
    await panelShows(input.text);
    await expect.poll(() => panel.getByTestId('customer-orders').getAttribute('data-count'), { timeout: 20_000 }).toBe('1');
    expect(await panel.evaluate(detector, { root: 'main', allowed: ['details'] })).toEqual([]);
  }, 180_000);

  it('inserts a hostile article into the Gmail reply box as text', async () => {
    await openConversation('FMfcgzQhostileInsert');
    await panelShows('Kettle lid');
    const suggestion = panel.locator('[data-testid="suggestion"]', { hasText: squeeze(INSERT_ARTICLE.title).slice(0, 30) });
    await suggestion.first().waitFor({ timeout: 20_000 });
    const before = await mail.evaluate(() => document.querySelectorAll('*').length);
    await suggestion.first().getByTestId('insert-reply').click();
    const editor = mail.locator('[g_editable="true"]');
    await editor.waitFor();
    await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain(named('img onerror (bare)').text);
    const text = (await editor.textContent()) ?? '';
    expect(text).toContain('Hi Kim');
    expect(text).toContain('${window.__pwned_insert=1}');
    const inside = await editor.evaluate((el) =>
      Array.from(el.querySelectorAll('*')).map((e) => [e.tagName.toLowerCase(), ...Array.from(e.attributes).map((a) => a.name)].join(' ')),
    );
    expect(inside.filter((e) => !/^(br|div|span)$/.test(e))).toEqual([]);
    expect(await mail.evaluate(detector, { root: '[role="main"]', allowed: [] })).toEqual([]);
    // The reply box and the line breaks are the only new elements.
    const after = await mail.evaluate(() => document.querySelectorAll('*').length);
    console.log(`[hostile] reply inserted: ${after - before} new elements in the mail page, all inside the compose box`);
  });

  it('ran nothing and fetched nothing anywhere', async () => {
    for (const page of session.context.pages()) expect(await markers(page), page.url()).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(session.requests.blocked).toEqual([]);
  });
});
