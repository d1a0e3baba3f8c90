/**
 * Amounts and dates as the exports write them. Pure, so every format shares one tested reading.
 */
import { quoted } from './order';

/**
 * A money amount: "$1,234.56", "€1.234,56", "1 234,56 €", "USD 12", "-3.00", "(3.00)".
 * The decimal separator is the last of "." and "," when both occur; a lone "," followed by one or
 * two digits is decimal ("12,50"), otherwise "," groups thousands ("1,234"). Returns undefined for
 * an empty cell and NaN for text that is not an amount.
 */
export function parseAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let s = text.trim();
  if (s === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true; // accounting notation
    s = s.slice(1, -1);
  }
  // A currency code or symbol before or after the number (and its sign), never inside it: "1O",
  // "0x1F" or "1e309" are not amounts. Inside, spaces (NBSP, narrow NBSP) and apostrophes group.
  const affixes = /^[\p{L}\p{Sc}\s]+|[\p{L}\p{Sc}\s]+$/gu;
  s = s.replace(affixes, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.replace(affixes, '').replace(/[\s'’]/gu, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return Number.NaN;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normalised = s.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    const commas = s.split(',').length - 1;
    const decimals = s.length - lastComma - 1;
    normalised = commas === 1 && decimals <= 2 ? s.replace(',', '.') : s.split(',').join('');
  } else {
    const dots = s.split('.').length - 1;
    normalised = dots > 1 ? s.split('.').join('') : s;
  }
  if (!/^\d+(\.\d+)?$/.test(normalised) && !/^\d*\.\d+$/.test(normalised)) return Number.NaN;
  const value = Number(normalised);
  // Hundreds of digits overflow to Infinity, which no total can be.
  if (!Number.isFinite(value)) return Number.NaN;
  return negative ? -value : value;
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
