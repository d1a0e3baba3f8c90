/**
 * Putting plain text into a mail app's contenteditable so the app registers it and undo works.
 *
 * `execCommand('insertText')` is the only route through the browser's editing pipeline: trusted
 * beforeinput/input events (Gmail autosaves the draft, RoosterJS updates its model), a native
 * undo entry, and no Trusted-Types HTML sink (mail-dom.md §4). Firefox turns "\n" into <br>
 * inside insertText, so there we insert line by line with insertParagraph between (Briskine).
 * When the editor refuses (execCommand returns false or is missing) we fall back to a Range
 * insert plus a synthetic InputEvent; that path loses undo but still delivers the text.
 */

import type { InsertResult } from './mail-site';
import { waitForElement } from './observe';

export type InsertPath = 'execCommand' | 'lines' | 'range';

export interface InsertTextOptions {
  /** Insert line by line (Firefox). Defaults to detecting Firefox from navigator.userAgent. */
  lineByLine?: boolean;
}

/** Firefox needs the line-by-line path; Chromium-based browsers do not. */
export function needsLineByLine(userAgent: string): boolean {
  return /\bFirefox\/\d/.test(userAgent) && !/\bSeamonkey\//i.test(userAgent);
}

/** Keeps a selection the user already made inside the editor; otherwise puts the caret at its start. */
export function placeCaret(editor: HTMLElement): Selection | null {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return null;
  const inside = selection.rangeCount > 0 && selection.anchorNode !== null && editor.contains(selection.anchorNode);
  // Top of the reply, above Gmail's signature and the quoted history.
  if (!inside) selection.collapse(editor, 0);
  return selection;
}

function exec(doc: Document, command: string, value?: string): boolean {
  const run = (doc as Document & { execCommand?: Document['execCommand'] }).execCommand;
  if (typeof run !== 'function') return false;
  try {
    return run.call(doc, command, false, value);
  } catch {
    return false;
  }
}

/** Inserts at the current range with DOM nodes (no HTML strings: Gmail enforces Trusted Types). */
function rangeInsert(editor: HTMLElement, text: string): void {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  let range: Range;
  if (selection && selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).startContainer)) {
    range = selection.getRangeAt(0);
  } else {
    range = doc.createRange();
    range.setStart(editor, 0);
    range.collapse(true);
  }
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) fragment.appendChild(doc.createElement('br'));
    if (line) fragment.appendChild(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last && selection) {
    const after = doc.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    selection.removeAllRanges();
    selection.addRange(after);
  }
  const view = doc.defaultView;
  const Input = view?.InputEvent ?? InputEvent;
  editor.dispatchEvent(new Input('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * Focuses `editor`, places the caret, inserts `text`. Returns the path that worked, so callers
 * and tests know whether undo is available ('range' has none).
 */
export function insertTextInto(editor: HTMLElement, text: string, options: InsertTextOptions = {}): InsertPath {
  const doc = editor.ownerDocument;
  editor.focus();
  placeCaret(editor);
  const lineByLine = options.lineByLine ?? needsLineByLine(doc.defaultView?.navigator.userAgent ?? '');
  if (lineByLine) {
    const lines = text.split('\n');
    let ok = true;
    for (let i = 0; i < lines.length && ok; i++) {
      if (i > 0) ok = exec(doc, 'insertParagraph');
      if (ok && lines[i]) ok = exec(doc, 'insertText', lines[i]);
    }
    // Nothing at all went in? Use the fallback; a partial insert is left as is (undo can revert it).
    if (ok) return 'lines';
    if (editor.textContent?.includes(lines[0]) && lines[0]) return 'lines';
  } else if (exec(doc, 'insertText', text)) {
    return 'execCommand';
  }
  rangeInsert(editor, text);
  return 'range';
}

/** Dispatches the mousedown/mouseup/click sequence Gmail's buttons listen to. */
export function pressButton(el: Element): void {
  const view = el.ownerDocument.defaultView;
  const Mouse = view?.MouseEvent ?? MouseEvent;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    el.dispatchEvent(new Mouse(type, { bubbles: true, cancelable: true, view: view as unknown as Window, button: 0 }));
  }
}

const OPEN_REPLY_TIMEOUT_MS = 5000;

/** The caller's signal, bounded by the time a compose box may take to open. */
function openDeadline(signal?: AbortSignal): AbortSignal {
  const deadline = AbortSignal.timeout(OPEN_REPLY_TIMEOUT_MS);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}

/** Inserts through the editing pipeline; true when the editor's text changed. */
function insertChanged(editor: HTMLElement, text: string, options: InsertTextOptions): boolean {
  const before = editor.textContent ?? '';
  insertTextInto(editor, text, options);
  return (editor.textContent ?? '') !== before;
}

/** How one site finds its reply body and its Reply button. */
export interface ReplyBox {
  findEditor(doc: Document): HTMLElement | null;
  findReplyButton(doc: Document): Element | null;
}

/**
 * The insertion every site shares: use the open reply body, or press Reply and wait (bounded) for
 * the body to appear; then the editing pipeline. Reports whether the text really landed.
 */
export async function insertReply(
  site: ReplyBox,
  doc: Document,
  text: string,
  signal?: AbortSignal,
  options: InsertTextOptions = {},
): Promise<InsertResult> {
  let editor = site.findEditor(doc);
  let openedReply = false;
  if (!editor) {
    const button = site.findReplyButton(doc);
    if (!button) return { ok: false, error: 'no-editor' };
    pressButton(button);
    openedReply = true;
    try {
      editor = await waitForElement(doc.body ?? doc.documentElement, () => site.findEditor(doc), openDeadline(signal));
    } catch {
      return { ok: false, error: 'no-editor', openedReply };
    }
  }
  const inserted = insertChanged(editor, text, options) || text === '';
  return inserted ? { ok: true, openedReply } : { ok: false, error: 'not-inserted', openedReply };
}

/** How one site opens Forward and finds the To field of the compose it opens. */
export interface ForwardBox {
  findEditor(doc: Document): HTMLElement | null;
  findForwardButton(doc: Document): Element | null;
  findTo(doc: Document): HTMLElement | null;
}

/**
 * Opens Forward, types the address into To (the editing pipeline, so the app's recipient picker
 * sees it) and puts `text` at the top of the forwarded message.
 */
export async function forwardWith(
  site: ForwardBox,
  doc: Document,
  to: string,
  text: string,
  signal?: AbortSignal,
  options: InsertTextOptions = {},
): Promise<InsertResult> {
  const button = site.findForwardButton(doc);
  if (!button) return { ok: false, error: 'no-editor' };
  pressButton(button);
  const wait = openDeadline(signal);
  let editor: HTMLElement;
  let toField: HTMLElement;
  try {
    editor = await waitForElement(doc.body ?? doc.documentElement, () => site.findEditor(doc), wait);
    toField = await waitForElement(doc.body ?? doc.documentElement, () => site.findTo(doc), wait);
  } catch {
    return { ok: false, error: 'no-editor', openedReply: true };
  }
  toField.focus();
  if (!exec(doc, 'insertText', to)) {
    if (toField instanceof HTMLInputElement || toField instanceof HTMLTextAreaElement) toField.value = to;
    else toField.textContent = to;
    toField.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: to }));
  }
  // Start of the body: above the forwarded message.
  doc.getSelection()?.collapse(editor, 0);
  return insertChanged(editor, text, options) ? { ok: true, openedReply: true } : { ok: false, error: 'not-inserted', openedReply: true };
}
