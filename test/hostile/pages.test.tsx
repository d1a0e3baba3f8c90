/**
 * Hostile mail rendered by the extension pages (side panel, popup, options) in happy-dom: every
 * hostile subject, sender name, body and article text shows as text, and nothing in the DOM was
 * made from it (no foreign element, no event handler, no script/data URL, no attribute the page
 * does not render for harmless text).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { db } from '@/lib/db';
import { triageInputOf } from '@/lib/conversation/thread';
import type { MailThread } from '@/lib/mail/mail-site';
import { saveOpenedThread, saveTriage } from '@/lib/store/conversations';
import { saveUserArticle } from '@/lib/store/kb';
import { createStarterEngine, type TriageEngine } from '@/lib/triage/engine';
import { SidePanelApp } from '@/components/SidePanelApp';
import { PopupApp } from '@/components/PopupApp';
import { startPopupReads } from '@/components/popup/reads';
import { KbSection } from '@/components/options/KbSection';
import { KbGaps } from '@/components/options/KbGaps';
import { ArticlePreview } from '@/components/options/ArticlePreview';
import { settingsSchema } from '@/lib/settings';
import { countByKind, hostileCorpus, type HostileInput, type HostileKind } from './corpus';
import { activeContent, attributeNames } from './inert';

const corpus = hostileCorpus();
const benign = (input: HostileInput): HostileInput => ({ ...input, text: `Harmless text number ${input.n}` });
let engine: TriageEngine;
let clock = Date.UTC(2026, 10, 20, 9);

beforeAll(async () => {
  engine = await createStarterEngine();
});
afterEach(() => cleanup());
afterAll(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

function threadOf(input: HostileInput): MailThread {
  return {
    site: 'gmail',
    threadId: `hostile${input.n}`,
    subject: input.text,
    messages: [
      { from: { name: input.text, email: 'attacker@evil.example' }, date: '2026-11-20T08:00:00Z', body: input.text, fromMe: false, headerOnly: false },
      { from: { name: 'Me', email: 'me@shop.example' }, date: '2026-11-20T08:30:00Z', body: `Reply to ${input.n}`, fromMe: true, headerOnly: false },
      { from: { name: input.text, email: 'attacker@evil.example' }, date: '2026-11-20T09:00:00Z', body: input.text, fromMe: false, headerOnly: false },
    ],
    userEmails: ['me@shop.example'],
    url: `https://mail.google.com/mail/u/0/#inbox/hostile${input.n}`,
  };
}

/** Stores the thread as the background would (persist, triage), with a hostile article suggested. */
async function openHostile(input: HostileInput): Promise<void> {
  const articleId = `hostile-article-${input.n}`;
  await saveUserArticle({ id: articleId, title: input.text, body: input.text, examples: [input.text], category: 'refund', lang: 'en', tags: [] });
  const thread = threadOf(input);
  clock += 60_000;
  const conversation = await saveOpenedThread(thread, { tabId: 1, windowId: 1 }, clock);
  const input4triage = triageInputOf(thread);
  const result = await engine.triage(input4triage);
  await saveTriage(conversation.id, { ...result, suggestions: [{ id: articleId, score: 0.9 }], at: clock, engine: 'lexical', truncated: input4triage.truncated });
}

/** Attributes the page renders for harmless text: the hostile render may use no other. */
let panelAttributes: Set<string>;

describe('hostile corpus', () => {
  it('has at least 200 inputs with unique markers, of every kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.n)).size).toBe(corpus.length);
    const counts = countByKind(corpus);
    for (const kind of Object.keys(counts) as HostileKind[]) expect(counts[kind]).toBeGreaterThan(10);
  });
});

describe('the side panel with hostile conversations', () => {
  it('renders harmless text (the baseline the hostile renders are compared with)', async () => {
    const { container } = render(<SidePanelApp />);
    // Two conversations of one customer, so the card's past conversations are in the baseline too.
    await openHostile(benign(corpus[1]));
    await openHostile(benign(corpus[0]));
    await screen.findByText('Harmless text number 1', { selector: '[data-testid="conversation-subject"]' });
    await screen.findByTestId('past-conversations');
    await screen.findByTestId('suggestion');
    panelAttributes = attributeNames(container);
    expect(activeContent(container, ['details'])).toEqual([]);
  });

  const kinds = [...new Set(corpus.map((c) => c.kind))];
  it.each(kinds)('shows %s subjects, names and articles as text, and nothing else', async (kind) => {
    const { container } = render(<SidePanelApp />);
    for (const input of corpus.filter((c) => c.kind === kind)) {
      await act(() => openHostile(input));
      const subject = await waitFor(() => {
        const el = screen.getByTestId('conversation-subject');
        if (el.textContent !== input.text) throw new Error(`panel still shows another subject for ${input.name}`);
        return el;
      });
      expect(subject.children).toHaveLength(0);
      const customer = screen.getByTestId('customer-email').parentElement!;
      expect(customer.textContent).toContain(input.text);
      const suggestion = await screen.findByTestId('suggestion');
      expect(within(suggestion).getByText((_, el) => el?.className === 'suggestion-title').textContent).toBe(input.text);
      // CustomerCard lists the customer's past conversations in a <details> of its own.
      expect(activeContent(container, ['details']), input.name).toEqual([]);
      const extra = [...attributeNames(container)].filter((a) => !panelAttributes.has(a));
      expect(extra, input.name).toEqual([]);
    }
  }, 120_000);
});

