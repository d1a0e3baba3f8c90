/**
 * Outlook on the web page → data. Pure reads keyed on ids, data-* and ARIA (never classes).
 * Required: the conversation container on a reading route, its subject, at least one message,
 * each message's sender and an expanded message's body. Optional: dates, ids.
 */
import { chronological, emailsIn, ownAddressSet, personFrom } from '../addresses';
import { censorStructure } from '../censor';
import { parseMailDate } from '../dates';
import { documentUrl, isHiddenInDom, outermost, queryFirst } from '../dom';
import { LayoutError, type MailMessage, type MailThread, type Person, type ReadOptions } from '../mail-site';
import { elementText, FOREIGN_QUOTE_SKIP, messageText } from '../text';
import { outlookItemIdFromUrl } from './routes';
import { outlookSelectors as S } from './selectors';

function miss(selector: string, where: Element | null): LayoutError {
  return new LayoutError({ site: 'outlook', selector, structure: censorStructure(where) });
}

export function findConversation(doc: Document): Element | null {
  return queryFirst(doc, S.conversation, (el) => !isHiddenInDom(el));
}

/** The user's mailbox addresses: folder tree root, account manager, configured aliases. */
export function readOutlookUserEmails(doc: Document, options: ReadOptions = {}): string[] {
  const fromMailbox = Array.from(doc.querySelectorAll(S.mailboxRoot)).flatMap((el) => [
    ...emailsIn(el.getAttribute('data-folder-name')),
    ...emailsIn(el.getAttribute('title')),
  ]);
  const fromAccount = Array.from(doc.querySelectorAll(S.accountManager)).flatMap((el) => [
    ...emailsIn(el.getAttribute('aria-label')),
    ...(el.id === 'mectrl_currentAccount_secondary' ? emailsIn(el.textContent) : []),
  ]);
  return ownAddressSet(fromMailbox, fromAccount, options.ownAddresses);
}

/** Expandable items holding a date or body, outermost first; an item holding several is split. */
function messageElements(container: Element): Element[] {
  const isMessage = (el: Element) => !el.closest(S.compose) && el.tagName !== 'BUTTON' && !!(el.querySelector(S.date) || el.querySelector(S.body[0]));
  const expand = (root: Element): Element[] =>
    outermost(root, S.messageItem)
      .filter(isMessage)
      .flatMap((el) => (el.querySelectorAll(S.date).length > 1 ? expand(el) : [el]));
  const items = expand(container);
  if (items.length) return items;
  const labelled = outermost(container, S.messageItemByLabel).filter((el) => !el.closest(S.compose));
  if (labelled.length) return labelled;
  // Single-item view without item wrappers: the container is the one message.
  return container.querySelector(S.body.join(', ')) ? [container] : [];
}

function senderOf(item: Element): Person | undefined {
  const notBody = (el: Element) => !el.closest(`${S.body.join(', ')}, ${S.recipients}, ${S.compose}`);
  const labelled = Array.from(item.querySelectorAll(S.senderLabel)).find(notBody);
  const titled = queryFirst(item, [S.senderTitle], notBody);
  if (labelled) {
    const person = personFrom(labelled.getAttribute('aria-label') ?? '', labelled.textContent ?? '');
    // The label may hold only the name; a persona title in the header may carry the address.
    if (!person.email) person.email = emailsIn(titled?.getAttribute('title'))[0] ?? '';
    if (person.email || person.name) return person;
  }
  if (titled) return personFrom(titled.getAttribute('title') ?? '', titled.textContent ?? '');
  return undefined;
}

function subjectOf(doc: Document, container: Element): string | undefined {
  const scopes = [container.closest('#ConversationReadingPaneContainer'), container, doc.querySelector(S.subjectScope)];
  for (const scope of scopes) {
    if (!scope) continue;
    const heading = Array.from(scope.querySelectorAll(S.subject)).find((h) => !h.closest(`${S.body.join(', ')}, ${S.messageItem}, ${S.compose}`));
    if (heading) return elementText(heading).replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

export function parseOutlookMessage(item: Element, own: string[]): MailMessage {
  const expanded = item.getAttribute('aria-expanded') !== 'false';
  const from = senderOf(item);
  if (!from) throw miss(`${S.senderLabel} | ${S.senderTitle}`, item);
  const bodyEl = expanded ? queryFirst(item, S.body, (el) => !el.closest(S.compose)) : null;
  if (expanded && !bodyEl) throw miss(S.body.join(' | '), item);
  const dateEl = item.querySelector(S.date);
  const idEl = item.closest('[data-itemid]') ?? item.querySelector('[data-itemid]');
  return {
    id: idEl?.getAttribute('data-itemid') ?? undefined,
    from,
    date: parseMailDate(dateEl?.getAttribute('title')) ?? parseMailDate(dateEl?.textContent),
    body: bodyEl ? messageText(bodyEl, { skip: `${S.bodySkip}, ${FOREIGN_QUOTE_SKIP}`, cutAt: S.bodyCutAt }) : '',
    fromMe: from.email !== '' && own.includes(from.email),
    headerOnly: !bodyEl,
  };
}

export function readOutlookThread(doc: Document, options: ReadOptions = {}): MailThread | null {
  const url = documentUrl(doc);
  const container = findConversation(doc);
  if (!container) {
    const app = doc.querySelector(S.app);
    if (app && outlookItemIdFromUrl(url)) throw miss(S.conversation.join(' | '), doc.querySelector(S.readingPane) ?? app);
    return null;
  }
  const items = messageElements(container);
  if (!items.length) {
    // The pane exists but shows no item ("select an item to read") unless the route says otherwise.
    if (!outlookItemIdFromUrl(url) && !container.querySelector(S.subject)) return null;
    throw miss(`${S.messageItem} | ${S.messageItemByLabel}`, container);
  }
  const subject = subjectOf(doc, container);
  if (subject === undefined) throw miss(S.subject, container);
  const own = readOutlookUserEmails(doc, options);
  const messages = chronological(items.map((item) => parseOutlookMessage(item, own)));
  const convId =
    doc.querySelector(S.selectedConversation)?.getAttribute('data-convid') ??
    doc.querySelector(S.anySelectedConversation)?.getAttribute('data-convid') ??
    outlookItemIdFromUrl(url);
  return {
    site: 'outlook',
    threadId: convId ?? messages[0].id ?? `subject:${subject}`,
    subject,
    messages,
    userEmails: own,
    url: url.href,
  };
}
