/**
 * The demo mailboxes run their real page scripts in happy-dom, and the production adapters read
 * them unchanged: same subject, customer, message count and insertion as on the real apps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoFileFor } from '../../demo/files';
import { customerEmail } from '../../lib/mail/customer';
import { gmailSite } from '../../lib/mail/gmail/gmail';
import type { MailThread } from '../../lib/mail/mail-site';
import { outlookSite } from '../../lib/mail/outlook/outlook';
import { siteForUrl } from '../../lib/mail/sites';

const ROOT = join(__dirname, '..', '..');
const conversationsJson = readFileSync(join(ROOT, 'demo/conversations.json'), 'utf8');
const demo = JSON.parse(conversationsJson) as { conversations: { id: string; legacyId: string; subject: string; messages: unknown[] }[] };

let win: Window | undefined;
afterEach(() => void win?.happyDOM.close());

/** Loads a demo page at `url` with its app.js evaluated and fetch answered from demo/ (no network). */
async function openDemo(url: string): Promise<Document> {
  win = new Window({ url, settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const fetchDemo = async (input: string) => {
    const file = demoFileFor(new URL(input, url).href);
    if (!file) throw new Error(`no demo file for ${input}`);
    return new win!.Response(readFileSync(join(ROOT, file.path), 'utf8'), { headers: { 'content-type': file.contentType } });
  };
  Object.assign(win, { fetch: fetchDemo });
  const page = demoFileFor(url)!;
  const html = readFileSync(join(ROOT, page.path), 'utf8').replace(/<script src=[^>]*><\/script>/, '');
  win.document.write(html);
  win.eval(readFileSync(join(ROOT, page.path.replace('index.html', 'app.js')), 'utf8'));
  const doc = win.document as unknown as Document;
  await vi.waitFor(() => expect(doc.getElementById('loading')).toBeNull());
  return doc;
}

function read(doc: Document): MailThread {
  const site = siteForUrl(new URL(doc.URL))!;
  return site.readThread(doc)!;
}

describe('demo files', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/', 'demo/gmail/index.html'],
    ['https://mail.google.com/mail/u/0/?layout=split#inbox', 'demo/gmail/index.html'],
    ['https://mail.google.com/mail/u/0/app.js', 'demo/gmail/app.js'],
    ['https://mail.google.com/mail/u/0/demo.css', 'demo/gmail/demo.css'],
    ['https://mail.google.com/mail/u/0/conversations.json', 'demo/conversations.json'],
    ['https://outlook.office.com/mail/', 'demo/outlook/index.html'],
    ['https://outlook.office.com/mail/inbox/id/AAQkADemo19b0a1c2d3e4f501%3D', 'demo/outlook/index.html'],
    ['https://outlook.office.com/mail/app.js', 'demo/outlook/app.js'],
    ['https://outlook.office.com/mail/conversations.json', 'demo/conversations.json'],
  ])('%s is served from %s', (url, path) => {
    expect(demoFileFor(url)?.path).toBe(path);
  });

  it.each(['https://mail.google.com/favicon.ico', 'https://mail.google.com/mail/u/0/favicon.ico', 'https://www.google.com/', 'https://fonts.googleapis.com/css'])(
    '%s is not a demo file',
    (url) => {
      expect(demoFileFor(url)).toBeUndefined();
    },
  );

  it('holds 6–8 conversations with unique ids, zh, en and de among them', () => {
    expect(demo.conversations.length).toBeGreaterThanOrEqual(6);
    expect(demo.conversations.length).toBeLessThanOrEqual(8);
    expect(new Set(demo.conversations.map((c) => c.id)).size).toBe(demo.conversations.length);
    const subjects = demo.conversations.map((c) => c.subject).join(' ');
    expect(subjects).toMatch(/[\u4e00-\u9fff]/);
    expect(subjects).toMatch(/Österreich|Anfrage/);
  });
});

