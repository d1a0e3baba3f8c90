import { hasCjk, stem, wordTokens } from './tokenize';

/**
 * Digit runs up to this long stay terms: error and product codes ("1000075", "10000P1") name one
 * article exactly; longer runs (card, phone, order numbers) collapse to "#".
 */
const CODE_DIGITS = 8;

/**
 * Terms for BM25: stemmed words, and for Chinese the segmenter's words plus character bigrams
 * (a bigram index is the classic robust baseline for CJK search; words add precision).
 */
export function bm25Terms(text: string): string[] {
  const terms: string[] = [];
  const words = wordTokens(text, CODE_DIGITS);
  const cjk = words.some(hasCjk);
  for (const word of words) {
    if (!hasCjk(word)) {
      terms.push(stem(word));
      // In Chinese text a Latin word is a name ("Samsung Pay", "POS", "IC"); a CJK word brings its
      // characters and bigrams too, so give the name its trigrams to weigh as much (and match "samsumg").
      if (cjk && word.length > 3) for (let i = 0; i + 3 <= word.length; i++) terms.push('~' + word.slice(i, i + 3));
      continue;
    }
    const chars = Array.from(word);
    if (chars.length > 1) terms.push(word);
    for (let i = 0; i < chars.length; i++) {
      terms.push(chars[i]);
      if (i + 1 < chars.length) terms.push(chars[i] + chars[i + 1]);
    }
  }
  return terms;
}

/**
 * Function words and politeness that every Chinese question carries (的, 吗, 请问, 我, 你们): in a
 * short example question they take a large share of the length and match everything a little.
 */
const STOP_TERMS = new Set(
  '的 了 吗 呢 吧 啊 呀 么 我 你 您 们 请 问 请问 一下 是 在 有 和 与 这 那 就 都 也 还 我的 你们 怎么 如何 什么 可以 能 要 想 是否 为'.split(' '),
);

/** The terms without CJK stop terms (Latin words are left to idf: they were stemmed, not listed). */
export function contentTerms(terms: string[]): string[] {
  return terms.filter((t) => !STOP_TERMS.has(t));
}

export interface Bm25Options {
  k1: number;
  b: number;
}

/** Okapi BM25 over a small collection, with an inverted index so a query touches only its postings. */
export class Bm25Index {
  /** Postings as parallel number lists (no tuple or Map per document: a 10,000-article build made millions). */
  private postings = new Map<string, { docs: number[]; tfs: number[] }>();
  private lengths: number[] = [];
  private avgLength = 1;
  constructor(private readonly options: Bm25Options = { k1: 1.2, b: 0.75 }) {}

  get size(): number {
    return this.lengths.length;
  }

  /** Index documents given as term lists; replaces what was indexed before. */
  build(docs: string[][]): void {
    this.postings = new Map();
    this.lengths = docs.map((d) => d.length);
    this.avgLength = Math.max(1, this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length));
    docs.forEach((terms, doc) => {
      for (const t of terms) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = { docs: [], tfs: [] }));
        // Documents arrive in order, so this document's posting, if any, is the last one.
        const last = list.docs.length - 1;
        if (last >= 0 && list.docs[last] === doc) list.tfs[last]++;
        else list.docs.push(doc), list.tfs.push(1);
      }
    });
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    const n = this.lengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** BM25 score of every document for the query terms (repeated query terms count once). */
  score(queryTerms: string[]): Float64Array {
    const scores = new Float64Array(this.lengths.length);
    const { k1, b } = this.options;
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let k = 0; k < list.docs.length; k++) {
        const doc = list.docs[k];
        const tf = list.tfs[k];
        const norm = k1 * (1 - b + (b * this.lengths[doc]) / this.avgLength);
        scores[doc] += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }

  /** The score a document made of exactly the query would get: an upper bound used to normalise to 0…1. */
  selfScore(queryTerms: string[]): number {
    const { k1 } = this.options;
    let sum = 0;
    for (const term of new Set(queryTerms)) sum += (this.idf(term) * (k1 + 1)) / (1 + k1);
    return sum;
  }
}
