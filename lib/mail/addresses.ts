import type { MailMessage, Person } from './mail-site';

const EMAIL_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Every address in a string, lower-cased, in order, without duplicates. */
export function emailsIn(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set((text.match(EMAIL_RE) ?? []).map((e) => e.toLowerCase()))];
}

/**
 * A person from the strings the apps show: "Name <addr>", "addr", "From: Name <addr>",
 * "Von: addr". `fallbackName` is the visible name when the string holds only the address.
 */
export function personFrom(text: string, fallbackName = ''): Person {
  const cleaned = text.replace(/^\s*[^:：<]{1,20}[:：]\s*/, (m) => (/@/.test(m) ? m : ''));
  // "Name <addr>": the angle-bracketed part at the end is the address (or, from Exchange, a
  // directory name); any other one is dropped only when it holds an address, so a name written
  // with "<b>" in it keeps it, as text.
  const trailing = /<([^<>]*)>\s*$/.exec(cleaned);
  const email = emailsIn(trailing?.[1])[0] ?? emailsIn(cleaned)[0] ?? '';
  let name = (trailing ? cleaned.slice(0, trailing.index) : cleaned)
    .replace(/<[^<>]*@[^<>]*>|<\s*>/g, '')
    .replace(EMAIL_RE, '')
    .replace(/["()]/g, '')
    .trim();
  if (!name) name = fallbackName.trim();
  if (emailsIn(name)[0] === email && email) name = '';
  return { name, email };
}

/** The set of the user's own addresses, lower-cased and de-duplicated. */
export function ownAddressSet(...lists: (string[] | undefined)[]): string[] {
  const all = lists.flatMap((l) => l ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@'));
  return [...new Set(all)];
}

/**
 * Puts messages in chronological order. Gmail lists oldest first; Outlook defaults to newest on
 * top. When the dates show the list runs backwards, reverse it (keeping undated ones in place
 * relative to their neighbours).
 */
export function chronological(messages: MailMessage[]): MailMessage[] {
  const dated = messages.filter((m) => m.date);
  if (dated.length < 2) return messages;
  const first = Date.parse(dated[0].date!);
  const last = Date.parse(dated[dated.length - 1].date!);
  return first > last ? [...messages].reverse() : messages;
}