describe('links in the side panel', () => {
  it('links a past conversation only to a mail site, whatever URL was stored', async () => {
    const { container } = render(<SidePanelApp />);
    await openHostile(corpus[0]);
    await db.conversations.update('gmail:hostile1', { url: `javascript:${corpus[0].text}` });
    await openHostile(corpus[1]);
    const past = await screen.findByTestId('past-conversations');
    await waitFor(() => expect(past.textContent).toContain(corpus[0].text));
    expect(activeContent(container, ['details'])).toEqual([]);
    expect([...past.querySelectorAll('a')].every((a) => a.href.startsWith('https://mail.google.com/'))).toBe(true);
  });
});

describe('the popup with hostile conversations and customers', () => {
  it('lists hostile customers at risk as text', async () => {
    // Only these customers: the popup's metrics over the side panel tests' 300 conversations are not the point here.
    await Promise.all([db.conversations.clear(), db.messages.clear()]);
    const atRisk = corpus.slice(0, 8);
    await db.customers.bulkPut(
      atRisk.map((input) => ({
        email: `risk${input.n}@evil.example`,
        name: input.text,
        firstSeenAt: 0,
        lastSeenAt: 0,
        clv: 5_000 - input.n,
        tier: 'vip' as const,
        behaviour: { pAlive: 0.1, expectedPurchasesNextYear: 0.1, predictiveClv: 10, atRisk: true, at: 0 },
      })),
    );
    const reads = startPopupReads();
    onTestFinished(() => reads.stop());
    const { container } = render(<PopupApp reads={reads} />);
    const rows = await screen.findAllByTestId('at-risk-customer', {}, { timeout: 30_000 });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const input = atRisk.find((i) => row.getAttribute('data-email') === `risk${i.n}@evil.example`)!;
      expect(row.textContent!.startsWith(`${input.text} `), input.name).toBe(true);
    }
    // TrendChart and Heatmap draw their own SVG (with <title> tooltips).
    expect(activeContent(container, ['svg', 'title'])).toEqual([]);
  }, 60_000);
});

describe('the options page with hostile articles and gaps', () => {
  it('lists hostile articles as text and opens each in the editor as a value, not markup', async () => {
    const settings = settingsSchema.parse({});
    for (const input of corpus.slice(0, 40)) {
      cleanup();
      const { container } = render(<ArticlePreview body={input.text} lang="en" settings={settings} />);
      const preview = screen.getByTestId('article-preview');
      expect(activeContent(container), input.name).toEqual([]);
      // Either the text itself (a template without variables) or a message about its variables.
      expect(preview.textContent!.length).toBeGreaterThan(0);
    }
    cleanup();
    const { container } = render(<KbSection />);
    const rows = await screen.findAllByTestId('article-row');
    expect(rows.length).toBeGreaterThan(0);
    const row = rows.find((r) => r.getAttribute('data-article-id')?.startsWith('hostile-article-'))!;
    const input = corpus.find((c) => `hostile-article-${c.n}` === row.getAttribute('data-article-id'))!;
    expect(row.textContent).toContain(input.text.slice(0, 30));
    fireEvent.click(row);
    const form = await screen.findByTestId('article-form');
    expect((form.querySelector('input[name="title"]') as HTMLInputElement).value).toBe(input.text);
    expect((form.querySelector('textarea[name="body"]') as HTMLTextAreaElement).value).toBe(input.text);
    expect(activeContent(container)).toEqual([]);
  });

  it('shows hostile questions and replies in the KB gaps as text', async () => {
    // Conversations with no suggestion and a reply from us are gaps.
    const gapInputs = corpus.slice(40, 60);
    for (const input of gapInputs) {
      const conversation = await saveOpenedThread(threadOf(input), { tabId: 1, windowId: 1 }, (clock += 60_000));
      const result = await engine.triage(triageInputOf(threadOf(input)));
      await saveTriage(conversation.id, { ...result, suggestions: [], at: clock, engine: 'lexical' });
    }
    const { container } = render(<KbGaps refreshKey={0} onCreate={() => undefined} />);
    await waitFor(() => expect(screen.getAllByTestId('kb-gap').length).toBeGreaterThanOrEqual(gapInputs.length));
    const text = container.textContent!;
    for (const input of gapInputs) expect(text, input.name).toContain(input.text);
    expect(activeContent(container)).toEqual([]);
  });
});