describe('Gmail demo mailbox', () => {
  it('shows the inbox rows with a Gmail-style title and no open conversation', async () => {
    const doc = await openDemo('https://mail.google.com/mail/u/0/#inbox');
    expect(doc.title).toMatch(/^Inbox \(\d+\) - me@solodesk-demo\.com - Gmail$/);
    expect(gmailSite.readInboxRows!(doc)).toHaveLength(demo.conversations.length);
    expect(gmailSite.readThread(doc)).toBeNull();
  });

  it.each(demo.conversations.map((c) => [c.id, c.subject, c.messages.length] as const))(
    'full-page thread %s reads with its subject and every message',
    async (id, subject, count) => {
      const doc = await openDemo(`https://mail.google.com/mail/u/0/?shift=0#inbox/${id}`);
      const thread = read(doc);
      expect(thread.subject).toBe(subject);
      expect(thread.messages).toHaveLength(count);
      expect(thread.userEmails).toEqual(['me@solodesk-demo.com']);
      expect(customerEmail(thread)).toBeTruthy();
      expect(thread.messages[thread.messages.length - 1].body.length).toBeGreaterThan(10);
    },
  );

  it('reads the angry VIP refund with our reply marked and quotes/signature kept out', async () => {
    const doc = await openDemo('https://mail.google.com/mail/u/0/?shift=0#inbox/FMfcgzQdemoVipRefundVictoriaHale01');
    const thread = read(doc);
    expect(customerEmail(thread)).toBe('victoria.hale@halecatering.example');
    expect(thread.messages.map((m) => m.fromMe)).toEqual([false, true, false]);
    expect(thread.messages.map((m) => m.headerOnly)).toEqual([true, true, false]);
    expect(thread.messages[2].date).toBe(new Date(2026, 10, 25, 8, 2).toISOString());
    expect(thread.messages[2].body).not.toMatch(/Purchasing|wrote:|sending the pots back/);
  });

  it('opens Reply (closed at first) and inserts, in the preview-pane layout', async () => {
    const doc = await openDemo('https://mail.google.com/mail/u/0/?layout=split#inbox');
    expect(gmailSite.readThread(doc)).toBeNull();
    (doc.querySelector('tr.zA') as HTMLElement).click();
    const thread = read(doc);
    expect(thread.url).toMatch(/#inbox$/);
    expect(thread.subject).toBe(demo.conversations[0].subject);
    expect(doc.querySelector('[g_editable]')).toBeNull();
    const result = await gmailSite.insertReply(doc, 'Your refund was issued today.');
    expect(result).toEqual({ ok: true, openedReply: true });
    expect(doc.querySelector('.ip.adB .M9 .Ap [g_editable="true"]')!.textContent).toContain('Your refund was issued today.');
  });

  it('starts with the reply box open with ?reply=open', async () => {
    const doc = await openDemo(`https://mail.google.com/mail/u/0/?reply=open#inbox/${demo.conversations[1].id}`);
    expect(doc.querySelector('.ip.adB [g_editable="true"][role="textbox"][aria-multiline="true"]')).not.toBeNull();
    expect(await gmailSite.insertReply(doc, 'x')).toEqual({ ok: true, openedReply: false });
  });
});

describe('Outlook demo mailbox', () => {
  it('shows the empty reading pane on /mail/inbox', async () => {
    const doc = await openDemo('https://outlook.office.com/mail/inbox');
    expect(outlookSite.readThread(doc)).toBeNull();
  });

  it('reads a conversation newest-on-top into chronological order and inserts after opening Reply', async () => {
    const c = demo.conversations[0];
    const doc = await openDemo(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(`AAQkADemo${c.legacyId}=`)}?shift=0`);
    const thread = read(doc);
    expect(thread.site).toBe('outlook');
    expect(thread.threadId).toBe(`AAQkADemo${c.legacyId}=`);
    expect(thread.subject).toBe(c.subject);
    expect(thread.messages.map((m) => m.fromMe)).toEqual([false, true, false]);
    expect(thread.messages.map((m) => m.headerOnly)).toEqual([true, true, false]);
    expect(thread.userEmails).toEqual(['me@solodesk-demo.com']);
    expect(thread.messages[2].body).not.toMatch(/Purchasing|Sent:|sending the pots back/);
    const result = await outlookSite.insertReply(doc, 'Refund issued.');
    expect(result).toEqual({ ok: true, openedReply: true });
    expect(doc.querySelector('[id^="docking_InitVisiblePart_"] [aria-multiline="true"]')!.textContent).toContain('Refund issued.');
  });
});
