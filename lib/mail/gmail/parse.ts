/**
 * Gmail page → data. Pure reads of the DOM: Element in, plain data out. Required parts (thread
 * container on a conversation route, subject, an expanded message's sender and body) throw
 * LayoutError; optional parts (dates, ids, collapsed senders) come back undefined/empty.
 */
import { chronological, emailsIn, ownAddressSet } from '../addresses';
import { censorStructure } from '../censor';
import { parseMailDate } from '../dates';
import { documentUrl, isHiddenInDom, outermost, queryFirst } from '../dom';
import { LayoutError, type InboxRow, type MailMessage, type MailThread, type Person, type ReadOptions } from '../mail-site';
import { elementText, FOREIGN_QUOTE_SKIP, messageText, OUTLOOK_REPLY_CUT } from '../text';
import { gmailThreadIdFromUrl } from './routes';
import { gmailSelectors as S } from './selectors';

function miss(selector: string, where: Element | null): LayoutError {
  return new LayoutError({ site: 'gmail', selector, structure: censorStructure(where) });
}

/** The visible thread view, newest markup first; null when no conversation is shown. */
export function findThreadContainer(doc: Document): Element | null {
  const mains = Array.from(doc.querySelectorAll(S.main));
  const scopes: ParentNode[] = mains.length ? mains : [doc];
  for (const selector of S.threadContainer) {
    for (const scope of scopes) {
      const visible = Array.from(scope.querySelectorAll(selector)).filter((el) => !isHiddenInDom(el));
      // Prefer a view that already shows its subject or messages (Gmail keeps stale views around).
      const withContent = visible.find((el) => el.querySelector(S.subject) || el.querySelector(S.message));
      if (withContent ?? visible[0]) return withContent ?? visible[0];
    }
  }
  return null;
}

/** The user's own addresses: page title, account chooser, compose aliases, configured ones. */
export function readGmailUserEmails(doc: Document, options: ReadOptions = {}): string[] {
  // "Inbox (3) - me@x.com - Gmail": the account is the last address (a subject may hold others).
  const fromTitle = emailsIn(doc.title).slice(-1);
  const fromChooser = Array.from(doc.querySelectorAll(S.accountChooser)).flatMap((el) => emailsIn(el.getAttribute('aria-label')));
  const fromAliases = Array.from(doc.querySelectorAll(S.fromAliases)).flatMap((el) =>
    emailsIn(el.getAttribute('value') ?? (el as HTMLInputElement).value),
  );
  return ownAddressSet(fromTitle, fromChooser, fromAliases, options.ownAddresses);
}

function subjectOf(container: Element): Element | null {
  for (let scope: Element | null = container; scope; scope = scope.parentElement) {
    const el = scope.querySelector(S.subject);
    if (el) return el;
    if (scope.matches(S.main)) break;
  }
  return null;
}

