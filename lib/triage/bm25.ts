import { hasCjk, stem, wordTokens } from './tokenize';

/**
 * Terms for BM25: stemmed words, and for Chinese the segmenter's words plus character bigrams
 * (a bigram index is the classic robust baseline for CJK search; words add precision).
 */
export function bm25Terms(text: string): string[] {
  const terms: string[] = [];
  for (const word of wordTokens(text)) {
    if (!hasCjk(word)) {
      terms.push(stem(word));
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

export interface Bm25Options {
  k1: number;
  b: number;
}

/** Okapi BM25 over a small collection, with an inverted index so a query touches only its postings. */
export class Bm25Index {
  private postings = new Map<string, Array<[doc: number, tf: number]>>();
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
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push([doc, n]);
      }
    });
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
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
      for (const [doc, tf] of list) {
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
