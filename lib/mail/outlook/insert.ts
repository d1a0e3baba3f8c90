/**
 * Outlook on the web reply insertion: the compose body is RoosterJS's
 * `[contenteditable=true][aria-multiline=true]`; To/Cc wells are contenteditable without
 * aria-multiline and the subject is an <input>, so they are never chosen. Reply is opened through
 * the language-neutral `ArrowReplyRegular` icon's button.
 */
import { queryFirst } from '../dom';
import { insertTextInto, pressButton, type InsertTextOptions } from '../insert-text';
import type { InsertResult } from '../mail-site';
import { waitForElement } from '../observe';
import { outlookSelectors as S } from './selectors';

const OPEN_REPLY_TIMEOUT_MS = 5000;

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

export async function insertOutlookReply(
  doc: Document,
  text: string,
  signal?: AbortSignal,
  options: InsertTextOptions = {},
): Promise<InsertResult> {
  let editor = findOutlookEditor(doc);
  let openedReply = false;
  if (!editor) {
    const button = findOutlookReplyButton(doc);
    if (!button) return { ok: false, error: 'no-editor' };
    pressButton(button);
    openedReply = true;
    const deadline = AbortSignal.timeout(OPEN_REPLY_TIMEOUT_MS);
    try {
      editor = await waitForElement(doc.body ?? doc.documentElement, () => findOutlookEditor(doc), signal ? AbortSignal.any([signal, deadline]) : deadline);
    } catch {
      return { ok: false, error: 'no-editor', openedReply };
    }
  }
  const before = editor.textContent ?? '';
  insertTextInto(editor, text, options);
  const inserted = (editor.textContent ?? '') !== before || text === '';
  return inserted ? { ok: true, openedReply } : { ok: false, error: 'not-inserted', openedReply };
}
