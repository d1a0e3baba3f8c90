/**
 * Insertion in happy-dom. happy-dom has no `document.execCommand`, so the default run exercises
 * the Range + InputEvent fallback; the execCommand and Firefox line-by-line paths are checked with
 * a stand-in execCommand that records its calls. The real editing pipeline (undo, Gmail draft
 * save) is tested in real Chromium by the browser suite.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmailSite } from '../../lib/mail/gmail/gmail';
import { findGmailReplyButton } from '../../lib/mail/gmail/insert';
import { insertTextInto, needsLineByLine } from '../../lib/mail/insert-text';
import { outlookSite } from '../../lib/mail/outlook/outlook';
import { loadFixture, type LoadedFixture } from './load-fixture';

let page: LoadedFixture | undefined;
afterEach(() => page?.close());

/** What Gmail does when Reply is pressed: an inline compose appears below the last message. */
function gmailOpensReplyOn(doc: Document, button: Element, events: string[] = []): void {
  for (const type of ['mousedown', 'mouseup']) button.addEventListener(type, () => events.push(type));
  button.addEventListener('click', () => {
    events.push('click');
    setTimeout(() => {
      const ip = doc.querySelector('.h7:last-of-type .ip') ?? doc.querySelector('.ip')!;
      ip.classList.add('adB');
      const m9 = doc.createElement('div');
      m9.className = 'M9';
      const ap = doc.createElement('td');
      ap.className = 'Ap';
      const body = doc.createElement('div');
      body.setAttribute('g_editable', 'true');
      body.setAttribute('contenteditable', 'true');
      body.setAttribute('role', 'textbox');
      body.setAttribute('aria-multiline', 'true');
      ap.appendChild(body);
      m9.appendChild(ap);
      ip.appendChild(m9);
    }, 20);
  });
}

describe('Gmail insertReply', () => {
  it('inserts into the open inline reply without opening another and leaves subject and recipients alone', async () => {
    page = loadFixture('gmail/inline-reply-open.html');
    const doc = page.document;
    const subject = doc.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value;
    const recipients = doc.querySelector('.M9 .aoD')!.innerHTML;
    const inputs: string[] = [];
    doc.querySelector('[g_editable]')!.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    const result = await gmailSite.insertReply(doc, 'Yes, we ship to Norway.\nDuties are included.');
    expect(result).toEqual({ ok: true, openedReply: false });
    const editor = doc.querySelector('[g_editable]')!;
    expect(editor.textContent).toContain('Yes, we ship to Norway.Duties are included.');
    expect(editor.querySelectorAll('br').length).toBeGreaterThanOrEqual(1);
    expect(inputs).toEqual(['insertText']);
    expect(doc.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value).toBe(subject);
    expect(doc.querySelector('.M9 .aoD')!.innerHTML).toBe(recipients);
  });

  it('opens Reply from the bottom bar with mousedown, mouseup and click, then inserts', async () => {
    page = loadFixture('gmail/full-thread-en.html');
    const doc = page.document;
    const button = findGmailReplyButton(doc)!;
    expect(button.matches('.amn span.ams.bkH')).toBe(true);
    const events: string[] = [];
    gmailOpensReplyOn(doc, button, events);
    const result = await gmailSite.insertReply(doc, 'Your refund was sent today.');
    expect(result).toEqual({ ok: true, openedReply: true });
    expect(events).toEqual(['mousedown', 'mouseup', 'click']);
    expect(doc.querySelector('.ip.adB [g_editable]')!.textContent).toBe('Your refund was sent today.');
  });

  it('opens Reply in the preview pane of the visible thread, not the stale hidden one', async () => {
    page = loadFixture('gmail/preview-pane-en.html');
    const doc = page.document;
    const button = findGmailReplyButton(doc)!;
    expect(button.closest('.a98.iY')!.getAttribute('style')).toBeNull();
    gmailOpensReplyOn(doc, button);
    const result = await gmailSite.insertReply(doc, 'A replacement ships by express today.');
    expect(result.ok).toBe(true);
    expect(doc.querySelector('[g_editable]')!.textContent).toBe('A replacement ships by express today.');
  });

  it('falls back to the header reply icon when there is no bottom bar (legacy markup)', () => {
    page = loadFixture('gmail/legacy-table-bs.html');
    expect(findGmailReplyButton(page.document)?.matches('.aaq')).toBe(true);
  });

  it('reports no-editor when Reply opens nothing before the signal ends', async () => {
    page = loadFixture('gmail/full-thread-en.html');
    const result = await gmailSite.insertReply(page.document, 'x', AbortSignal.timeout(60));
    expect(result).toEqual({ ok: false, error: 'no-editor', openedReply: true });
  });

  it('reports no-editor when there is neither an editor nor a Reply control', async () => {
    page = loadFixture('gmail/unknown-layout.html');
    expect(await gmailSite.insertReply(page.document, 'x')).toEqual({ ok: false, error: 'no-editor' });
  });
});

