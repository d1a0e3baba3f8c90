import type { SparseVector } from './vectorize';

/**
 * Inverted index of L2-normalised sparse vectors: cosine similarity of a query against every
 * stored vector, touching only the postings of the query's features.
 */
export class SparseIndex {
  private postings = new Map<number, { docs: number[]; vals: number[] }>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a vector; returns its position (positions are dense, in insertion order). */
  add(vector: SparseVector): number {
    const doc = this.count++;
    for (let k = 0; k < vector.idx.length; k++) {
      let list = this.postings.get(vector.idx[k]);
      if (!list) this.postings.set(vector.idx[k], (list = { docs: [], vals: [] }));
      list.docs.push(doc);
      list.vals.push(vector.val[k]);
    }
    return doc;
  }

  /** Dot products with every stored vector (cosine when both sides are unit length). */
  similarities(query: SparseVector): Float64Array {
    const out = new Float64Array(this.count);
    for (let k = 0; k < query.idx.length; k++) {
      const list = this.postings.get(query.idx[k]);
      if (!list) continue;
      const q = query.val[k];
      for (let j = 0; j < list.docs.length; j++) out[list.docs[j]] += q * list.vals[j];
    }
    return out;
  }
}

/** Euclidean norm of a sparse vector. */
export function sparseNorm(v: SparseVector): number {
  let s = 0;
  for (let k = 0; k < v.val.length; k++) s += v.val[k] * v.val[k];
  return Math.sqrt(s);
}

/** The same vector scaled to unit length (unchanged when it is all zeros). */
export function unitSparse(v: SparseVector): SparseVector {
  const n = sparseNorm(v);
  if (n === 0) return v;
  const val = new Float32Array(v.val.length);
  for (let k = 0; k < val.length; k++) val[k] = v.val[k] / n;
  return { idx: v.idx, val };
}
