import { afterEach, describe, expect, it } from 'vitest';
import { readGmailThread, readGmailUserEmails } from '../../lib/mail/gmail/parse';
import { loadFixture, type LoadedFixture } from './load-fixture';

let page: LoadedFixture | undefined;
afterEach(() => page?.close());

describe('Gmail parser details', () => {
  it('treats configured aliases as the user\'s own addresses', () => {
    page = loadFixture('gmail/full-thread-en.html');
    const thread = readGmailThread(page.document, { ownAddresses: ['Laura.Chen@example.com'] })!;
    expect(thread.userEmails).toEqual(['support@acme-shop.example', 'laura.chen@example.com']);
    expect(thread.messages.map((m) => m.fromMe)).toEqual([true, true, true]);
  });

  it('takes the account from the end of the title when the subject holds another address', () => {
    page = loadFixture('gmail/full-thread-en.html');
    page.document.title = 'Order for anna@example.com - support@acme-shop.example - Gmail';
    page.document.querySelector('#gb')!.remove();
    expect(readGmailUserEmails(page.document)).toEqual(['support@acme-shop.example']);
  });

  it('counts "N older messages" from the bar when the hidden messages are not in the DOM', () => {
    page = loadFixture('gmail/preview-pane-en.html');
    page.document.querySelectorAll('.a98.iY:not([style]) .kQ').forEach((el) => el.remove());
    const thread = readGmailThread(page.document)!;
    expect(thread.messages).toHaveLength(5);
    expect(thread.messages.map((m) => m.from.email)).toEqual(['tom.becker@example.org', '', '', 'support@acme-shop.example', 'tom.becker@example.org']);
  });

  it('falls back to the thread id in the hash when the subject carries no id', () => {
    page = loadFixture('gmail/full-thread-en.html');
    const h2 = page.document.querySelector('h2.hP')!;
    h2.removeAttribute('data-legacy-thread-id');
    h2.removeAttribute('data-thread-perm-id');
    expect(readGmailThread(page.document)!.threadId).toBe('FMfcgzQbfxYvKqLPtRWdkVXwSnMzJHcr');
  });

  it('reads emoji in the subject from data-emoji', () => {
    page = loadFixture('gmail/full-thread-en.html');
    const img = page.document.createElement('img');
    img.setAttribute('data-emoji', '📦');
    img.setAttribute('alt', '📦');
    page.document.querySelector('h2.hP')!.append(' ', img as unknown as Node);
    expect(readGmailThread(page.document)!.subject).toBe('Refund for order #10482 📦');
  });

  it('reads script-built legacy markup where <tr> sits directly in table.Bs', () => {
    page = loadFixture('gmail/legacy-table-bs.html');
    const doc = page.document;
    const table = doc.querySelector('table.Bs')!;
    const tr = table.querySelector('tr')!;
    table.querySelector('tbody')!.remove();
    table.appendChild(tr);
    expect(doc.querySelector('table.Bs > tr')).not.toBeNull();
    expect(readGmailThread(doc)!.messages).toHaveLength(2);
  });

  it('reads a message whose state class sits on the .adn element itself', () => {
    page = loadFixture('gmail/inline-reply-open.html');
    const doc = page.document;
    doc.querySelectorAll('.h7').forEach((wrapper) => {
      const adn = wrapper.querySelector('.adn')!;
      adn.classList.add('h7');
      wrapper.classList.remove('h7');
    });
    const thread = readGmailThread(doc)!;
    expect(thread.messages.map((m) => m.from.email)).toEqual(['ingrid.h@example.no', 'support@acme-shop.example']);
  });

  it('gives null on a list route before the app has rendered [role=main]', () => {
    page = loadFixture('gmail/unknown-layout.html');
    page.document.querySelector('[role=main]')!.removeAttribute('role');
    expect(readGmailThread(page.document)).toBeNull();
  });
});
