/**
 * Customer behaviour (the method article's 客户行为分析): the BG/NBD model of Fader, Hardie & Lee
 * (2005), "Counting your customers the easy way", Marketing Science 24(2) 275–284.
 *
 * Per customer we observe x repeat purchases, the time t_x of the last one and the time T since
 * the first one (all in the same unit, e.g. weeks). While alive, a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). The likelihood of one customer (eq. 6 of the paper) is
 *
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 *
 * which we take in logs as A1 + A2 + ln(e^A3 + [x>0] e^A4) to stay finite for large x.
 */
import { hyp2f1, logGamma } from './special-functions';
import { nelderMead } from './nelder-mead';

/** One customer's purchase history summary: repeat purchases x, recency t_x, age T. */
export interface Rft {
  x: number;
  tx: number;
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Total log-likelihood at the fitted parameters. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** ln L for one customer (see the module comment). */
export function bgNbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rft): number {
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(a3, a4);
  return a1 + a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
}

/**
 * Maximum-likelihood fit: Nelder–Mead on the logs of (r, α, a, b), which keeps every parameter
 * positive without constraints. Restarted from its own optimum until the likelihood stops
 * improving, because a simplex can collapse early on the long, flat ridge of a and b.
 */
export function fitBgNbd(customers: readonly Rft[], start: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 }): BgNbdFit {
  if (customers.length === 0) throw new RangeError('fitBgNbd needs at least one customer');
  const toParams = (v: number[]): BgNbdParams => ({
    r: Math.exp(v[0]),
    alpha: Math.exp(v[1]),
    a: Math.exp(v[2]),
    b: Math.exp(v[3]),
  });
  // Mean negative log-likelihood: same optimum, values of order 1 so the tolerance means the same
  // for 20 customers and for 20,000.
  const objective = (v: number[]): number => {
    const p = toParams(v);
    let sum = 0;
    for (const c of customers) sum += bgNbdLogLikelihood(p, c);
    return -sum / customers.length;
  };
  let point = [start.r, start.alpha, start.a, start.b].map(Math.log);
  let value = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  for (let round = 0; round < 10; round++) {
    const result = nelderMead(objective, point, { step: round === 0 ? 0.5 : 0.1, tolerance: 1e-12 });
    iterations += result.iterations;
    converged = result.converged;
    const improved = value - result.value;
    point = result.x;
    value = result.value;
    if (improved < 1e-10) break;
  }
  return { params: toParams(point), logLikelihood: -value * customers.length, iterations, converged };
}

/**
 * P(alive | x, t_x, T) (paper eq. 11) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * A customer with no repeat purchase is alive by the model's assumption (drop-out happens only
 * right after a purchase).
 */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rft): number {
  if (x === 0) return 1;
  const logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * Expected purchases in the next t periods (paper eq. 10):
 *
 *   E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *                         ÷ (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
 */
export function expectedPurchases(params: BgNbdParams, rft: Rft, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = rft;
  const z = t / (alpha + T + t);
  const power = Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)));
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - power * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return numerator * probabilityAlive(params, rft);
}

/**
 * Expected purchases of a new customer in a period of length t (paper eq. 9):
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchasesNewCustomer({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const power = Math.exp(r * (Math.log(alpha) - Math.log(alpha + t)));
  return ((a + b - 1) / (a - 1)) * (1 - power * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

const MS_PER_DAY = 86_400_000;

/**
 * (x, t_x, T) from purchase dates, in periods of `periodDays` (7 → weeks, as in the paper).
 * Purchases on the same calendar day (UTC) count once, as the literature does with CDNOW; t_x and
 * T are measured from the first purchase to the last purchase and to `now`.
 */
export function rftFromDates(dates: readonly (Date | string)[], now: Date, periodDays = 7): Rft | undefined {
  const days = [...new Set(dates.map((d) => Math.floor(new Date(d).getTime() / MS_PER_DAY)))]
    .filter((d) => Number.isFinite(d))
    .sort((p, q) => p - q);
  if (days.length === 0) return undefined;
  const first = days[0];
  const period = periodDays * MS_PER_DAY;
  return {
    x: days.length - 1,
    tx: ((days[days.length - 1] - first) * MS_PER_DAY) / period,
    T: Math.max(0, (now.getTime() - first * MS_PER_DAY) / period),
  };
}
