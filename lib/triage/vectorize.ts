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
    // Each text's features become ids at once (first-seen order, as before), so one Map of keys lives
    // across the pass instead of one Map per text: garbage collection was a fifth of a 10,000-article build.
    const ids = new Map<string, number>();
    const keys: string[] = [];
    const df: number[] = [];
    const rows = texts.map((text) => {
      const counts = extractFeatures(text, this.options.features);
      const idx = new Int32Array(counts.size);
      const tf = new Float32Array(counts.size);
      let k = 0;
      for (const [key, count] of counts) {
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = keys.length)), keys.push(key), df.push(0);
        df[id]++;
        idx[k] = id;
        tf[k++] = count;
      }
      return { idx, tf };
    });
    this.vocab = new Map();
    const vocabOf = new Int32Array(keys.length).fill(-1);
    const idf: number[] = [];
    const isWord: number[] = [];
    const n = texts.length;
    keys.forEach((key, id) => {
      if (df[id] < this.options.minDf) return;
      vocabOf[id] = idf.length;
      this.vocab.set(key, idf.length);
      idf.push(Math.log((1 + n) / (1 + df[id])) + 1);
      isWord.push(key.startsWith('w:') ? 1 : 0);
    });
    this.idf = Float32Array.from(idf);
    this.isWord = Uint8Array.from(isWord);
    return rows.map(({ idx, tf }) => {
      const kept: number[] = [];
      const counts: number[] = [];
      for (let k = 0; k < idx.length; k++) if (vocabOf[idx[k]] >= 0) kept.push(vocabOf[idx[k]]), counts.push(tf[k]);
      return this.weigh(kept, counts);
    });
  }

  transform(text: string): SparseVector {
    const kept: number[] = [];
    const counts: number[] = [];
    for (const [key, count] of extractFeatures(text, this.options.features)) {
      const i = this.vocab.get(key);
      if (i !== undefined) kept.push(i), counts.push(count);
    }
    return this.weigh(kept, counts);
  }

  /** Sublinear tf × idf, then each feature group scaled to its weight's length. */
  private weigh(idx: number[], counts: number[]): SparseVector {
    const raw = new Float64Array(idx.length);
    let wordNorm = 0;
    let charNorm = 0;
    for (let k = 0; k < idx.length; k++) {
      const v = (1 + Math.log(counts[k])) * this.idf[idx[k]];
      raw[k] = v;
      if (this.isWord[idx[k]]) wordNorm += v * v;
      else charNorm += v * v;
    }
    const ws = wordNorm > 0 ? this.options.wordWeight / Math.sqrt(wordNorm) : 0;
    const cs = charNorm > 0 ? this.options.charWeight / Math.sqrt(charNorm) : 0;
    const val = new Float32Array(idx.length);
    for (let k = 0; k < val.length; k++) val[k] = raw[k] * (this.isWord[idx[k]] ? ws : cs);
    return { idx: Int32Array.from(idx), val };
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
