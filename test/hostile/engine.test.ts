/**
 * Hostile mail below the UI: the detector itself, template filling, the mail adapters reading a
 * hostile page, and the engine and reply helpers on a 5 MB body and a 500-message thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TRIAGE_CHARS, triageInputOf } from '@/lib/conversation/thread';
import { fillTemplate } from '@/lib/kb/template';
import { buildTemplateContext } from '@/lib/kb/variables';
import type { MailMessage, MailThread } from '@/lib/mail/mail-site';
import { siteForUrl } from '@/lib/mail/sites';
import { elementText } from '@/lib/mail/text';
import { fillReply } from '@/lib/reply/tidy';
import { escalationSummary } from '@/lib/reply/escalation';
import { createStarterEngine } from '@/lib/triage/engine';
import { fitThreadPayload, threadSchema } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { hostileCorpus, hugeBody, longThread, pwnedMarkers } from './corpus';
import { activeContent } from './inert';
import { loadFixture, type LoadedFixture } from '../mail/load-fixture';

const corpus = hostileCorpus();

describe('the detector', () => {
  it('flags the elements, handlers and URLs a deliberately unsafe sink makes from the corpus', () => {
    const flagged = corpus.filter((input) => {
      const sink = document.createElement('div');
      sink.innerHTML = input.text; // the unsafe sink under test, never done by the product
      return activeContent(sink).length > 0;
    });
    // Every markup kind is caught through an unsafe sink; text-only vectors (template, bidi) need not be.
    for (const kind of ['html-script', 'url-scheme', 'exfiltration'] as const) {
      const ofKind = corpus.filter((c) => c.kind === kind && c.text.includes('<'));
      expect(flagged.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(ofKind.length * 0.8);
    }
  });

  it('passes the same text rendered as a text node', () => {
    for (const input of corpus) {
      const safe = document.createElement('div');
      safe.textContent = input.text;
      expect(activeContent(safe), input.name).toEqual([]);
      expect(safe.textContent).toBe(input.text);
    }
  });

  it('sees a marker left on window', () => {
    const win = { __pwned_7: 1, other: 2 };
    expect(pwnedMarkers(win)).toEqual(['__pwned_7']);
  });
});

describe('the product code', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

  it('has no HTML or code sink that mail or article text could reach', () => {
    const sinks = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|new Function\s*\(|\beval\s*\(|createContextualFragment|srcdoc/;
    const found = ['lib', 'components', 'entrypoints'].flatMap(files).filter((file) => sinks.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('templates filled with hostile values', () => {
  const thread = (input: (typeof corpus)[number]): Pick<MailThread, 'subject' | 'messages'> => ({
    subject: input.text,
    messages: [{ from: { name: `Ann ${input.text}`, email: 'ann@example.com' }, body: input.text, fromMe: false, headerOnly: false }],
  });

  it.each(corpus.filter((c) => c.kind === 'template'))('fills $name as text and evaluates nothing', (input) => {
    const context = buildTemplateContext({ thread: thread(input), settings: { agentName: input.text, companyName: 'Shop' } });
    const filled = fillReply('Hi {{customer.name | "there"}}, {{agent.name}} here.', context);
    expect(filled.ok).toBe(true);
    if (filled.ok) expect(filled.text).toContain(input.text.split('\n')[0].trimEnd());
    expect(pwnedMarkers(globalThis)).toEqual([]);
  });

  it.each(corpus.filter((c) => c.kind === 'template'))('treats $name as an article body without running it', (input) => {
    const filled = fillTemplate(input.text, buildTemplateContext({ thread: thread(input) }));
    // Either plain text, a missing variable, or a syntax error: never a value from the prototype.
    if (filled.ok) expect(filled.text).not.toMatch(/function|\[object Object\]|native code/);
    else expect(filled.missing.join() + (filled.error?.message ?? '')).not.toMatch(/native code/);
    expect(pwnedMarkers(globalThis)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps $-patterns in i18n substitutions literal', () => {
    expect(t('kbDeleted', "$& $1 $` $' $$")).toContain("$& $1 $` $' $$");
  });
});

describe('mail adapters on a hostile page', () => {
  let page: LoadedFixture | undefined;
  afterEach(() => page?.close());

  const sites = [
    { fixture: 'gmail/full-thread-en.html', subject: 'h2.hP', body: '.h7 .a3s' },
    { fixture: 'outlook/reading-pane-en.html', subject: '[role="heading"]', body: '[id^="UniqueMessageBody"]' },
  ];

  it.each(sites)('$fixture: reads hostile subjects and bodies as the text they are', ({ fixture, subject, body }) => {
    page = loadFixture(fixture);
    const site = siteForUrl(new URL(page.url))!;
    // Whitespace (JS \s, which includes U+FEFF and U+2028) is squeezed, as a page shows it.
    const squeezed = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const input of corpus) {
      page.document.querySelector(subject)!.textContent = input.text;
      const bodies = page.document.querySelectorAll(body);
      const last = bodies[bodies.length - 1];
      last.textContent = input.text;
      const thread = site.readThread(page.document)!;
      expect(squeezed(thread.subject), input.name).toBe(squeezed(input.text));
      expect(thread.messages.map((m) => squeezed(m.body)), input.name).toContain(squeezed(input.text));
    }
  });

  it.each(sites)('$fixture: keeps the text of hostile markup in a body and none of its attributes', ({ fixture, body }) => {
    page = loadFixture(fixture);
    const site = siteForUrl(new URL(page.url))!;
    for (const input of corpus.filter((c) => c.kind === 'html-script' || c.kind === 'url-scheme' || c.kind === 'exfiltration')) {
      const bodies = page.document.querySelectorAll(body);
      const last = bodies[bodies.length - 1];
      // As a mail app would show it: parsed markup (inert here: scripts off in the fixture window).
      last.innerHTML = `<div>Visible ${input.n}</div>${input.text}`;
      const thread = site.readThread(page.document)!;
      const text = thread.messages.map((m) => m.body).join('\n');
      expect(text, input.name).toContain(`Visible ${input.n}`);
      expect(text, input.name).not.toMatch(/onerror=|onload=|<script/);
    }
  });
});

describe('size attacks', () => {
  const message = (body: string, fromMe = false): MailMessage => ({ from: { name: 'X', email: fromMe ? 'me@shop.example' : 'x@evil.example' }, body, fromMe, headerOnly: false });

  it('reads a 5 MB body of 50,000 short lines from the page whole', () => {
    const body = hugeBody(5_000_000);
    const root = document.createElement('div');
    for (const line of body.split('\n')) {
      const div = document.createElement('div');
      div.textContent = line;
      root.append(div);
    }
    const text = elementText(root);
    expect(text.length).toBeGreaterThan(4_900_000);
    expect(text.split('\n')).toHaveLength(body.split('\n').length);
  });

  it('triages a 5 MB body from its first characters and says it was cut', async () => {
    const body = hugeBody(5_000_000);
    const input = triageInputOf({ subject: 'Refund now', messages: [message(body)] });
    expect(input.truncated).toBe(true);
    expect(input.body).toHaveLength(MAX_TRIAGE_CHARS);
    const engine = await createStarterEngine();
    const result = await engine.triage(input);
    expect(['P1', 'P2', 'P3', 'P4']).toContain(result.priority);
  });

  it('triages a 500-message hostile thread from the unanswered messages only', async () => {
    const messages = longThread(500).map((m) => message(m.body, m.fromMe));
    messages.push(message('Where is my refund?'));
    const input = triageInputOf({ subject: corpus[0].text, messages });
    expect(input.previousMessages).toBe(0);
    expect(input.body).toBe('Where is my refund?');
    const result = await (await createStarterEngine()).triage(input);
    expect(result.category).toBe('refund');
    // The reply context and escalation summary read the same thread without trouble.
    const context = buildTemplateContext({ thread: { subject: corpus[0].text, messages } });
    expect(fillReply('Hi {{customer.firstName | "there"}}', context).ok).toBe(true);
  });

  it('cuts a thread with a huge sender name, subject and 2,001 messages to what the background accepts', () => {
    const long = 'W'.repeat(20_000);
    const thread: MailThread = {
      site: 'gmail',
      threadId: 't1',
      subject: long,
      messages: Array.from({ length: 2_001 }, (_, i) => ({ ...message(`Message ${i}`), from: { name: long, email: 'x@evil.example' } })),
      userEmails: ['me@shop.example'],
      url: 'https://mail.google.com/mail/u/0/#inbox/t1',
    };
    expect(threadSchema.safeParse(thread).success).toBe(false);
    const fitted = threadSchema.parse(fitThreadPayload(thread));
    expect(fitted.subject).toBe(long.slice(0, 5_000));
    expect(fitted.messages).toHaveLength(2_000);
    expect(fitted.messages.at(-1)!.body).toBe('Message 2000');
    expect(fitted.messages[0].from.name).toHaveLength(500);
  });

  it('keeps the escalation summary short for a 5 MB message', () => {
    const body = hugeBody(5_000_000);
    const summary = escalationSummary(
      { id: 'c', site: 'gmail', threadId: 't', subject: corpus[1].text, customerEmail: 'x@evil.example', customerName: corpus[2].text, messageCount: 1, url: '', state: 'open', createdAt: 0, updatedAt: 0, lastMessageAt: 0 },
      [{ id: 'c#0', conversationId: 'c', index: 0, fromName: 'X', fromEmail: 'x@evil.example', body, fromMe: false, headerOnly: false }],
    );
    expect(summary.length).toBeLessThan(20_000);
    expect(summary).toContain(corpus[1].text);
  });
});
