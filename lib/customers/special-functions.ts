/**
 * Special functions the purchase models need (log-gamma, log-beta, Gauss hypergeometric 2F1).
 * Written here because the extension must fit its models offline, without a numerics library.
 */

// Lanczos approximation, g = 7, nine coefficients (Numerical Recipes / Godfrey): about 15
// significant digits for x > 0, which is ample for likelihoods summed over thousands of customers.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (reflection formula below 0.5 keeps the series accurate near 0). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) by its power series Σ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ, for 0 ≤ z < 1.
 * BG/NBD only evaluates it at z = t/(α+T+t) < 1, where the series converges; we stop when a term
 * no longer changes the sum, or after a generous number of terms (z close to 1 converges slowly).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (z < 0 || z >= 1) throw new RangeError(`hyp2f1 needs 0 ≤ z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) break;
  }
  return sum;
}
