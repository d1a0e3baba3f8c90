/**
 * Outlook on the web routes, pure functions of a URL. OWA is a history-API SPA:
 * `/mail/inbox/id/<itemId>`, `/mail/0/inbox/id/<itemId>` (outlook.live.com account index),
 * `/mail/<folderId>/id/<itemId>`, `/mail/deeplink/read/<itemId>`; pre-2019 `/owa/?ItemID=…`.
 * Item ids are URL-encoded base64 (`AQMkADAw…%3D`).
 */

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

export function isOutlookHost(url: URL): boolean {
  return OUTLOOK_HOSTS.includes(url.hostname);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The item/conversation id of a reading route, or undefined for lists, compose, options. */
export function outlookItemIdFromUrl(url: URL): string | undefined {
  if (!isOutlookHost(url)) return undefined;
  const path = url.pathname;
  let m = /^\/mail\/(?:.+\/)?id\/([^/]+)\/?$/.exec(path);
  if (m && !/^\/mail\/(?:\d+\/)?(deeplink\/compose|options)\b/.test(path)) return decode(m[1]);
  m = /^\/mail\/(?:\d+\/)?deeplink\/read\/([^/]+)\/?$/.exec(path);
  if (m) return decode(m[1]);
  if (/^\/owa\/?$/.test(path)) return url.searchParams.get('ItemID') ?? undefined;
  return undefined;
}

export function isOutlookConversationRoute(url: URL): boolean {
  return outlookItemIdFromUrl(url) !== undefined;
}
