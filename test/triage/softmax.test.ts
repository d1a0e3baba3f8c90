import { describe, expect, it } from 'vitest';
import { seededRandom, softmaxPredict, trainSoftmax } from '../../lib/triage/softmax';
import { LexicalRetriever } from '../../lib/triage/retriever';
import type { SparseVector } from '../../lib/triage/vectorize';

/**
 * `classes` classes, `perClass` noisy examples each: every class owns 3 features of its own and
 * every example also carries 4 features drawn from a pool all classes share (the "the", "please"
 * of real text), so a class is told apart only by learning which features are its own.
 */
function manyClasses(classes: number, perClass: number, seed = 5): { xs: SparseVector[]; ys: number[]; features: number } {
  const random = seededRandom(seed);
  const shared = 40;
  const xs: SparseVector[] = [];
  const ys: number[] = [];
  for (let c = 0; c < classes; c++) {
    for (let e = 0; e < perClass; e++) {
      const own = [0, 1, 2].filter(() => random() < 0.7).map((k) => shared + c * 3 + k);
      if (own.length === 0) own.push(shared + c * 3);
      const common = Array.from({ length: 4 }, () => Math.floor(random() * shared));
      const idx = [...new Set([...own, ...common])];
      xs.push({ idx: Int32Array.from(idx), val: Float32Array.from(idx, () => 1 / Math.sqrt(idx.length)) });
      ys.push(c);
    }
  }
  return { xs, ys, features: shared + classes * 3 };
}

function accuracy(model: ReturnType<typeof trainSoftmax>, xs: SparseVector[], ys: number[]): number {
  let right = 0;
  xs.forEach((x, i) => {
    const p = softmaxPredict(model, x);
    if (p.indexOf(Math.max(...p)) === ys[i]) right++;
  });
  return right / xs.length;
}

describe('trainSoftmax with sampled negatives', () => {
  const train = manyClasses(300, 4);
  const test = manyClasses(300, 2, 9);

  it('still tells 300 classes apart, scoring only the own class block and a few sampled blocks per step', () => {
    const sampled = trainSoftmax(train.xs, train.ys, train.features, 300, { negatives: 32 });
    expect(accuracy(sampled, test.xs, test.ys)).toBeGreaterThan(0.75); // chance: 1 in 300
  });

  it('ranks about as well as the exact gradient over every class', () => {
    const exact = trainSoftmax(train.xs, train.ys, train.features, 300, { negatives: 0 });
    const sampled = trainSoftmax(train.xs, train.ys, train.features, 300, { negatives: 32 });
    expect(accuracy(sampled, test.xs, test.ys)).toBeGreaterThanOrEqual(accuracy(exact, test.xs, test.ys) - 0.03);
  });

  it('keeps probabilities of a full softmax: the right class gets most of the mass on its own features', () => {
    const sampled = trainSoftmax(train.xs, train.ys, train.features, 300, { negatives: 32 });
    const ownFeatures: SparseVector = { idx: Int32Array.of(40 + 7 * 3, 40 + 7 * 3 + 1, 40 + 7 * 3 + 2), val: Float32Array.of(0.577, 0.577, 0.577) };
    const p = softmaxPredict(sampled, ownFeatures);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[7]).toBeGreaterThan(0.5);
  });

  it('trains exactly like the full softmax when the sample would cover every class', () => {
    const few = manyClasses(20, 4);
    const exact = trainSoftmax(few.xs, few.ys, few.features, 20, { negatives: 0 });
    const sampled = trainSoftmax(few.xs, few.ys, few.features, 20, { negatives: 32 });
    expect(Array.from(sampled.weights)).toEqual(Array.from(exact.weights));
  });

  it('trains to the same model every time (seeded)', () => {
    const a = trainSoftmax(train.xs, train.ys, train.features, 300, { negatives: 32 });
    const b = trainSoftmax(train.xs, train.ys, train.features, 300, { negatives: 32 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });
});

describe('LexicalRetriever softmax options', () => {
  it('keeps the default sampled negatives when a caller changes other training settings', () => {
    expect(new LexicalRetriever({ softmax: { epochs: 3 } }).options.softmax).toMatchObject({ epochs: 3, negatives: 64 });
  });
});
