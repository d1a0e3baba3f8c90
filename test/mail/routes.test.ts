import { describe, expect, it } from 'vitest';
import { gmailThreadIdFromUrl, isGmailConversationRoute, isGmailHost } from '../../lib/mail/gmail/routes';
import { isOutlookConversationRoute, isOutlookHost, outlookItemIdFromUrl } from '../../lib/mail/outlook/routes';
import { siteForUrl } from '../../lib/mail/sites';

describe('Gmail routes', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxYvKqLPtRWdkVXwSnMzJHcr', 'FMfcgzQbfxYvKqLPtRWdkVXwSnMzJHcr'],
    ['https://mail.google.com/mail/u/1/#inbox/FMfcgzQbgJkWqTnHLmPzXcVbRsDfGhKt', 'FMfcgzQbgJkWqTnHLmPzXcVbRsDfGhKt'],
    ['https://mail.google.com/mail/u/0/#label/Kunden/FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR', 'FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR'],
    ['https://mail.google.com/mail/u/0/#label/Customers%2FVIP/FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR', 'FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR'],
    ['https://mail.google.com/mail/u/0/#search/refund+policy/FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR', 'FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR'],
    ['https://mail.google.com/mail/u/0/#sent/KtbxLwgZZxnqCkKqGTTmPkcLpWDhhSxdZB', 'KtbxLwgZZxnqCkKqGTTmPkcLpWDhhSxdZB'],
    ['https://mail.google.com/mail/u/0/#category/updates/FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR', 'FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR'],
    ['https://mail.google.com/mail/u/0/#inbox/14a5f1c6f7aeeebc', '14a5f1c6f7aeeebc'],
    ['https://mail.google.com/mail/#inbox/14a5f1c6f7aeeebc', '14a5f1c6f7aeeebc'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxYvKqLPtRWdkVXwSnMzJHcr?compose=new', 'FMfcgzQbfxYvKqLPtRWdkVXwSnMzJHcr'],
    ['https://mail.google.com/mail/u/0/?layout=split#inbox/FMfcgzQbfxYvKqLPtRWdkVXwSnMzJHcr', 'FMfcgzQbfxYvKqLPtRWdkVXwSnMzJHcr'],
  ])('reads a conversation route: %s', (url, id) => {
    expect(gmailThreadIdFromUrl(new URL(url))).toBe(id);
    expect(isGmailConversationRoute(new URL(url))).toBe(true);
  });

  it.each([
    'https://mail.google.com/mail/u/0/',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/p2',
    'https://mail.google.com/mail/u/0/#label/Customers',
    'https://mail.google.com/mail/u/0/#search/refund',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/mail/u/0/#settings/filters/FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR',
    'https://mail.google.com/mail/u/0/#inbox?compose=new',
    'https://mail.google.com/mail/u/0/#inbox?compose=CllgCJlKkxsWqNfZdBqxtRzqWQbRjvH',
    'https://mail.google.com/mail/u/0/#FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR',
    'https://mail.google.com/chat/u/0/#chat/space/FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR',
    'https://calendar.google.com/calendar/u/0/#inbox/FMfcgzQbgKwXyZaBcDeFgHiJkLmNoPqR',
  ])('is not a conversation route: %s', (url) => {
    expect(gmailThreadIdFromUrl(new URL(url))).toBeUndefined();
  });

  it.each([
    ['https://mail.google.com/mail/u/0/', true],
    ['https://mail.google.com/mail/', true],
    ['https://mail.google.com/chat/u/0/', false],
    ['https://mail.google.com.evil.example/mail/', false],
    ['https://outlook.office.com/mail/', false],
  ])('%s is Gmail: %s', (url, yes) => {
    expect(isGmailHost(new URL(url))).toBe(yes);
  });
});

describe('Outlook routes', () => {
  it.each([
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2ZTQ0YjYwLWNkNWQtNDYwMC1hYTcxLTJkZWMxMDAwMWFjMgAQAKq%2FB1Xz4k9Gm8c6Q%3D', 'AAQkAGI2ZTQ0YjYwLWNkNWQtNDYwMC1hYTcxLTJkZWMxMDAwMWFjMgAQAKq/B1Xz4k9Gm8c6Q='],
    ['https://outlook.office365.com/mail/inbox/id/AAMkADk0ZjFm%3D', 'AAMkADk0ZjFm='],
    ['https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWE0ZTItMDACLTAwCgAQAFk%3D', 'AQQkADAwATM0MDAAMS1iNTcwLWE0ZTItMDACLTAwCgAQAFk='],
    ['https://outlook.office.com/mail/AAMkAGFolderId%3D/id/AAQkItem%3D', 'AAQkItem='],
    ['https://outlook.office.com/mail/sentitems/id/AAQkSent%3D/', 'AAQkSent='],
    ['https://outlook.office.com/mail/deeplink/read/AAMkRead%3D', 'AAMkRead='],
    ['https://outlook.office.com/mail/0/deeplink/read/AAMkRead%3D', 'AAMkRead='],
    ['https://outlook.office365.com/owa/?ItemID=AAMkLegacy%3D&exvsurl=1&viewmodel=ReadMessageItem', 'AAMkLegacy='],
    ['https://outlook.cloud.microsoft/mail/inbox/id/AAQkCloud%3D', 'AAQkCloud='],
  ])('reads a reading route: %s', (url, id) => {
    expect(outlookItemIdFromUrl(new URL(url))).toBe(id);
    expect(isOutlookConversationRoute(new URL(url))).toBe(true);
  });

  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.live.com/mail/0/',
    'https://outlook.live.com/mail/0/inbox',
    'https://outlook.office.com/mail/inbox/id/',
    'https://outlook.office.com/mail/deeplink/compose',
    'https://outlook.office.com/mail/options/mail/layout',
    'https://outlook.office.com/calendar/view/month',
    'https://outlook.office.com/calendar/item/id/AAMkEvent%3D',
    'https://outlook.office365.com/owa/',
    'https://example.com/mail/inbox/id/AAQk%3D',
  ])('is not a reading route: %s', (url) => {
    expect(outlookItemIdFromUrl(new URL(url))).toBeUndefined();
  });

  it.each([
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office365.com/mail/', true],
    ['https://outlook.live.com/mail/0/', true],
    ['https://outlook.com/', false],
    ['https://mail.google.com/mail/u/0/', false],
  ])('%s is Outlook: %s', (url, yes) => {
    expect(isOutlookHost(new URL(url))).toBe(yes);
  });
});

describe('siteForUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/inbox', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://example.com/', undefined],
    ['https://docs.google.com/document/d/1', undefined],
  ])('picks the site for %s', (url, id) => {
    expect(siteForUrl(new URL(url))?.id).toBe(id);
  });
});