function threadIdOf(container: Element, subjectEl: Element, url: URL): string | undefined {
  const attr = (el: Element | null, name: string) => el?.getAttribute(name)?.replace(/^#/, '') || undefined;
  return (
    attr(subjectEl, 'data-legacy-thread-id') ??
    attr(subjectEl, 'data-thread-perm-id') ??
    attr(container.querySelector(S.legacyThreadId), 'data-legacy-thread-id') ??
    attr(container.querySelector(S.permThreadId), 'data-thread-perm-id') ??
    gmailThreadIdFromUrl(url)
  );
}

/** A sender element that is not a recipient, not in a compose box and not inside the body. */
function senderOf(messageEl: Element): Person | undefined {
  const el = queryFirst(messageEl, S.sender, (e) => !e.closest(`${S.recipients}, .M9, .ip, .a3s, .ii`));
  if (!el) return undefined;
  const email = (el.getAttribute('email') ?? '').trim().toLowerCase();
  const name = (el.getAttribute('name') ?? el.textContent ?? '').trim();
  return { name: name || email, email };
}

function dateOf(messageEl: Element): string | undefined {
  const el = queryFirst(messageEl, S.date, (e) => !e.closest('.a3s, .M9'));
  return parseMailDate(el?.getAttribute('title')) ?? parseMailDate(el?.getAttribute('aria-label'));
}

function idOf(messageEl: Element): string | undefined {
  const el = messageEl.matches(S.messageId) ? messageEl : messageEl.querySelector(S.messageId);
  const id = el?.getAttribute('data-message-id') ?? el?.getAttribute('data-legacy-message-id');
  return id ? id.replace(/^#/, '') : undefined;
}

/** One message element of the list → message data. Expanded ones must have sender and body. */
export function parseGmailMessage(el: Element, own: string[]): MailMessage {
  const expanded = el.matches(S.expanded);
  const from = senderOf(el);
  if (expanded && !from) throw miss(S.sender.join(' | '), el);
  let body = '';
  if (expanded) {
    const bodyEl = queryFirst(el, S.body, (e) => !e.closest('.M9'));
    if (!bodyEl) throw miss(S.body.join(' | '), el);
    body = messageText(bodyEl, { skip: `${S.bodySkip}, ${FOREIGN_QUOTE_SKIP}`, cutAt: OUTLOOK_REPLY_CUT });
  }
  const person = from ?? { name: '', email: '' };
  return {
    id: idOf(el),
    from: person,
    date: dateOf(el),
    body,
    fromMe: person.email !== '' && own.includes(person.email),
    headerOnly: !expanded,
  };
}

/**
 * When Gmail shows "N older messages" without the hidden messages in the DOM, count them as
 * header-only messages with an unknown sender, right after the first message (where the bar sits).
 */
function withOlderPlaceholders(container: Element, messages: MailMessage[], elements: Element[]): MailMessage[] {
  if (elements.some((el) => el.matches(S.hidden))) return messages;
  const count = Number((container.querySelector(S.olderMessagesCount)?.textContent ?? '').replace(/\D/g, ''));
  if (!count || count > 500) return messages;
  const placeholder: MailMessage = { from: { name: '', email: '' }, body: '', fromMe: false, headerOnly: true };
  return [...messages.slice(0, 1), ...Array.from({ length: count }, () => ({ ...placeholder, from: { ...placeholder.from } })), ...messages.slice(1)];
}

/** Reads the open conversation, or null when none is shown. */
export function readGmailThread(doc: Document, options: ReadOptions = {}): MailThread | null {
  const url = documentUrl(doc);
  const container = findThreadContainer(doc);
  if (!container) {
    // On a conversation route with the app loaded, a missing container means a layout we don't know.
    const main = doc.querySelector(S.main);
    if (main && gmailThreadIdFromUrl(url)) throw miss(S.threadContainer.join(' | '), main);
    return null;
  }
  const subjectEl = subjectOf(container);
  if (!subjectEl) throw miss(S.subject, container);
  const own = readGmailUserEmails(doc, options);
  const messageEls = outermost(container, S.message).filter((el) => !el.closest('.M9'));
  if (!messageEls.length) throw miss(S.message, container);
  const messages = chronological(withOlderPlaceholders(container, messageEls.map((el) => parseGmailMessage(el, own)), messageEls));
  const subject = elementText(subjectEl).replace(/\s+/g, ' ').trim();
  return {
    site: 'gmail',
    threadId: threadIdOf(container, subjectEl, url) ?? messages[0].id ?? `subject:${subject}`,
    subject,
    messages,
    userEmails: own,
    url: url.href,
  };
}

/** Conversation-list rows (`tr.zA`) with sender, subject, date and unread state. */
export function readInboxRows(doc: Document): InboxRow[] {
  return Array.from(doc.querySelectorAll(S.row)).map((row) => {
    const seen = new Set<string>();
    const participants: Person[] = [];
    for (const span of Array.from(row.querySelectorAll(S.rowSender))) {
      const email = (span.getAttribute('email') ?? '').toLowerCase();
      const name = (span.getAttribute('name') ?? span.textContent ?? '').trim();
      if (seen.has(email)) continue;
      seen.add(email);
      participants.push({ name, email });
    }
    const subjectEl = queryFirst(row, S.rowSubject);
    const dateEl = row.querySelector(S.rowDate);
    const idEl = row.querySelector(S.rowThreadId);
    const threadId = (idEl?.getAttribute('data-legacy-thread-id') ?? idEl?.getAttribute('data-thread-id') ?? '').replace(/^#/, '');
    return {
      element: row,
      threadId: threadId || undefined,
      from: participants[0] ?? { name: '', email: '' },
      participants,
      subject: subjectEl ? elementText(subjectEl).replace(/\s+/g, ' ').trim() : '',
      date: parseMailDate(dateEl?.getAttribute('title')),
      unread: row.matches(S.rowUnread),
    };
  });
}
