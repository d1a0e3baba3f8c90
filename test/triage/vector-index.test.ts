import { describe, expect, it } from 'vitest';
import { VectorIndex, bruteForceTopK, topK } from '../../lib/triage/vector-index';
import { seededRandom } from '../../lib/triage/softmax';

function unit(dim: number, random: () => number): Float32Array {
  const v = Float32Array.from({ length: dim }, () => random() * 2 - 1);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

describe('VectorIndex', () => {
  it.each([
    [8, 5, 1],
    [33, 300, 5],
    [512, 2500, 5],
  ])('finds the same top-k as brute force (dim %i, %i vectors, k %i)', (dim, n, k) => {
    const random = seededRandom(dim * n);
    const rows = Array.from({ length: n }, () => unit(dim, random));
    const index = new VectorIndex(dim, 4); // small capacity: exercises growth
    rows.forEach((r, i) => index.add(`v${i}`, r));
    for (let q = 0; q < 5; q++) {
      const query = unit(dim, random);
      const got = index.search(query, k);
      const want = bruteForceTopK(rows, query, k);
      expect(got.map((h) => h.index)).toEqual(want.map((h) => h.index));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score, 4));
    }
    expect(index.idAt(0)).toBe('v0');
  });

  it('rejects a vector of the wrong length', () => {
    expect(() => new VectorIndex(4).add('x', new Float32Array(3))).toThrow(/3 dims/);
  });

  it.each([
    [[3, 1, 2], 2, [0, 2]],
    [[1, 1, 1], 5, [0, 1, 2]],
    [[], 3, []],
  ])('topK(%j, %i) → indices %j', (scores, k, want) => {
    expect(topK(scores, k).map((h) => h.index)).toEqual(want);
  });
});