describe('Outlook insertReply', () => {
  it('inserts into the RoosterJS body above the signature, never the To well or the subject', async () => {
    page = loadFixture('outlook/compose-open.html');
    const doc = page.document;
    const result = await outlookSite.insertReply(doc, 'Glad it works!');
    expect(result).toEqual({ ok: true, openedReply: false });
    const body = doc.querySelector('[aria-multiline="true"]')!;
    expect(body.textContent!.startsWith('Glad it works!')).toBe(true);
    expect(body.textContent).toContain('Sam Rivera · BrightDesk');
    expect(doc.querySelector('[aria-label="To"]')!.textContent).toBe('Emma Lindqvist');
    expect(doc.querySelector<HTMLInputElement>('input[aria-label="Add a subject"]')!.value).toBe('RE: Thank you for the quick fix!');
  });

  it('presses the ArrowReplyRegular button when no compose is open, then inserts', async () => {
    page = loadFixture('outlook/reading-pane-en.html');
    const doc = page.document;
    const button = doc.querySelector('i[data-icon-name="ArrowReplyRegular"]')!.closest('button')!;
    button.addEventListener('click', () => {
      setTimeout(() => {
        const body = doc.createElement('div');
        body.setAttribute('contenteditable', 'true');
        body.setAttribute('aria-multiline', 'true');
        doc.querySelector('#ReadingPaneContainerId')!.appendChild(body);
      }, 10);
    });
    const result = await outlookSite.insertReply(doc, 'Please try signing in again now.');
    expect(result).toEqual({ ok: true, openedReply: true });
    expect(doc.querySelector('[aria-multiline="true"]')!.textContent).toBe('Please try signing in again now.');
  });
});

describe('insertTextInto', () => {
  function editorWith(html: string): HTMLElement {
    document.body.innerHTML = `<div contenteditable="true" id="ed">${html}</div>`;
    return document.getElementById('ed')!;
  }

  it('keeps a caret the user placed inside the editor', () => {
    const editor = editorWith('Hello world');
    document.getSelection()!.collapse(editor.firstChild!, 6);
    insertTextInto(editor, 'dear ');
    expect(editor.textContent).toBe('Hello dear world');
  });

  it('puts the caret at the start when the selection is outside the editor', () => {
    const editor = editorWith('<div>-- signature</div>');
    document.body.insertAdjacentHTML('beforeend', '<p id="out">outside</p>');
    document.getSelection()!.collapse(document.getElementById('out')!.firstChild!, 2);
    insertTextInto(editor, 'Hi! ');
    expect(editor.textContent).toBe('Hi! -- signature');
    expect(document.getElementById('out')!.textContent).toBe('outside');
  });

  it('uses execCommand insertText once when the browser supports it', () => {
    const editor = editorWith('');
    const exec = vi.fn(() => true);
    Object.assign(document, { execCommand: exec });
    try {
      expect(insertTextInto(editor, 'a\nb', { lineByLine: false })).toBe('execCommand');
      expect(exec.mock.calls).toEqual([['insertText', false, 'a\nb']]);
    } finally {
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });

  it('inserts line by line with insertParagraph on Firefox', () => {
    const editor = editorWith('');
    const exec = vi.fn(() => true);
    Object.assign(document, { execCommand: exec });
    try {
      expect(insertTextInto(editor, 'one\n\ntwo', { lineByLine: true })).toBe('lines');
      expect(exec.mock.calls).toEqual([
        ['insertText', false, 'one'],
        ['insertParagraph', false, undefined],
        ['insertParagraph', false, undefined],
        ['insertText', false, 'two'],
      ]);
    } finally {
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });

  it('falls back to a Range insert and an input event when execCommand refuses', () => {
    const editor = editorWith('');
    Object.assign(document, { execCommand: () => false });
    const seen: string[] = [];
    editor.addEventListener('input', (e) => seen.push(`${(e as InputEvent).inputType}:${(e as InputEvent).data}`));
    try {
      expect(insertTextInto(editor, 'x\ny', { lineByLine: false })).toBe('range');
      expect(editor.innerHTML).toBe('x<br>y');
      expect(seen).toEqual(['insertText:x\ny']);
    } finally {
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', true],
    ['Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0', true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36', false],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0', false],
  ])('line-by-line for %s: %s', (ua, yes) => {
    expect(needsLineByLine(ua)).toBe(yes);
  });
});
