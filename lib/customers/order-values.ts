/**
 * Amounts and dates as the exports write them. Pure, so every format shares one tested reading.
 */
import { quoted } from './order';

/**
 * A money amount: "$1,234.56", "€1.234,56", "1 234,56 €", "USD 12", "-3.00", "(3.00)".
 * The decimal separator is the last of "." and "," when both occur; a lone "," followed by one or
 * two digits is decimal ("12,50"), otherwise "," groups thousands ("1,234"). Returns undefined for
 * an empty cell and NaN for text that is not an amount, rather than the number some of it reads
 * as: "1O", "12abc", "1,2,3" and "1,2345" are NaN, not 1, 12, 123 and 12345.
 */
export function parseAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let s: string | undefined = text.trim();
  if (s === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true; // accounting notation
    s = s.slice(1, -1);
  }
  s = withoutAffixes(s);
  if (s?.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s?.startsWith('+')) {
    s = s.slice(1);
  }
  if (s !== undefined) s = withoutAffixes(s);
  const value = s === undefined ? Number.NaN : unsignedAmount(s);
  return negative ? -value : value;
}

/** A currency written against the digits: an ISO code ("USD12", "12EUR") or 元/円/圓 ("12元"). */
const CODE_AGAINST_DIGITS = /^(?:\p{Lu}{3}|[元円圓])$/u;

/**
 * The number without a currency code or symbol before or after it (never inside: "0x1F", "9x9").
 * Undefined when other letters touch the digits ("1O", "12abc"): a word must be set off by a space.
 */
function withoutAffixes(s: string): string | undefined {
  const before = /^[\p{L}\p{Sc}\s]+/u.exec(s)?.[0] ?? '';
  const after = /[\p{L}\p{Sc}\s]+$/u.exec(s.slice(before.length))?.[0] ?? '';
  const touching = [/\p{L}+$/u.exec(before)?.[0], /^\p{L}+/u.exec(after)?.[0]];
  if (touching.some((run) => run !== undefined && !CODE_AGAINST_DIGITS.test(run))) return undefined;
  return s.slice(before.length, s.length - after.length);
}

/**
 * Digits with separators. Spaces and apostrophes (NBSP, narrow NBSP, ’) group like the group
 * separator; groups are checked so that a stray separator is an error, not a different number:
 * 1–3 digits first, then 3 (or 2 before the last, as Indian lakh grouping writes "1,23,456").
 */
function unsignedAmount(s: string): number {
  const compact = s.replace(/[\s'’]/gu, '');
  if (!/^[\d.,]+$/.test(compact) || !/\d/.test(compact)) return Number.NaN;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimal: '.' | ',' | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) decimal = compact.split(',').length === 2 && compact.length - lastComma - 1 <= 2 ? ',' : undefined;
  else if (lastDot >= 0) decimal = compact.split('.').length === 2 ? '.' : undefined;
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : lastComma >= 0 ? ',' : '.';
  const at = decimal ? s.lastIndexOf(decimal) : s.length;
  const whole = s.slice(0, at);
  const fraction = decimal ? s.slice(at + 1) : '';
  if (decimal && !/^\d+$/.test(fraction)) return Number.NaN;
  const groups = whole.split(new RegExp(`[\\s'’${group === '.' ? '\\.' : ','}]`, 'u'));
  const grouped =
    groups.length === 1
      ? /^\d*$/.test(whole) && (whole !== '' || decimal !== undefined)
      : /^\d{1,3}$/.test(groups[0]) && /^\d{3}$/.test(groups.at(-1)!) && groups.slice(1, -1).every((g) => /^\d{2,3}$/.test(g));
  if (!grouped) return Number.NaN;
  const value = Number(`${groups.join('') || '0'}.${fraction || '0'}`);
  // Hundreds of digits overflow to Infinity, which no total can be.
  return Number.isFinite(value) ? value : Number.NaN;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate(); // knows leap years
  return day <= daysInMonth;
}

const ISO_LIKE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const DAY_FIRST_DOTS = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

export type DateResult = { ok: true; iso: string } | { ok: false; message: string };

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, offsetMinutes = 0): DateResult {
  if (!validDay(y, mo, d)) return { ok: false, message: `no such day ${y}-${mo}-${d}` };
  if (h > 23 || mi > 59 || s > 59) return { ok: false, message: 'time out of range' };
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
  return { ok: true, iso: new Date(time).toISOString() };
}

/**
 * A date as the exports write it, to an ISO string in UTC:
 * - "2024-03-05 14:22:10 +0100" (Shopify), "2024-03-05 14:22" / "2024-03-05 14:22:10" (Stripe,
 *   in UTC), "2024-03-05T14:22:10Z", "2024-03-05" (WooCommerce, plain);
 * - "05.03.2024" (day first, as German tools write it);
 * - "03/05/2024" only when unambiguous (one part above 12), or with `slashOrder`.
 * Without an offset the time is taken as UTC: the exports we read either state UTC or the
 * shop's own zone, and a few hours do not matter to yearly purchase frequency.
 */
export function parseOrderDate(text: string, slashOrder?: 'mdy' | 'dmy'): DateResult {
  const s = text.trim();
  let m = ISO_LIKE.exec(s);
  if (m) {
    let offset = 0;
    const zone = m[8]?.toUpperCase();
    if (zone && zone !== 'Z' && zone !== 'UTC' && zone !== 'GMT') {
      const digits = zone.replace(':', '');
      offset = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms, offset);
  }
  m = DAY_FIRST_DOTS.exec(s);
  if (m) return build(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = SLASHED.exec(s);
  if (m) {
    const [first, second] = [+m[1], +m[2]];
    const order = slashOrder ?? (first > 12 ? 'dmy' : second > 12 ? 'mdy' : undefined);
    if (!order) return { ok: false, message: `ambiguous date ${quoted(s)}: write it as YYYY-MM-DD` };
    let hour = +(m[4] ?? 0);
    const ampm = m[7]?.toUpperCase();
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    const [month, day] = order === 'mdy' ? [first, second] : [second, first];
    return build(+m[3], month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0));
  }
  return { ok: false, message: `unreadable date ${quoted(s)}` };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A lower-cased address, or undefined when the text is not one. */
export function normaliseEmail(text: string): string | undefined {
  const email = text.trim().replace(/^mailto:/i, '').toLowerCase();
  return EMAIL.test(email) ? email : undefined;
}
