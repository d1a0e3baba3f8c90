/**
 * Loads a fixture page into its own happy-dom Window at the URL named in its header comment, with
 * script/CSS loading and evaluation off (tests never touch the network).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The `url:` line of a fixture's header comment. */
export function fixtureUrl(html: string): string | undefined {
  return /^\s*url:\s*(\S+)\s*$/m.exec(html)?.[1];
}

export interface LoadedFixture {
  window: Window;
  document: Document;
  url: string;
  close(): void;
}

export function loadFixture(name: string, url?: string): LoadedFixture {
  const html = fixtureHtml(name);
  const pageUrl = url ?? fixtureUrl(html) ?? 'https://example.invalid/';
  const window = new Window({
    url: pageUrl,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36' },
    },
  });
  // DOMParser documents are inert (no resource loads) and inherit the window's URL.
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  const imported = window.document.importNode(parsed.documentElement, true);
  window.document.removeChild(window.document.documentElement);
  window.document.appendChild(imported);
  const document = window.document as unknown as Document;
  return { window, document, url: pageUrl, close: () => void window.happyDOM.close() };
}
