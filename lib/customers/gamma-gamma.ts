/**
 * Gamma-Gamma model of monetary value (Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4);
 * Fader & Hardie, "The Gamma-Gamma model of monetary value", 2013).
 *
 * A customer's transaction values are Gamma(p, ν) around their own mean p/ν, and ν ~ Gamma(q, γ)
 * across customers. For x transactions with average value m (paper notation m_x):
 *
 *   ln L = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x)
 *
 * and the expected average value of that customer's future transactions is
 *
 *   E[M | m, x] = p (γ + m x) / (p x + q − 1)
 *
 * a weighted mean of the population mean pγ/(q−1) and the customer's own m. Fitted, as in the
 * note, on customers with at least one repeat transaction (x ≥ 1) and their repeat spend.
 */
import { logGamma } from './special-functions';
import { nelderMead } from './nelder-mead';

export interface SpendSummary {
  /** Number of transactions the average is over (≥ 1). */
  x: number;
  /** Average value of those transactions (> 0). */
  m: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
}

export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, { x, m }: SpendSummary): number {
  return (
    logGamma(p * x + q) -
    logGamma(p * x) -
    logGamma(q) +
    q * Math.log(gamma) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(gamma + m * x)
  );
}

/** Maximum likelihood over log(p, q, γ) by Nelder–Mead, restarted until it stops improving. */
export function fitGammaGamma(
  customers: readonly SpendSummary[],
  start: GammaGammaParams = { p: 1, q: 1, gamma: 1 },
): GammaGammaFit {
  const usable = customers.filter((c) => c.x >= 1 && c.m > 0);
  if (usable.length === 0) throw new RangeError('fitGammaGamma needs customers with x ≥ 1 and m > 0');
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });
  const objective = (v: number[]): number => {
    const params = toParams(v);
    let sum = 0;
    for (const c of usable) sum += gammaGammaLogLikelihood(params, c);
    return -sum / usable.length;
  };
  let point = [start.p, start.q, start.gamma].map(Math.log);
  let value = Number.POSITIVE_INFINITY;
  let converged = false;
  for (let round = 0; round < 10; round++) {
    const result = nelderMead(objective, point, { step: round === 0 ? 0.5 : 0.1, tolerance: 1e-12 });
    converged = result.converged;
    const improved = value - result.value;
    point = result.x;
    value = result.value;
    if (improved < 1e-10) break;
  }
  return { params: toParams(point), logLikelihood: -value * usable.length, converged };
}

/** E[M | m, x] (see module comment); with no transactions, the population mean pγ/(q−1). */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, { x, m }: SpendSummary): number {
  if (x <= 0) return q > 1 ? (p * gamma) / (q - 1) : Number.NaN;
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
