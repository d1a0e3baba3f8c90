/**
 * Per-customer predictions from imported orders (the "customer behaviour"): BG/NBD for
 * "still active?" and expected purchases, Gamma-Gamma for the value of future purchases, and the
 * predictive CLV = expected purchases over the lifespan × expected average order value
 * (undiscounted, to sit beside the article's AOV × F × L).
 *
 * Time is in weeks, like the papers; purchases on one day are one transaction (see rftFromDates).
 */
import { expectedPurchases, fitBgNbd, probabilityAlive, rftFromDates, type BgNbdParams, type Rft } from './behaviour';
import { isCounted, netCents, ordersByCustomer, roundCents, type CustomerValue } from './clv';
import { expectedAverageValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma';
import type { Order } from './order';

const WEEKS_PER_YEAR = 365.25 / 7;

/** Fewer customers than this give parameters that mean little; the popup then shows none. */
export const MIN_CUSTOMERS_FOR_FIT = 20;
export const MIN_REPEAT_CUSTOMERS_FOR_SPEND = 10;

export interface BehaviourModel {
  bgNbd: BgNbdParams;
  /** Undefined when too few customers bought more than once. */
  gammaGamma?: GammaGammaParams;
  customers: number;
}

export interface CustomerPrediction {
  email: string;
  rft: Rft;
  pAlive: number;
  /** P(alive) four weeks ago, to see it falling. */
  pAlive4WeeksAgo: number;
  expectedPurchasesNextYear: number;
  /** Expected value of one future order (Gamma-Gamma), or the customer's own average without it. */
  expectedOrderValue: number;
  /** Expected purchases over `lifespanYears` × expectedOrderValue, rounded to cents. */
  predictiveClv: number;
}

interface History {
  email: string;
  rft: Rft;
  /** Net spend per purchase day, in date order. */
  dayValues: number[];
}

function histories(orders: readonly Order[], now: Date): History[] {
  const out: History[] = [];
  for (const [email, own] of ordersByCustomer(orders.filter(isCounted))) {
    const byDay = new Map<string, number>();
    for (const o of own) {
      const day = new Date(o.date).toISOString().slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? 0) + netCents(o) / 100);
    }
    const rft = rftFromDates(own.map((o) => o.date), now);
    if (!rft) continue;
    const dayValues = [...byDay].sort(([p], [q]) => p.localeCompare(q)).map(([, v]) => v);
    out.push({ email, rft, dayValues });
  }
  return out;
}

/** Repeat purchases (all but the first day) and their mean, as the Gamma-Gamma note uses them. */
function repeatSpend(h: History): { x: number; m: number } {
  const repeat = h.dayValues.slice(1);
  return { x: repeat.length, m: repeat.length ? repeat.reduce((s, v) => s + v, 0) / repeat.length : 0 };
}

/** Fits both models on every customer's counted orders; undefined with too few customers. */
export function fitBehaviourModel(orders: readonly Order[], now: Date): BehaviourModel | undefined {
  const all = histories(orders, now);
  if (all.length < MIN_CUSTOMERS_FOR_FIT) return undefined;
  const bgNbd = fitBgNbd(all.map((h) => h.rft)).params;
  const spend = all.map(repeatSpend).filter((s) => s.x > 0 && s.m > 0);
  const gammaGamma = spend.length >= MIN_REPEAT_CUSTOMERS_FOR_SPEND ? fitGammaGamma(spend).params : undefined;
  return { bgNbd, gammaGamma, customers: all.length };
}

/** Predictions for every customer with counted orders, by a fitted model. */
export function predictCustomers(
  model: BehaviourModel,
  orders: readonly Order[],
  now: Date,
  lifespanYears = 3,
): Map<string, CustomerPrediction> {
  const out = new Map<string, CustomerPrediction>();
  const fourWeeks = 4;
  for (const h of histories(orders, now)) {
    const { rft } = h;
    // Four weeks ago the customer had the same history only if they have not bought since.
    const earlier: Rft = rft.T - fourWeeks >= rft.tx ? { ...rft, T: rft.T - fourWeeks } : rft;
    const spend = repeatSpend(h);
    const ownMean = h.dayValues.reduce((s, v) => s + v, 0) / h.dayValues.length;
    const expectedOrderValue = model.gammaGamma ? expectedAverageValue(model.gammaGamma, spend) : ownMean;
    const lifetimePurchases = expectedPurchases(model.bgNbd, rft, lifespanYears * WEEKS_PER_YEAR);
    out.set(h.email, {
      email: h.email,
      rft,
      pAlive: probabilityAlive(model.bgNbd, rft),
      pAlive4WeeksAgo: probabilityAlive(model.bgNbd, earlier),
      expectedPurchasesNextYear: expectedPurchases(model.bgNbd, rft, WEEKS_PER_YEAR),
      expectedOrderValue,
      predictiveClv: roundCents(lifetimePurchases * expectedOrderValue),
    });
  }
  return out;
}

export interface AtRiskOptions {
  /** Below this P(alive) a valuable customer is at risk (default 0.5). */
  maxPAlive?: number;
  /** …or when P(alive) fell by at least this much in four weeks (default 0.15). */
  minDrop?: number;
}

/**
 * Valuable customers (tier vip, or regular with CLV above the median of those with orders) whose
 * probability of being active is low or falling, most valuable first. Open negative conversations
 * are the caller's to add: they live in the mailbox, not in orders.
 */
export function atRiskCustomers(
  values: ReadonlyMap<string, CustomerValue>,
  predictions: ReadonlyMap<string, CustomerPrediction>,
  { maxPAlive = 0.5, minDrop = 0.15 }: AtRiskOptions = {},
): CustomerPrediction[] {
  const clvs = [...values.values()].filter((v) => v.countedOrders > 0).map((v) => v.clv).sort((a, b) => a - b);
  const median = clvs.length ? clvs[Math.floor((clvs.length - 1) / 2)] : 0;
  return [...predictions.values()]
    .filter((p) => {
      const value = values.get(p.email);
      if (!value || (value.tier !== 'vip' && value.clv <= median)) return false;
      return p.pAlive < maxPAlive || p.pAlive4WeeksAgo - p.pAlive >= minDrop;
    })
    .sort((p, q) => (values.get(q.email)?.clv ?? 0) - (values.get(p.email)?.clv ?? 0));
}
