/**
 * Exact top-k search over unit vectors (embeddings), in plain JS — no tfjs needed.
 *
 * The matrix is kept transposed, [dim × N] row-major: query component d scales one contiguous row
 * of N values, which V8 streams well. Columns are processed in blocks so the block's running scores
 * stay in L1 cache, and four dimensions are folded per pass to cut loads/stores of the scores.
 */

export interface Hit {
  index: number;
  score: number;
}

const BLOCK = 2048;

export class VectorIndex {
  readonly dim: number;
  private ids: string[] = [];
  /** [dim × capacity], row d holds component d of every stored vector. */
  private matrix: Float32Array;
  private capacity: number;

  constructor(dim: number, capacity = 256) {
    this.dim = dim;
    this.capacity = capacity;
    this.matrix = new Float32Array(dim * capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  idAt(index: number): string {
    return this.ids[index];
  }

  /** The transposed matrix and its row stride, for accelerated backends (see vector-index-tf.ts). */
  transposed(): { data: Float32Array; stride: number } {
    return { data: this.matrix, stride: this.capacity };
  }

  clear(): void {
    this.ids = [];
  }

  add(id: string, vector: Float32Array): void {
    if (vector.length !== this.dim) throw new Error(`vector has ${vector.length} dims, index has ${this.dim}`);
    if (this.ids.length === this.capacity) this.grow(this.capacity * 2);
    const j = this.ids.length;
    for (let d = 0; d < this.dim; d++) this.matrix[d * this.capacity + j] = vector[d];
    this.ids.push(id);
  }

  private grow(capacity: number): void {
    const next = new Float32Array(this.dim * capacity);
    for (let d = 0; d < this.dim; d++) {
      next.set(this.matrix.subarray(d * this.capacity, d * this.capacity + this.ids.length), d * capacity);
    }
    this.matrix = next;
    this.capacity = capacity;
  }

  /** Dot product of the query with every stored vector. */
  scores(query: Float32Array, out = new Float32Array(this.size)): Float32Array {
    const n = this.size;
    const m = this.matrix;
    const stride = this.capacity;
    const dim = this.dim;
    out.fill(0, 0, n);
    for (let start = 0; start < n; start += BLOCK) {
      const end = Math.min(n, start + BLOCK);
      let d = 0;
      for (; d + 4 <= dim; d += 4) {
        const q0 = query[d];
        const q1 = query[d + 1];
        const q2 = query[d + 2];
        const q3 = query[d + 3];
        const r0 = d * stride;
        const r1 = r0 + stride;
        const r2 = r1 + stride;
        const r3 = r2 + stride;
        for (let j = start; j < end; j++) {
          out[j] += q0 * m[r0 + j] + q1 * m[r1 + j] + q2 * m[r2 + j] + q3 * m[r3 + j];
        }
      }
      for (; d < dim; d++) {
        const q = query[d];
        const r = d * stride;
        for (let j = start; j < end; j++) out[j] += q * m[r + j];
      }
    }
    return out;
  }

  search(query: Float32Array, k: number): Hit[] {
    return topK(this.scores(query), k, this.size);
  }
}

/** The k largest of scores[0..n), best first (a sorted insertion buffer: k is small). */
export function topK(scores: ArrayLike<number>, k: number, n = scores.length): Hit[] {
  const best: Hit[] = [];
  for (let j = 0; j < n; j++) {
    const s = scores[j];
    if (best.length === k && s <= best[k - 1].score) continue;
    let i = best.length === k ? k - 1 : best.length;
    if (best.length < k) best.push({ index: j, score: s });
    while (i > 0 && best[i - 1].score < s) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = { index: j, score: s };
  }
  return best;
}

/** Reference: the plain loop over rows as stored (one dot product per vector), for tests and bench. */
export function bruteForceTopK(rows: Float32Array[], query: Float32Array, k: number): Hit[] {
  const scores = rows.map((row) => {
    let s = 0;
    for (let d = 0; d < row.length; d++) s += row[d] * query[d];
    return s;
  });
  return topK(scores, k);
}
