/**
 * The one contract suite: every conversation fixture, Gmail or Outlook, is read through the
 * site `siteForUrl` picks for its URL, and must give the same kind of answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { customerEmail } from '../../lib/mail/customer';
import { partsToIso } from '../../lib/mail/dates';
import { LayoutError, type MailThread } from '../../lib/mail/mail-site';
import { siteForUrl } from '../../lib/mail/sites';
import { conversations, misses } from './fixture-expectations';
import { loadFixture, type LoadedFixture } from './load-fixture';

let open: LoadedFixture | undefined;
afterEach(() => open?.close());

function read(fixture: string): { thread: MailThread | null; siteId: string | undefined } {
  open = loadFixture(fixture);
  const site = siteForUrl(new URL(open.url));
  return { thread: site ? site.readThread(open.document) : null, siteId: site?.id };
}

describe.each(conversations)('$fixture', (expected) => {
  it('is handled by the right site and gives subject, thread id and the user\'s addresses', () => {
    const { thread, siteId } = read(expected.fixture);
    expect(siteId).toBe(expected.site);
    expect(thread?.site).toBe(expected.site);
    expect(thread?.subject).toBe(expected.subject);
    expect(thread?.threadId).toBe(expected.threadId);
    expect(thread?.userEmails).toEqual(expected.userEmails);
    expect(thread?.url).toBe(open?.url);
  });

  it('counts every message, collapsed and hidden ones included, oldest first', () => {
    const { thread } = read(expected.fixture);
    expect(thread?.messages).toHaveLength(expected.messageCount);
    expect(thread?.messages.map((m) => m.headerOnly)).toEqual(expected.headerOnly);
  });

  it('finds the customer and marks the messages the user sent', () => {
    const { thread } = read(expected.fixture);
    expect(customerEmail(thread!)).toBe(expected.customer);
    expect(thread?.messages.map((m) => m.fromMe)).toEqual(expected.fromMe);
  });

  it('turns the localized dates into ISO 8601', () => {
    const { thread } = read(expected.fixture);
    const want = expected.dates.map((w) => (w ? partsToIso({ year: w[0], month: w[1], day: w[2], hour: w[3], minute: w[4] }) : undefined));
    expect(thread?.messages.map((m) => m.date)).toEqual(want);
  });

  it('keeps quoted history and signatures out of the bodies', () => {
    const { thread } = read(expected.fixture);
    expect(thread?.messages.map((m) => m.body)).toEqual(expected.bodies);
    const all = thread!.messages.map((m) => m.body).join('\n');
    for (const text of expected.absent) expect(all).not.toContain(text);
  });
});

describe.each(misses)('$fixture', (expected) => {
  it('reports a selector miss with censored structure instead of a wrong thread', () => {
    open = loadFixture(expected.fixture);
    const site = siteForUrl(new URL(open.url))!;
    expect(site.id).toBe(expected.site);
    let error: unknown;
    try {
      site.readThread(open.document);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LayoutError);
    const miss = (error as LayoutError).miss;
    expect(miss.site).toBe(expected.site);
    expect(miss.selector).toContain(expected.selectorIncludes);
    // Structure only: no mail text survives censoring.
    const bodyText = open.document.body.textContent ?? '';
    const words = bodyText.split(/\s+/).filter((w) => w.length > 3);
    for (const word of words) expect(miss.structure).not.toContain(word);
  });
});

describe('pages without a conversation', () => {
  it.each([
    ['gmail/gmail-2014-12-18-thread-list.html', 'https://mail.google.com/mail/u/0/#inbox'],
  ])('%s reads as no conversation', (fixture, url) => {
    open = loadFixture(fixture, url);
    expect(siteForUrl(new URL(url))!.readThread(open.document)).toBeNull();
  });
});
