/**
 * Localized mail dates → ISO 8601.
 *
 * Gmail's `.g3[title]` and Outlook's `SentReceivedSavedTime` show the date in the UI language and
 * the browser's time zone, with no offset (mail-dom.md §6.7). We read the calendar parts and turn
 * them into an instant in the page's own time zone, which is the zone the app rendered them in.
 */

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Month names as they appear in en and de titles (full and abbreviated); keys are lower-case,
// without the trailing dot. "mär"/"maerz" cover the umlaut-less spellings some fonts/agents use.
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januar: 1, jän: 1, jänner: 1,
  feb: 2, february: 2, februar: 2,
  mar: 3, march: 3, mär: 3, märz: 3, mrz: 3, maerz: 3,
  apr: 4, april: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6,
  jul: 7, july: 7, juli: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, okt: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, december: 12, dez: 12, dezember: 12,
};

const LETTERS = 'A-Za-zÄÖÜäöüé';

type DateMatch = { year: number; month: number; day: number; rest: string };

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** Finds the calendar date in a localized string; returns the string with the date removed. */
function findDate(s: string): DateMatch | undefined {
  const cut = (m: RegExpExecArray) => s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length);
  let m: RegExpExecArray | null;
  // zh / ja: 2026年5月4日
  if ((m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s))) {
    return { year: +m[1], month: +m[2], day: +m[3], rest: cut(m) };
  }
  // ISO-like, also Outlook zh "2026/5/4"
  if ((m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(s))) {
    return { year: +m[1], month: +m[2], day: +m[3], rest: cut(m) };
  }
  // de numeric: 04.05.2026
  if ((m = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/.exec(s))) {
    return { year: +m[3], month: +m[2], day: +m[1], rest: cut(m) };
  }
  // en numeric: 5/4/2026 is US order; a first number above 12 can only be a day (en-GB).
  if ((m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(s))) {
    const a = +m[1];
    const b = +m[2];
    return a > 12 ? { year: +m[3], month: b, day: a, rest: cut(m) } : { year: +m[3], month: a, day: b, rest: cut(m) };
  }
  // en-US: "Dec 18, 2014" / "May 4, 2026"
  const mdy = new RegExp(`([${LETTERS}]{3,}\\.?)\\s+(\\d{1,2}),?\\s+(\\d{4})`);
  if ((m = mdy.exec(s)) && monthNumber(m[1])) {
    return { year: +m[3], month: monthNumber(m[1])!, day: +m[2], rest: cut(m) };
  }
  // de / en-GB: "4. Mai 2026", "4 May 2026"
  const dmy = new RegExp(`(\\d{1,2})\\.?\\s+([${LETTERS}]{3,}\\.?)\\s+(\\d{4})`);
  if ((m = dmy.exec(s)) && monthNumber(m[2])) {
    return { year: +m[3], month: monthNumber(m[2])!, day: +m[1], rest: cut(m) };
  }
  return undefined;
}

/** Finds the time of day: 24-hour, AM/PM, or the zh day-period prefixes (上午/下午 …). */
function findTime(s: string): { hour: number; minute: number } | undefined {
  const m = /(上午|下午|中午|晚上|凌晨|早上|午前|午後)?\s*(\d{1,2})[:：](\d{2})(?::\d{2})?(?:\s*([AaPp])\.?\s?[Mm]\b\.?)?/.exec(s);
  if (!m) return undefined;
  let hour = +m[2];
  const minute = +m[3];
  const zhPeriod = m[1];
  const pm = m[4] ? m[4].toLowerCase() === 'p' : undefined;
  if (pm !== undefined) {
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  } else if (zhPeriod) {
    // 下午/晚上/午後 are after noon; 中午 12:xx stays, 中午 1:xx is 13:xx.
    if ((zhPeriod === '下午' || zhPeriod === '晚上' || zhPeriod === '午後') && hour < 12) hour += 12;
    if (zhPeriod === '中午' && hour < 11) hour += 12;
    if ((zhPeriod === '凌晨' || zhPeriod === '上午' || zhPeriod === '早上' || zhPeriod === '午前') && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/**
 * Reads the calendar parts of a localized date-time string, or undefined when it has no full
 * date (e.g. Gmail's visible "10:08 AM (2 hours ago)" or Outlook's "Mon 10:08").
 */
export function parseMailDateParts(text: string): DateParts | undefined {
  // Chrome's ICU puts U+202F / U+00A0 before AM/PM and inside dates.
  const s = text.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (!s) return undefined;
  const date = findDate(s);
  if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return undefined;
  const time = findTime(date.rest) ?? { hour: 0, minute: 0 };
  return { year: date.year, month: date.month, day: date.day, ...time };
}

/** The instant of the given wall-clock parts in the runtime's time zone, as ISO 8601 (UTC). */
export function partsToIso(p: DateParts): string {
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute).toISOString();
}

/** Localized date-time string → ISO 8601, or undefined when it cannot be read. */
export function parseMailDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const parts = parseMailDateParts(text);
  return parts ? partsToIso(parts) : undefined;
}
