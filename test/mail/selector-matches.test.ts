/**
 * Each selector's expected number of matches in each fixture (STYLE.md habit 3). Selectors not
 * listed for a fixture must match nothing there. Array selectors (generations, tried in order)
 * are checked per variant as `name[i]`. When a selector or fixture changes, update this table on
 * purpose: a changed count is a changed understanding of the page.
 */
import { describe, expect, it } from 'vitest';
import { gmailSelectors } from '../../lib/mail/gmail/selectors';
import { outlookSelectors } from '../../lib/mail/outlook/selectors';
import { loadFixture } from './load-fixture';

type SelectorTable = Record<string, string | readonly string[]>;

function flatten(selectors: SelectorTable): [string, string][] {
  return Object.entries(selectors).flatMap(([name, value]) =>
    typeof value === 'string' ? [[name, value] as [string, string]] : value.map((v, i) => [`${name}[${i}]`, v] as [string, string]),
  );
}

/* prettier-ignore */
export const expectedMatches: Record<string, Record<string, number>> = {
  'gmail/full-thread-en.html': { 'bottomForward': 1, 'main': 1, 'threadContainer[0]': 1, 'subject': 1, 'legacyThreadId': 1, 'permThreadId': 1, 'message': 3, 'expanded': 1, 'messageId': 3, 'sender[0]': 1, 'sender[1]': 3, 'sender[2]': 3, 'sender[3]': 2, 'sender[4]': 4, 'recipients': 2, 'date[0]': 3, 'date[1]': 3, 'date[2]': 3, 'body[0]': 1, 'body[1]': 1, 'body[2]': 1, 'bodySkip': 6, 'bottomReplyBar': 1, 'bottomReply': 3, 'bottomReplyLegacy': 1, 'headerReply': 1, 'accountChooser': 1, 'rowSender': 4, 'rowThreadId': 1 },
  'gmail/preview-pane-en.html': { 'bottomForward': 1, 'main': 1, 'threadContainer[0]': 2, 'previewPane': 2, 'subject': 2, 'legacyThreadId': 4, 'permThreadId': 1, 'message': 6, 'expanded': 2, 'hidden': 2, 'olderMessagesCount': 1, 'messageId': 3, 'sender[0]': 4, 'sender[1]': 1, 'sender[2]': 4, 'sender[3]': 2, 'sender[4]': 7, 'recipients': 2, 'date[0]': 3, 'date[1]': 3, 'date[2]': 1, 'body[0]': 2, 'body[1]': 2, 'body[2]': 2, 'bodySkip': 3, 'bottomReplyBar': 1, 'bottomReply': 3, 'bottomReplyLegacy': 1, 'headerReply': 1, 'row': 2, 'rowUnread': 1, 'rowSender': 7, 'rowSubject[0]': 2, 'rowSubject[2]': 2, 'rowSubject[3]': 2, 'rowDate': 2, 'rowThreadId': 4 },
  'gmail/thread-zh.html': { 'bottomForward': 1, 'main': 1, 'threadContainer[0]': 1, 'subject': 1, 'legacyThreadId': 1, 'permThreadId': 1, 'message': 3, 'expanded': 3, 'messageId': 3, 'sender[0]': 3, 'sender[1]': 3, 'sender[2]': 3, 'sender[4]': 4, 'recipients': 2, 'date[0]': 3, 'date[1]': 3, 'date[2]': 3, 'body[0]': 3, 'body[1]': 3, 'body[2]': 3, 'bodySkip': 4, 'bottomReplyBar': 1, 'bottomReply': 3, 'bottomReplyLegacy': 1, 'accountChooser': 1, 'rowSender': 4, 'rowThreadId': 1 },
  'gmail/thread-de.html': { 'bottomForward': 1, 'main': 1, 'threadContainer[0]': 1, 'subject': 1, 'legacyThreadId': 1, 'permThreadId': 1, 'message': 2, 'expanded': 1, 'messageId': 1, 'sender[0]': 2, 'sender[1]': 1, 'sender[2]': 2, 'sender[4]': 2, 'date[0]': 2, 'date[1]': 2, 'date[2]': 1, 'body[0]': 1, 'body[1]': 1, 'body[2]': 1, 'bottomReplyBar': 1, 'bottomReply': 3, 'bottomReplyLegacy': 1, 'accountChooser': 1, 'rowSender': 2, 'rowThreadId': 1 },
  'gmail/inline-reply-open.html': { 'composeTo': 1, 'main': 1, 'threadContainer[0]': 1, 'subject': 1, 'legacyThreadId': 1, 'permThreadId': 1, 'message': 2, 'expanded': 2, 'messageId': 2, 'sender[0]': 2, 'sender[1]': 2, 'sender[2]': 2, 'sender[4]': 3, 'date[0]': 2, 'date[1]': 2, 'date[2]': 2, 'body[0]': 2, 'body[1]': 2, 'body[2]': 2, 'inlineReplyOpen': 1, 'composeBody[0]': 1, 'composeBody[1]': 1, 'composeBody[2]': 1, 'composeBody[3]': 1, 'fromAliases': 2, 'rowSender': 3, 'rowThreadId': 1 },
  'gmail/legacy-table-bs.html': { 'main': 1, 'threadContainer[1]': 1, 'subject': 1, 'message': 2, 'expanded': 2, 'messageId': 2, 'sender[0]': 2, 'sender[1]': 2, 'sender[2]': 2, 'sender[4]': 2, 'date[0]': 2, 'date[1]': 2, 'date[2]': 2, 'body[0]': 2, 'body[1]': 2, 'body[2]': 2, 'body[3]': 2, 'bodySkip': 3, 'headerReply': 1, 'rowSender': 2 },
  'gmail/unknown-layout.html': { 'main': 1 },
  'gmail/malformed-message.html': { 'main': 1, 'threadContainer[0]': 1, 'subject': 1, 'legacyThreadId': 1, 'message': 1, 'expanded': 1, 'rowThreadId': 1 },
  'gmail/gmail-2014-12-18-thread-list.html': { 'main': 1, 'sender[3]': 31, 'sender[4]': 31, 'row': 16, 'rowUnread': 13, 'rowSender': 31, 'rowSubject[1]': 15, 'rowSubject[2]': 16, 'rowSubject[3]': 16, 'rowDate': 16 },
  'outlook/reading-pane-en.html': { 'forwardIcon': 1, 'app': 2, 'readingPane': 1, 'conversation[0]': 1, 'conversation[2]': 1, 'subjectScope': 3, 'subject': 1, 'messageItem': 3, 'messageItemByLabel': 2, 'date': 3, 'senderLabel': 2, 'senderTitle': 5, 'recipients': 1, 'body[0]': 2, 'body[1]': 2, 'bodyCutAt': 2, 'bodySkip': 1, 'replyIcon': 2, 'replyButtonByLabel': 2, 'selectedConversation': 1, 'anySelectedConversation': 1, 'mailboxRoot': 1, 'accountManager': 1 },
  'outlook/reading-pane-de.html': { 'app': 2, 'readingPane': 1, 'conversation[0]': 1, 'conversation[2]': 1, 'subjectScope': 3, 'subject': 1, 'messageItem': 2, 'messageItemByLabel': 2, 'date': 2, 'senderLabel': 1, 'senderTitle': 2, 'body[0]': 2, 'body[1]': 2, 'bodyCutAt': 2, 'replyIcon': 2, 'replyButtonByLabel': 2, 'selectedConversation': 1, 'anySelectedConversation': 1, 'mailboxRoot': 1 },
  'outlook/compose-open.html': { 'composeTo': 1, 'app': 2, 'readingPane': 1, 'conversation[1]': 1, 'subjectScope': 2, 'subject': 1, 'messageItemByLabel': 1, 'date': 1, 'senderLabel': 1, 'senderTitle': 1, 'body[0]': 1, 'body[1]': 1, 'bodySkip': 1, 'compose': 1, 'composeBody[0]': 1, 'composeBody[1]': 1, 'composeBody[3]': 1, 'replyIcon': 1, 'replyButtonByLabel': 1, 'accountManager': 1 },
  'outlook/unknown-layout.html': { 'app': 2, 'readingPane': 1, 'subjectScope': 1 },
};

