/**
 * Text → lexical features, the same in the browser and in Node (no Node APIs here).
 *
 * Why these features: word n-grams carry intent ("cancel order"), character n-grams inside words
 * survive typos and inflection ("cancdling", "canceling"), and Chinese has no spaces, so CJK runs
 * are cut with Intl.Segmenter (ICU dictionary) and also into character 1–2-grams, which keeps
 * working when the dictionary splits a domain term differently.
 */

/** A CJK ideograph or kana/hangul character; such runs get segmenter words + char n-grams. */
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const TOKEN_RUN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/gu;

let segmenter: Intl.Segmenter | undefined;
function cjkSegmenter(): Intl.Segmenter | undefined {
  // Built lazily: constructing one costs ~1 ms, and runtimes without full ICU may not have it.
  if (segmenter === undefined && typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  }
  return segmenter;
}

/**
 * NFKC (full-width → ASCII, compatibility forms), lower case, digit runs longer than `keepDigits`
 * collapsed to "#" (order numbers and amounts are noise to a classifier; a search index keeps
 * error codes such as "1000075" by passing a larger value).
 */
export function normalizeText(text: string, keepDigits = 3): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\d+/g, (d) => (d.length > keepDigits ? '#' : d));
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Word tokens: Latin/Cyrillic/… words as they are, CJK runs split by the ICU word segmenter. */
export function wordTokens(text: string, keepDigits = 3): string[] {
  const norm = normalizeText(text, keepDigits);
  const out: string[] = [];
  for (const match of norm.matchAll(TOKEN_RUN)) {
    const run = match[0].replace('’', "'");
    if (!hasCjk(run)) {
      out.push(run);
      continue;
    }
    // A run can mix CJK with Latin ("pos机"): split it so each part is tokenised its own way.
    let last = 0;
    for (const cjk of run.matchAll(CJK_RUN)) {
      const start = cjk.index ?? 0;
      if (start > last) out.push(run.slice(last, start));
      out.push(...segmentCjk(cjk[0]));
      last = start + cjk[0].length;
    }
    if (last < run.length) out.push(run.slice(last));
  }
  return out;
}

function segmentCjk(run: string): string[] {
  const seg = cjkSegmenter();
  if (!seg) return Array.from(run);
  const words: string[] = [];
  for (const part of seg.segment(run)) if (part.isWordLike) words.push(part.segment);
  return words;
}

/**
 * A light English suffix stripper (not Porter: just the inflections that split intents apart in
 * support mail — "refunds/refunded/refunding", "cancelled/canceling").
 */
export function stem(word: string): string {
  if (word.length <= 4 || hasCjk(word)) return word;
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 5) return w.slice(0, -3) + 'y';
  for (const suffix of ['ingly', 'ing', 'edly', 'ed', 'ly', 'es', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "cancell" (from cancelled) and "cancel" should meet; "stopp" → "stop".
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiou]/.test(w[w.length - 1])) {
    w = w.slice(0, -1);
  }
  return w;
}

export interface FeatureConfig {
  /** Word n-gram orders, e.g. [1, 2]. Words are stemmed. */
  wordNgrams: number[];
  /** Character n-gram orders inside words padded with spaces (Latin scripts), e.g. [2,3,4,5]. */
  charNgrams: number[];
  /** Character n-gram orders over CJK runs, e.g. [1, 2, 3]. */
  cjkNgrams: number[];
  /** Digit runs up to this long stay as they are, longer ones become "#" (see normalizeText). */
  keepDigits?: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  wordNgrams: [1, 2],
  charNgrams: [2, 3, 4, 5],
  cjkNgrams: [1, 2, 3],
};

/** Feature group of a key, from its prefix: the vectoriser normalises each group on its own. */
export type FeatureGroup = 'w' | 'c';

/**
 * Count the features of one text. Keys are prefixed by kind ("w:" words, "c:" characters) so the
 * vectoriser can weight the groups separately.
 */
export function extractFeatures(text: string, config: FeatureConfig = DEFAULT_FEATURES): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const raw = wordTokens(text, config.keepDigits);
  const words = raw.map(stem);
  for (const n of config.wordNgrams) {
    for (let i = 0; i + n <= words.length; i++) add('w:' + words.slice(i, i + n).join(' '));
  }
  for (const word of raw) {
    if (hasCjk(word)) continue;
    const padded = ' ' + word + ' ';
    for (const n of config.charNgrams) {
      if (padded.length < n) continue;
      for (let i = 0; i + n <= padded.length; i++) add('c:' + padded.slice(i, i + n));
    }
  }
  for (const match of normalizeText(text, config.keepDigits).matchAll(CJK_RUN)) {
    const chars = Array.from(match[0]);
    for (const n of config.cjkNgrams) {
      for (let i = 0; i + n <= chars.length; i++) add('c:' + chars.slice(i, i + n).join(''));
    }
  }
  return counts;
}
