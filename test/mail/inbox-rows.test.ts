import { afterEach, describe, expect, it } from 'vitest';
import { readInboxRows } from '../../lib/mail/gmail/parse';
import { gmailSite } from '../../lib/mail/gmail/gmail';
import { partsToIso } from '../../lib/mail/dates';
import { loadFixture, type LoadedFixture } from './load-fixture';

let page: LoadedFixture | undefined;
afterEach(() => page?.close());

describe('readInboxRows on the real 2014 Gmail thread list (InboxSDK fixture)', () => {
  it('reads all 16 rows with sender, subject without snippet, date and unread state', () => {
    page = loadFixture('gmail/gmail-2014-12-18-thread-list.html', 'https://mail.google.com/mail/u/0/#inbox');
    const rows = readInboxRows(page.document);
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.unread)).toHaveLength(13);
    expect(rows[0]).toMatchObject({ from: { name: 'me', email: 'streak.web.test.1@gmail.com' }, subject: 'aaa', unread: true });
    expect(rows[0].date).toBe(partsToIso({ year: 2014, month: 12, day: 18, hour: 12, minute: 35 }));
    expect(rows[2]).toMatchObject({ from: { name: 'Team Twilio', email: 'news@twilio.com' }, subject: 'Twilio is Now Available in Germany, Mexico and 7 Other Countries' });
    expect(rows[13]).toMatchObject({ from: { email: 'notifications@mailfoogae.appspotmail.com' }, unread: false });
    expect(rows[0].element.matches('tr.zA')).toBe(true);
  });

  it('gives each row its distinct participants once', () => {
    page = loadFixture('gmail/gmail-2014-12-18-thread-list.html', 'https://mail.google.com/mail/u/0/#inbox');
    for (const row of readInboxRows(page.document)) {
      const emails = row.participants.map((p) => p.email);
      expect(new Set(emails).size).toBe(emails.length);
    }
  });
});

describe('readInboxRows on current markup (2018+ .bog, data-legacy-thread-id)', () => {
  it('reads thread ids and the read/unread state of the split-pane list', () => {
    page = loadFixture('gmail/preview-pane-en.html');
    const rows = gmailSite.readInboxRows!(page.document);
    expect(rows.map((r) => [r.threadId, r.subject, r.from.email, r.unread])).toEqual([
      ['19ade0a1b2c3d4e5', 'Parcel still not here - need it by Friday', 'tom.becker@example.org', true],
      ['19add0000000a001', 'Question about bulk pricing', 'nadia@example.net', false],
    ]);
    expect(rows[1].date).toBe(partsToIso({ year: 2026, month: 11, day: 24, hour: 11, minute: 20 }));
  });

  it('finds no rows on a full-page thread', () => {
    page = loadFixture('gmail/full-thread-en.html');
    expect(readInboxRows(page.document)).toEqual([]);
  });
});