// Selectors kept for real-app variants that none of our fixtures shows yet (say why).
const notInAnyFixture: Record<string, string> = {
  'gmail:threadContainer[2]': 'table.Bs > tr without <tbody> exists only in DOM built by script (live Gmail); the HTML parser always inserts <tbody>',
  'outlook:composeBody[2]': 'de label "Nachrichtentext" for the compose body; [0] finds it first in every layout we know',
};

const siteOf = (fixture: string) => (fixture.startsWith('outlook/') ? 'outlook' : 'gmail');
const selectorsOf = (fixture: string) => flatten(siteOf(fixture) === 'gmail' ? gmailSelectors : outlookSelectors);

describe.each(Object.keys(expectedMatches))('%s', (fixture) => {
  it('matches each selector the expected number of times', () => {
    const page = loadFixture(fixture);
    const actual = Object.fromEntries(selectorsOf(fixture).map(([name, selector]) => [name, page.document.querySelectorAll(selector).length]));
    page.close();
    const expected = Object.fromEntries(selectorsOf(fixture).map(([name]) => [name, expectedMatches[fixture][name] ?? 0]));
    expect(actual).toEqual(expected);
  });
});

describe('selector coverage', () => {
  it.each(['gmail', 'outlook'] as const)('every %s selector matches in at least one fixture', (site) => {
    const fixtures = Object.keys(expectedMatches).filter((f) => siteOf(f) === site);
    const names = flatten(site === 'gmail' ? gmailSelectors : outlookSelectors).map(([name]) => name);
    const unseen = names.filter((name) => !fixtures.some((f) => (expectedMatches[f][name] ?? 0) > 0) && !notInAnyFixture[`${site}:${name}`]);
    expect(unseen).toEqual([]);
  });
});
