import { describe, expect, it } from 'vitest';
import { classifySender } from '../lib/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it.each([
    ['the side panel', { id: ID, url: `${OWN}sidepanel.html` }, 'extension-page'],
    ['the side panel opened as a tab', { id: ID, url: `${OWN}sidepanel.html`, tab: { id: 4 } }, 'extension-page'],
    ['an extension page reporting its origin', { id: ID, origin: `chrome-extension://${ID}` }, 'extension-page'],
    ['a content script on Gmail', { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } }, 'content-script'],
    ['a content script on Outlook', { id: ID, url: 'https://outlook.office.com/mail/', tab: { id: 3 } }, 'content-script'],
    ['a content script on outlook.live.com', { id: ID, url: 'https://outlook.live.com/mail/0/', tab: { id: 3 } }, 'content-script'],
    ['another extension', { id: 'other', url: `chrome-extension://other/x.html` }, 'unknown'],
    ['our id on a foreign site', { id: ID, url: 'https://evil.example/', tab: { id: 3 } }, 'unknown'],
    ['a look-alike host', { id: ID, url: 'https://mail.google.com.evil.example/', tab: { id: 3 } }, 'unknown'],
    ['a mail-site frame without a tab', { id: ID, url: 'https://mail.google.com/' }, 'unknown'],
    ['no url at all', { id: ID }, 'unknown'],
  ])('classifies %s', (_name, sender, kind) => {
    expect(classifySender(sender, ID, OWN)).toBe(kind);
  });
});
