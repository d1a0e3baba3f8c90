// @vitest-environment node
import { describe, expect, it, test } from 'vitest';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  probabilityAlive,
  rftFromDates,
  type BgNbdParams,
  type Rft,
} from '../../lib/customers/behaviour';
import { CALIBRATION_END, cdnowPresent, readCdnowPurchases, readCdnowSummary } from './cdnow';

// Fader, Hardie & Lee (2005), 39-week calibration on the CDNOW sample.
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on CDNOW', () => {
  if (!cdnowPresent) {
    it.skip('needs ../shared/data/cdnow (absent here: skipping the published-fit check)', () => {});
    return;
  }
  const customers = readCdnowSummary();
  const fit = fitBgNbd(customers);

  test.each(Object.keys(PUBLISHED) as (keyof BgNbdParams)[])('fits %s within 1 %% of the published value', (key) => {
    expect(Math.abs(fit.params[key] / PUBLISHED[key] - 1)).toBeLessThan(0.01);
  });

  it('reaches the published log-likelihood of −9582.4', () => {
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
  });

  it('derives the published (x, t_x, T) from the raw purchases', () => {
    const byId = new Map<string, string[]>();
    for (const p of readCdnowPurchases()) {
      if (p.date > CALIBRATION_END) continue;
      byId.set(p.id, [...(byId.get(p.id) ?? []), p.date]);
    }
    const now = new Date(`${CALIBRATION_END}T00:00:00Z`);
    for (const c of customers) {
      const rft = rftFromDates(byId.get(c.id) ?? [], now);
      expect(rft?.x).toBe(c.x);
      expect(rft?.tx).toBeCloseTo(c.tx, 1);
      expect(rft?.T).toBeCloseTo(c.T, 1);
    }
  });
});

describe('BG/NBD predictions with the published parameters', () => {
  // The paper's worked example: a customer with 2 repeat purchases, the last in week 30.43 of 38.86.
  it('expects 1.226 purchases in the next 39 weeks for x=2, t_x=30.43, T=38.86', () => {
    expect(expectedPurchases(PUBLISHED, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });

  // Expected values worked by hand from 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)), e.g. for
  // x=2, t_x=38: 0.793/3.426 · (43.274/42.414)^2.243 = 0.2421 → 1/1.2421 = 0.805.
  test.each<[string, Rft, number]>([
    ['no repeat purchase: alive by assumption', { x: 0, tx: 0, T: 38.86 }, 1],
    ["the paper's example customer", { x: 2, tx: 30.43, T: 38.86 }, 0.7266],
    ['bought recently', { x: 2, tx: 38, T: 38.86 }, 0.8051],
    ['bought long ago', { x: 2, tx: 5, T: 38.86 }, 0.1237],
    ['many purchases, silent since', { x: 10, tx: 10, T: 38.86 }, 0.000185],
  ])('P(alive) when %s', (_name, rft, expected) => {
    expect(probabilityAlive(PUBLISHED, rft)).toBeCloseTo(expected, 4);
  });

  test.each<[number, number]>([
    [0, 0],
    [39, 1.197],
    [78, 1.861],
  ])('a new customer is expected to buy E[X(%i)] = %f times', (t, expected) => {
    expect(expectedPurchasesNewCustomer(PUBLISHED, t)).toBeCloseTo(expected, 3);
  });

  it('expects fewer purchases from a customer who has gone quiet than from a recent one', () => {
    const quiet = expectedPurchases(PUBLISHED, { x: 4, tx: 8, T: 38 }, 52);
    const recent = expectedPurchases(PUBLISHED, { x: 4, tx: 37, T: 38 }, 52);
    expect(quiet).toBeLessThan(recent);
  });

  it('gives each customer a finite log-likelihood, even with many purchases', () => {
    expect(Number.isFinite(bgNbdLogLikelihood(PUBLISHED, { x: 500, tx: 38, T: 39 }))).toBe(true);
  });
});

describe('rftFromDates', () => {
  const now = new Date('2024-03-01T00:00:00Z');
  test.each<[string, string[], Rft | undefined]>([
    ['no purchases', [], undefined],
    // Times are whole days (the first purchase's day starts the clock), as in the CDNOW summaries.
    ['one purchase', ['2024-02-23T10:00:00Z'], { x: 0, tx: 0, T: 1 }],
    ['two purchases on the same day count once', ['2024-02-09T08:00:00Z', '2024-02-09T18:00:00Z'], { x: 0, tx: 0, T: 3 }],
    ['across the leap day', ['2024-02-28', '2024-03-01'], { x: 1, tx: 2 / 7, T: 2 / 7 }],
  ])('%s', (_name, dates, expected) => {
    const rft = rftFromDates(dates, now);
    if (expected === undefined) return expect(rft).toBeUndefined();
    expect(rft?.x).toBe(expected.x);
    expect(rft?.tx).toBeCloseTo(expected.tx, 6);
    expect(rft?.T).toBeCloseTo(expected.T, 6);
  });
});

// Synthetic histories drawn from known parameters (seeded, so the test is deterministic).
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampler(random: () => number) {
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // Marsaglia & Tsang (2000), with the boost for shape < 1.
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(random(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  const beta = (a: number, b: number): number => {
    const g = gamma(a, 1);
    return g / (g + gamma(b, 1));
  };
  return { gamma, beta };
}

function simulate(params: BgNbdParams, n: number, T: number, seed: number): Rft[] {
  const random = mulberry32(seed);
  const { gamma, beta } = sampler(random);
  return Array.from({ length: n }, () => {
    const lambda = gamma(params.r, params.alpha);
    const p = beta(params.a, params.b);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (random() < p) break; // drops out right after this purchase
    }
    return { x, tx, T };
  });
}

describe('BG/NBD on synthetic data', () => {
  const truth: BgNbdParams = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
  const fit = fitBgNbd(simulate(truth, 6000, 52, 42));

  test.each(Object.keys(truth) as (keyof BgNbdParams)[])('recovers %s within 10 %% from 6,000 customers', (key) => {
    expect(Math.abs(fit.params[key] / truth[key] - 1)).toBeLessThan(0.1);
  });

  it('rejects an empty customer list', () => {
    expect(() => fitBgNbd([])).toThrow(RangeError);
  });
});
