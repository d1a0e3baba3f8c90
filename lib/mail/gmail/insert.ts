/**
 * Gmail reply insertion: find the reply body (inline in the open thread first, then a popup
 * compose), open Reply when none is open, then the shared insertText pipeline. Never touches the
 * subject (`input[name=subjectbox]`) or the recipient fields.
 */
import { forwardWith, insertReply, type InsertTextOptions } from '../insert-text';
import type { InsertResult } from '../mail-site';
import { isHiddenInDom, queryFirst } from '../dom';
import { findThreadContainer } from './parse';
import { gmailSelectors as S } from './selectors';

function isEditor(el: Element): el is HTMLElement {
  return el.getAttribute('contenteditable') === 'true' && !el.closest('input, [name=subjectbox]');
}

/** The open reply body: inside the visible thread first, else any compose on the page. */
export function findGmailEditor(doc: Document): HTMLElement | null {
  const thread = findThreadContainer(doc);
  const scopes: ParentNode[] = thread ? [thread, doc] : [doc];
  for (const scope of scopes) {
    const el = queryFirst(scope, S.composeBody, isEditor);
    if (el) return el as HTMLElement;
  }
  return null;
}

/** The control that opens a reply to the last message, in the order mail-dom.md §2.4 gives. */
export function findGmailReplyButton(doc: Document): Element | null {
  const thread = findThreadContainer(doc);
  const scopes: ParentNode[] = [thread, thread?.closest('[role=main]'), doc].filter((s): s is Element | Document => !!s);
  for (const scope of scopes) {
    // Several .amn bars can exist during A/B tests; the real one is visible and not inside a table.
    const bars = Array.from(scope.querySelectorAll(S.bottomReplyBar)).filter((b) => !isHiddenInDom(b));
    const bar = bars.find((b) => !b.closest('table')) ?? bars[0];
    const fromBar = bar?.querySelector('span.ams.bkH') ?? bar?.querySelector('span.ams[role=link]') ?? bar?.querySelector('span.ams');
    if (fromBar) return fromBar;
    const legacy = Array.from(scope.querySelectorAll(S.bottomReplyLegacy)).find((b) => !isHiddenInDom(b));
    if (legacy) return legacy;
    const headers = Array.from(scope.querySelectorAll(S.headerReply)).filter((b) => !isHiddenInDom(b));
    if (headers.length) return headers[headers.length - 1];
  }
  return null;
}

export function insertGmailReply(
  doc: Document,
  text: string,
  signal?: AbortSignal,
  options: InsertTextOptions = {},
): Promise<InsertResult> {
  return insertReply({ findEditor: findGmailEditor, findReplyButton: findGmailReplyButton }, doc, text, signal, options);
}

/** The bottom bar's Forward of the open thread. */
export function findGmailForwardButton(doc: Document): Element | null {
  const scope: ParentNode = findThreadContainer(doc) ?? doc;
  return scope.querySelector(S.bottomForward);
}

export function forwardGmail(doc: Document, to: string, text: string, signal?: AbortSignal): Promise<InsertResult> {
  const findTo = (d: Document) => d.querySelector<HTMLElement>(S.composeTo);
  return forwardWith({ findEditor: findGmailEditor, findForwardButton: findGmailForwardButton, findTo }, doc, to, text, signal);
}
