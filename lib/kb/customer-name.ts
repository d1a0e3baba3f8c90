/**
 * How to greet a customer, from the display name their mail client sends.
 *
 * Decisions (2025-11):
 * - Chinese, Japanese and Korean names are used whole for both `name` and `firstName`
 *   ("王小明" → "王小明", not "小明"): a shop writing to a stranger by the given name alone is
 *   over-familiar in Chinese, and compound surnames (欧阳, 司马) make splitting unreliable.
 * - "Last, First" (Outlook/Exchange directories) is turned around to "First Last".
 * - Titles (Dr., Mr., Frau …) are kept in `name` but never become `firstName`; a title with only
 *   a surname ("Herr Müller", "Dr. Smith") gives no `firstName`, so the fallback ("there") is used
 *   rather than "Hi Müller".
 * - Names in capitals or lower case only are title-cased ("JOHN SMITH" → "John Smith").
 * - Role names ("Support", "Customer Service"), addresses and handles ("ann_lee88") give nothing.
 */
export interface CustomerName {
  name?: string;
  firstName?: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;
const TITLE =
  /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|madam|dame|herr|frau|fr|hr|mme|mlle|m|sr|sra|dott|ing)\.?$/i;
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|ph\.d|md|mba|esq|msc|bsc|dds)\.?$/i;
const ROLE =
  /^(?:support|customer (?:service|support|care)|service|info|information|sales|team|admin|billing|orders?|shop|store|no-?reply|do not reply|mailer-daemon|postmaster)$/i;
const INITIAL = /^\p{L}\.?$/u;

function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function cleanDisplay(display: string): string {
  return display
    .replace(/^["'“”‘’\s]+|["'“”‘’\s]+$/g, '')
    .replace(/\s*[([（【][^)\]）】]*[)\]）】]\s*/g, ' ')
    .replace(/\s+via\s+.+$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function fromWords(words: string[]): CustomerName {
  const allOneCase = words.every((w) => w === w.toUpperCase()) || words.every((w) => w === w.toLowerCase());
  const cased = allOneCase ? words.map(titleCase) : words;
  const given = cased.filter((w) => !TITLE.test(w));
  const name = cased.join(' ');
  const hasTitle = given.length < cased.length;
  const first = given[0];
  if (!first || INITIAL.test(first) || (hasTitle && given.length < 2)) return { name };
  return { name, firstName: first };
}

export function parseCustomerName(display: string | undefined): CustomerName {
  const cleaned = cleanDisplay(display ?? '');
  if (cleaned === '' || cleaned.includes('@') || ROLE.test(cleaned)) return {};
  if (CJK.test(cleaned) && !LATIN.test(cleaned)) {
    const whole = cleaned.replace(/\s+/g, '');
    return { name: whole, firstName: whole };
  }
  // A handle such as "ann_lee88" or "ann.lee" is not a name to greet anyone by.
  if (!cleaned.includes(' ') && /[._\d]/.test(cleaned.replace(/\.$/, ''))) return {};
  const parts = cleaned.split(',').map((p) => p.trim()).filter(Boolean);
  let words: string[];
  if (parts.length === 2 && !SUFFIX.test(parts[1])) {
    words = [...parts[1].split(' '), ...parts[0].split(' ')];
  } else {
    words = parts.filter((p) => !SUFFIX.test(p)).join(' ').split(' ');
  }
  words = words.filter((w) => w !== '' && !SUFFIX.test(w));
  if (words.length === 0 || !words.some((w) => /\p{L}/u.test(w))) return {};
  return fromWords(words);
}
