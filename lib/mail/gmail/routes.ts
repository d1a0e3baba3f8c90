/**
 * Gmail URL routes, pure functions of a URL. Gmail routes inside the hash:
 * `#inbox`, `#inbox/<threadId>`, `#label/Work/<threadId>`, `#search/refund/<threadId>`,
 * `#inbox/p2` (page 2). Thread ids in the hash are the 2018+ opaque ids (`FMfcgz…`, 30+ chars) or
 * the older 16-hex legacy ids. A `?compose=` suffix inside the hash is a compose window, not a route.
 */

export function isGmailHost(url: URL): boolean {
  return url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail');
}

/** Hash route without `#`, the `?compose=…` suffix or trailing slash. */
export function gmailHashRoute(url: URL): string {
  const hash = url.hash.replace(/^#/, '');
  const noQuery = hash.split('?')[0];
  return decodeURIComponent(noQuery).replace(/\/+$/, '');
}

const THREAD_ID = /^(?:[A-Za-z0-9_-]{26,}|[0-9a-f]{16})$/;
// Routes that are never a conversation even when they end in an id-like segment.
const NON_THREAD_ROUTES = /^(settings|compose|create-filter|contacts|chats?|spaces|apps)(\/|$)/;

/** The thread id of a conversation route, or undefined for lists, settings and other routes. */
export function gmailThreadIdFromUrl(url: URL): string | undefined {
  if (!isGmailHost(url)) return undefined;
  const route = gmailHashRoute(url);
  if (!route || NON_THREAD_ROUTES.test(route)) return undefined;
  const parts = route.split('/');
  if (parts.length < 2) return undefined;
  const last = parts[parts.length - 1];
  return THREAD_ID.test(last) ? last : undefined;
}

/** True when the URL shows one conversation (full page; the preview pane keeps the list route). */
export function isGmailConversationRoute(url: URL): boolean {
  return gmailThreadIdFromUrl(url) !== undefined;
}

/** The account index of `/mail/u/N/` (multi-login), 0 by default. */
export function gmailAccountIndex(url: URL): number {
  const m = /^\/mail\/u\/(\d+)/.exec(url.pathname);
  return m ? Number(m[1]) : 0;
}
