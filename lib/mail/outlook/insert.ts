/**
 * Outlook on the web reply insertion: the compose body is RoosterJS's
 * `[contenteditable=true][aria-multiline=true]`; To/Cc wells are contenteditable without
 * aria-multiline and the subject is an <input>, so they are never chosen. Reply is opened through
 * the language-neutral `ArrowReplyRegular` icon's button.
 */
import { queryFirst } from '../dom';
import { forwardWith, insertReply, type InsertTextOptions } from '../insert-text';
import type { InsertResult } from '../mail-site';
import { outlookSelectors as S } from './selectors';

export function findOutlookEditor(doc: Document): HTMLElement | null {
  const pane = doc.querySelector(S.readingPane);
  for (const scope of pane ? [pane, doc] : [doc]) {
    const el = queryFirst(scope, S.composeBody, (e) => e.tagName !== 'INPUT');
    if (el) return el as HTMLElement;
  }
  return null;
}

/** The Reply button of the newest message: OWA lists newest first by default, so the first one. */
export function findOutlookReplyButton(doc: Document): Element | null {
  const scope: ParentNode = doc.querySelector(S.readingPane) ?? doc;
  const icon = scope.querySelector(S.replyIcon);
  const viaIcon = icon?.closest('button, [role=button], [role=menuitem]');
  if (viaIcon) return viaIcon;
  return scope.querySelector(S.replyButtonByLabel);
}

export function insertOutlookReply(
  doc: Document,
  text: string,
  signal?: AbortSignal,
  options: InsertTextOptions = {},
): Promise<InsertResult> {
  return insertReply({ findEditor: findOutlookEditor, findReplyButton: findOutlookReplyButton }, doc, text, signal, options);
}

/** Forward of the newest message, through its language-neutral icon. */
export function findOutlookForwardButton(doc: Document): Element | null {
  const scope: ParentNode = doc.querySelector(S.readingPane) ?? doc;
  return scope.querySelector(S.forwardIcon)?.closest('button, [role=button], [role=menuitem]') ?? null;
}

export function forwardOutlook(doc: Document, to: string, text: string, signal?: AbortSignal): Promise<InsertResult> {
  const findTo = (d: Document) => d.querySelector<HTMLElement>(S.composeTo);
  return forwardWith({ findEditor: findOutlookEditor, findForwardButton: findOutlookForwardButton, findTo }, doc, to, text, signal);
}
