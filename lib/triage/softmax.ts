import type { SparseVector } from './vectorize';

/**
 * Multinomial logistic regression over sparse vectors, trained with plain SGD and L2 weight decay.
 * Weights are feature-major ([feature][class]) so one sparse feature touches one contiguous row;
 * decay is applied through a global scale factor so each step costs O(nnz × classes), not O(model).
 */
export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = { epochs: 12, learningRate: 0.5, l2: 1e-5, seed: 1 };

export interface SoftmaxModel {
  numFeatures: number;
  numClasses: number;
  /** [numFeatures × numClasses], feature-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Deterministic PRNG (mulberry32), so training gives the same model in the browser and in Node. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainSoftmax(
  xs: SparseVector[],
  ys: Int32Array | number[],
  numFeatures: number,
  numClasses: number,
  opts: Partial<SoftmaxOptions> = {},
  sampleWeights?: Float32Array,
): SoftmaxModel {
  const o = { ...DEFAULT_SOFTMAX, ...opts };
  const C = numClasses;
  const v = new Float32Array(numFeatures * C);
  const bias = new Float32Array(C);
  const scores = new Float64Array(C);
  const order = Array.from(xs.keys());
  const random = seededRandom(o.seed);
  let scale = 1;
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const x = xs[n];
      const eta = o.learningRate / (1 + o.learningRate * o.l2 * t++);
      logits(v, bias, scale, x, C, scores);
      softmaxInPlace(scores, 1);
      scores[ys[n]] -= 1; // now the gradient of the loss w.r.t. each logit
      scale *= 1 - eta * o.l2;
      const sw = sampleWeights ? sampleWeights[n] : 1;
      const step = (eta * sw) / scale;
      for (let k = 0; k < x.idx.length; k++) {
        const row = x.idx[k] * C;
        const g = step * x.val[k];
        for (let c = 0; c < C; c++) v[row + c] -= g * scores[c];
      }
      for (let c = 0; c < C; c++) bias[c] -= eta * sw * scores[c];
      if (scale < 1e-6) {
        for (let k = 0; k < v.length; k++) v[k] *= scale;
        scale = 1;
      }
    }
  }
  if (scale !== 1) for (let k = 0; k < v.length; k++) v[k] *= scale;
  return { numFeatures, numClasses: C, weights: v, bias };
}

function logits(w: Float32Array, bias: Float32Array, scale: number, x: SparseVector, C: number, out: Float64Array) {
  out.fill(0);
  for (let k = 0; k < x.idx.length; k++) {
    const row = x.idx[k] * C;
    const xv = x.val[k];
    for (let c = 0; c < C; c++) out[c] += w[row + c] * xv;
  }
  for (let c = 0; c < C; c++) out[c] = out[c] * scale + bias[c];
}

/** Softmax of `scores / temperature`, in place (numerically stable). */
export function softmaxInPlace(scores: Float64Array | number[], temperature: number): void {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp((scores[c] - max) / temperature);
    sum += scores[c];
  }
  for (let c = 0; c < scores.length; c++) scores[c] /= sum;
}

/** Raw class scores (logits) of one vector. */
export function softmaxLogits(model: SoftmaxModel, x: SparseVector): Float64Array {
  const out = new Float64Array(model.numClasses);
  logits(model.weights, model.bias, 1, x, model.numClasses, out);
  return out;
}

/** Class probabilities of one vector at a given temperature (>1 softens overconfident models). */
export function softmaxPredict(model: SoftmaxModel, x: SparseVector, temperature = 1): Float64Array {
  const scores = softmaxLogits(model, x);
  softmaxInPlace(scores, temperature);
  return scores;
}
