/**
 * What the hostile-mail browser tests share (test/browser/hostile*.test.ts): demo conversations
 * built from the hostile corpus, the in-page detector of markup made from text, the
 * `window.__pwned_*` markers, and a record of dialogs and page errors in every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { HostileInput } from '../hostile/corpus';

export const ME = { name: 'SoloDesk Demo', email: 'me@solodesk-demo.com' };
export const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface DemoMessage {
  from: { name: string; email: string };
  date: string;
  body: string;
  expanded?: boolean;
}

/** A conversation of demo/conversations.json's shape; `legacyId` also names it in the Outlook demo. */
export function conversation(key: string, n: number, subject: string, messages: DemoMessage[]) {
  const hex = n.toString(16).padStart(8, '0');
  return { id: `FMfcgzQhostile${key}`, legacyId: `19c0ffee${hex}`, permId: `thread-f:18520000${String(n).padStart(11, '0')}`, subject, unread: true, messages };
}

/** One hostile input as subject, sender name and body of a thread we have answered once. */
export function inputConversation(input: HostileInput) {
  return conversation(`Input${input.n}`, input.n, input.text, [
    { from: { name: input.text, email: `c${input.n}@evil.example` }, date: '2026-11-24 09:00', body: input.text, expanded: true },
    { from: ME, date: '2026-11-24 10:00', body: `Reply ${input.n}`, expanded: true },
    { from: { name: input.text, email: `c${input.n}@evil.example` }, date: '2026-11-24 11:00', body: `Follow-up ${input.n}\n${input.text}` },
  ]);
}

/**
 * What hostile text could have become in a page: foreign elements, event handlers, script/data
 * URLs, CSS with URLs. Runs in the page; `allowed` names tags the page renders itself.
 */
export function detector(arg: { root: string; allowed: string[] }): string[] {
  const foreign = ['script', 'iframe', 'frame', 'object', 'embed', 'style', 'link', 'meta', 'base', 'img', 'video', 'audio', 'source', 'picture', 'math', 'image', 'animate', 'marquee', 'details', 'template', 'noscript', 'plaintext', 'xmp', 'area', 'map', 'svg', 'title', 'form'];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'background', 'srcdoc'];
  const problems: string[] = [];
  for (const root of Array.from(document.querySelectorAll(arg.root))) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (foreign.includes(tag) && !arg.allowed.includes(tag)) problems.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`${name} on <${tag}>`);
        if (urlAttrs.includes(name) && /^\s*(javascript|data|vbscript):|exfil\.invalid/i.test(attr.value)) problems.push(`${name} on <${tag}>`);
        if (name === 'style' && /url\s*\(|@import/i.test(attr.value)) problems.push(`style url on <${tag}>`);
      }
    }
  }
  return problems;
}

export const markers = (page: Page) => page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__pwned_')));

/** Every dialog (dismissed) and page error in the context's pages from now on. */
export function recordPageProblems(context: BrowserContext): { dialogs: string[]; pageErrors: string[] } {
  const problems = { dialogs: [] as string[], pageErrors: [] as string[] };
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      problems.dialogs.push(`${page.url().slice(0, 60)}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.pageErrors.push(`${page.url().slice(0, 60)}: ${error.message}`));
  });
  return problems;
}
