import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig } from './tokenize';

/** A sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface VectorizerOptions {
  features: FeatureConfig;
  /** Features seen in fewer documents than this are dropped (noise, and a smaller model). */
  minDf: number;
  /** Weight of the word group vs the character group after each is L2-normalised on its own. */
  wordWeight: number;
  charWeight: number;
}

export const DEFAULT_VECTORIZER: VectorizerOptions = {
  features: DEFAULT_FEATURES,
  minDf: 1,
  wordWeight: 1,
  charWeight: 1,
};

/**
 * TF-IDF with sublinear tf; the word and character groups are normalised separately so the many
 * character n-grams do not drown the few word features. Fitted once; unseen features are ignored.
 */
export class TfidfVectorizer {
  readonly options: VectorizerOptions;
  private vocab = new Map<string, number>();
  private idf = new Float32Array(0);
  private isWord = new Uint8Array(0);

  constructor(options: Partial<VectorizerOptions> = {}) {
    this.options = { ...DEFAULT_VECTORIZER, ...options };
  }

  get size(): number {
    return this.vocab.size;
  }

  /** Learn the vocabulary and idf from `texts`; returns their vectors (saves a second pass). */
  fit(texts: string[]): SparseVector[] {
    const counted = texts.map((t) => extractFeatures(t, this.options.features));
    const df = new Map<string, number>();
    for (const counts of counted) for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    this.vocab = new Map();
    const idf: number[] = [];
    const isWord: number[] = [];
    const n = texts.length;
    for (const [key, d] of df) {
      if (d < this.options.minDf) continue;
      this.vocab.set(key, idf.length);
      idf.push(Math.log((1 + n) / (1 + d)) + 1);
      isWord.push(key.startsWith('w:') ? 1 : 0);
    }
    this.idf = Float32Array.from(idf);
    this.isWord = Uint8Array.from(isWord);
    return counted.map((c) => this.weigh(c));
  }

  transform(text: string): SparseVector {
    return this.weigh(extractFeatures(text, this.options.features));
  }

  private weigh(counts: Map<string, number>): SparseVector {
    const idx: number[] = [];
    const val: number[] = [];
    let wordNorm = 0;
    let charNorm = 0;
    for (const [key, count] of counts) {
      const i = this.vocab.get(key);
      if (i === undefined) continue;
      const v = (1 + Math.log(count)) * this.idf[i];
      idx.push(i);
      val.push(v);
      if (this.isWord[i]) wordNorm += v * v;
      else charNorm += v * v;
    }
    const ws = wordNorm > 0 ? this.options.wordWeight / Math.sqrt(wordNorm) : 0;
    const cs = charNorm > 0 ? this.options.charWeight / Math.sqrt(charNorm) : 0;
    const out = new Float32Array(val.length);
    for (let k = 0; k < val.length; k++) out[k] = val[k] * (this.isWord[idx[k]] ? ws : cs);
    return { idx: Int32Array.from(idx), val: out };
  }
}

/** Dot product of two sparse vectors whose indices are not sorted (uses a scratch map). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.idx.length <= b.idx.length ? [a, b] : [b, a];
  const pos = new Map<number, number>();
  for (let k = 0; k < small.idx.length; k++) pos.set(small.idx[k], small.val[k]);
  let sum = 0;
  for (let k = 0; k < large.idx.length; k++) {
    const v = pos.get(large.idx[k]);
    if (v !== undefined) sum += v * large.val[k];
  }
  return sum;
}
