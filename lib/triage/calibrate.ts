import { softmaxInPlace } from './softmax';

/** Mean negative log-likelihood of the gold classes under softmax(logits / temperature). */
export function meanNll(logits: Float64Array[], gold: number[], temperature: number): number {
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = Float64Array.from(logits[i]);
    softmaxInPlace(p, temperature);
    sum -= Math.log(Math.max(p[gold[i]], 1e-12));
  }
  return sum / Math.max(1, logits.length);
}

/**
 * Temperature scaling (Guo et al. 2017): the one scalar T minimising held-out NLL. The NLL is
 * unimodal in log T, so a golden-section search over T ∈ [0.05, 20] finds it in ~30 evaluations.
 */
export function fitTemperature(logits: Float64Array[], gold: number[]): number {
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = meanNll(logits, gold, Math.exp(a));
  let fb = meanNll(logits, gold, Math.exp(b));
  for (let i = 0; i < 30; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = meanNll(logits, gold, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = meanNll(logits, gold, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
