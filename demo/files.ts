/**
 * Which demo file answers an intercepted request, for `npm start` and the in-browser tests
 * (Playwright `context.route`). Pure: URL in, file path (relative to the repo) and content type out.
 *   https://mail.google.com/mail/...        → demo/gmail/{index.html, app.js, demo.css}
 *   https://outlook.office.com/mail/...     → demo/outlook/{index.html, app.js, demo.css}
 *   …/conversations.json on either          → demo/conversations.json
 * Any other path under /mail/ is a page navigation (SPA route) and gets index.html. Other URLs
 * get undefined: let the caller abort them so nothing reaches the network.
 */

export interface DemoFile {
  /** Path relative to the repository root. */
  path: string;
  contentType: string;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const ASSETS = new Set(['app.js', 'demo.css']);

export const DEMO_URLS = {
  gmail: 'https://mail.google.com/mail/u/0/',
  outlook: 'https://outlook.office.com/mail/',
} as const;

export function demoFileFor(requestUrl: string): DemoFile | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  const app = url.hostname === 'mail.google.com' ? 'gmail' : url.hostname === 'outlook.office.com' ? 'outlook' : undefined;
  if (!app || !url.pathname.startsWith('/mail')) return undefined;
  const name = url.pathname.split('/').pop() ?? '';
  const file = (path: string): DemoFile => ({ path, contentType: TYPES[path.split('.').pop() ?? 'html'] });
  if (name === 'conversations.json') return file('demo/conversations.json');
  if (ASSETS.has(name)) return file(`demo/${app}/${name}`);
  if (/\.\w{2,4}$/.test(name)) return undefined; // favicon.ico and other assets we do not have
  return file(`demo/${app}/index.html`);
}
