import { describe, expect, it } from 'vitest';
import { VectorIndex, bruteForceTopK } from '../../lib/triage/vector-index';
import { WasmVectorSearch } from '../../lib/triage/vector-index-wasm';
import { seededRandom } from '../../lib/triage/softmax';

function unit(dim: number, random: () => number): Float32Array {
  const v = Float32Array.from({ length: dim }, () => random() * 2 - 1);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

describe('WasmVectorSearch (int8 SIMD shortlist, exact re-ranking)', () => {
  it.each([
    [16, 3, 5],
    [64, 200, 1],
    [512, 2000, 5],
  ])('returns the brute-force top-k with exact scores (dim %i, %i vectors, k %i)', (dim, n, k) => {
    const random = seededRandom(dim + n);
    const rows = Array.from({ length: n }, () => unit(dim, random));
    const index = new VectorIndex(dim, 8);
    rows.forEach((r, i) => index.add(`v${i}`, r));
    const search = WasmVectorSearch.create(index);
    expect(search).toBeDefined();
    for (let q = 0; q < 10; q++) {
      const query = unit(dim, random);
      const got = search?.search(query, k) ?? [];
      const want = bruteForceTopK(rows, query, k);
      expect(got.map((h) => h.index)).toEqual(want.map((h) => h.index));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score, 5));
    }
  });

  it('declines dimensions the kernel cannot stride (not a multiple of 16)', () => {
    const index = new VectorIndex(10);
    index.add('a', new Float32Array(10).fill(0.1));
    expect(WasmVectorSearch.create(index)).toBeUndefined();
  });

  it('returns nothing for an empty index or k = 0', () => {
    const index = new VectorIndex(16);
    expect(WasmVectorSearch.create(index)?.search(new Float32Array(16), 5)).toEqual([]);
    index.add('a', new Float32Array(16).fill(0.25));
    expect(WasmVectorSearch.create(index)?.search(new Float32Array(16).fill(0.25), 0)).toEqual([]);
  });
});
