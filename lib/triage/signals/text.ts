/**
 * Text preparation and cue matching shared by every signal.
 *
 * All cue patterns are written against `foldText` output: NFKC (full-width → ASCII), lower case,
 * typographic quotes/dashes made plain, and German umlauts/ß spelt out (ä → ae, ß → ss), so one
 * pattern matches "Kündigung", "Kuendigung" and "KÜNDIGUNG" alike.
 */

export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}

// A reply quoting the earlier thread must not be judged by the quoted text (our own polite
// "thanks for your patience" would otherwise read as the customer's praise).
const QUOTE_HEADER =
  /^(?:on .{4,120} wrote:|am .{4,120} schrieb .{0,80}:|-{2,} ?(?:original message|urspruengliche nachricht|ursprüngliche nachricht) ?-{2,}|(?:from|von|发件人)\s*[:：].{0,200}$|在.{4,80}写道[:：])/im;

export function stripQuoted(text: string): string {
  const header = QUOTE_HEADER.exec(text);
  const head = header ? text.slice(0, header.index) : text;
  return head
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

/** Sentences (and lines): a cue's co-occurrence and veto patterns only look inside one. */
export function splitSentences(folded: string): string[] {
  return folded
    .split(/[!?\n。！？；;]+|\.(?!\d)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface Cue<Code extends string = string> {
  code: Code;
  /** The cue itself, over one folded sentence. */
  re: RegExp;
  /** Co-occurrence: the same sentence must also match this. */
  with?: RegExp;
  /** Co-occurrence anywhere in the mail (e.g. "cancel" … "25 seats"). */
  withInMail?: RegExp;
  /** Veto: a sentence matching this does not count ("arrived today" is no deadline). */
  unless?: RegExp;
  /** Veto on the match and the few characters after it ("没收到退款" is no lost parcel). */
  vetoNear?: RegExp;
  /** A negation next to the match cancels it ("not urgent", "不急", "eilt nicht"). */
  negatable?: boolean;
  /** Cue is itself a complaint (e.g. "still no answer"); sentiment counts it. */
  complaint?: boolean;
}

// Negators shortly before the match: up to two words in en/de, up to three characters in zh,
// never across a comma (", not" starts a new thought).
const NEG_BEFORE =
  /(?:\b(?:not|no|never|isn't|aren't|wasn't|don't|doesn't|didn't|without|nicht|kein\w*|ohne|nie)\b(?:\s+[^\s,]+){0,2}\s*$)|(?:(?:[不没无别非勿]|无需|无须)[^，,。\s]{0,3}$)/;
const NEG_AFTER = /^\s*(?:[a-z]+\s+)?(?:nicht|not)\b|^\s*(?:ueberhaupt|gar)\s+nicht\b/;

export function isNegated(sentence: string, start: number, end: number): boolean {
  // The negator must be in the same sentence, also when `sentence` is a whole text.
  const before = sentence.slice(Math.max(0, start - 30), start).split(/[.!?\n。！？;；]/).pop() ?? '';
  return NEG_BEFORE.test(before) || NEG_AFTER.test(sentence.slice(end, end + 24));
}

export interface CueHit<Code extends string> {
  cue: Cue<Code>;
  sentence: string;
}

/** Every cue that fires in the mail, at most once per cue. */
export function findCues<Code extends string>(
  cues: readonly Cue<Code>[],
  sentences: readonly string[],
  whole: string,
): CueHit<Code>[] {
  const hits: CueHit<Code>[] = [];
  for (const cue of cues) {
    // Cheap pre-check on the whole mail first: most cues match nowhere.
    if (!cue.re.test(whole) || (cue.withInMail && !cue.withInMail.test(whole))) continue;
    for (const sentence of sentences) {
      if (cueFires(cue, sentence)) {
        hits.push({ cue, sentence });
        break;
      }
    }
  }
  return hits;
}

// matchAll needs the `g` flag; compiled once per pattern, not per mail.
const globalCache = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalCache.set(re, g);
  }
  return g;
}

function cueFires(cue: Cue, sentence: string): boolean {
  if (cue.with && !cue.with.test(sentence)) return false;
  if (cue.unless && cue.unless.test(sentence)) return false;
  if (!cue.negatable && !cue.vetoNear) return cue.re.test(sentence);
  for (const m of sentence.matchAll(globalOf(cue.re))) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (cue.vetoNear && cue.vetoNear.test(sentence.slice(start, end + 12))) continue;
    if (!cue.negatable || !isNegated(sentence, start, end)) return true;
  }
  return false;
}
