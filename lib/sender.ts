/**
 * Who sent a runtime message, decided only from what the browser fills in (`sender`).
 * An extension page is on our own origin — also when it is opened as an ordinary tab; a content
 * script runs in a tab on one of the mail sites.
 */

export const MAIL_ORIGINS = [
  'https://mail.google.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
] as const;

/** The same sites as URL match patterns: host permissions and content-script matches. */
export const MAIL_MATCH_PATTERNS = MAIL_ORIGINS.map((origin) => `${origin}/*`);

/**
 * `url` when it is a page on one of the mail sites, else undefined: the only links SoloDesk makes
 * from stored data (a conversation's URL can come from a restored backup, not only from the page).
 */
export function mailPageUrl(url: string | undefined): string | undefined {
  const origin = originOf(url);
  return origin && (MAIL_ORIGINS as readonly string[]).includes(origin) ? url : undefined;
}

export type SenderKind = 'extension-page' | 'content-script' | 'unknown';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; windowId?: number };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    // Not `URL.origin`: it is "null" for non-special schemes such as chrome-extension:.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/**
 * @param ownOrigin our extension origin, e.g. `chrome-extension://abc` (from `runtime.getURL('/')`).
 */
export function classifySender(sender: SenderInfo, ownId: string, ownOrigin: string): SenderKind {
  if (sender.id !== ownId) return 'unknown';
  const origin = sender.origin ?? originOf(sender.url);
  if (!origin) return 'unknown';
  if (origin === ownOrigin.replace(/\/$/, '')) return 'extension-page';
  if (sender.tab?.id !== undefined && (MAIL_ORIGINS as readonly string[]).includes(origin)) {
    return 'content-script';
  }
  return 'unknown';
}

export class ForbiddenSenderError extends Error {
  constructor(messageType: string, kind: SenderKind) {
    super(`SoloDesk refused "${messageType}" from a ${kind} sender`);
    this.name = 'ForbiddenSenderError';
  }
}
