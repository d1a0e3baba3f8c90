/**
 * Customer value exactly as CONTRACT §6 (the method article's CLV = AOV × F × L):
 *
 *   counted orders  = status paid or partially_refunded, and net = total − refunded > 0
 *   AOV             = Σ net ÷ counted orders
 *   F (per year)    = counted orders ÷ max(1, years from the first counted order to now)
 *   L (years)       = the lifespan setting (default 3), or 1 ÷ annual churn rate when one is given
 *   CLV             = AOV × F × L, rounded to cents
 *   tier            = vip when CLV ≥ P80 of the CLVs of customers with counted orders,
 *                     regular for the other customers with counted orders, new for none.
 *
 * Years are exact elapsed time ÷ 365.25 days (a Julian year, so leap days neither add nor lose a
 * day's worth of frequency). Money is summed in integer cents so refunds like 0.1 + 0.2 add up.
 */
import type { CustomerTier } from '../categories';
import type { Order } from './order';

export const DEFAULT_LIFESPAN_YEARS = 3;
export const MS_PER_YEAR = 365.25 * 86_400_000;

export interface LifespanSettings {
  /** Expected customer lifespan in years (default 3). */
  lifespanYears?: number;
  /** Annual churn rate (0…1]; when given, L = 1 / churn instead of lifespanYears. */
  annualChurnRate?: number;
}

export interface CustomerValue {
  email: string;
  name?: string;
  /** Every imported order of this address, counted or not. */
  orders: number;
  countedOrders: number;
  /** Σ net amount of counted orders. */
  totalSpend: number;
  /** Average order value (0 without counted orders). */
  aov: number;
  firstOrderAt?: string;
  lastOrderAt?: string;
  /** Purchases per year (F). */
  frequency: number;
  /** Expected lifespan in years (L). */
  lifespan: number;
  clv: number;
  tier: CustomerTier;
}

/** Half-up rounding to cents that survives binary fractions (1.005 → 1.01). */
export function roundCents(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

const cents = (amount: number): number => Math.round(Number((amount * 100).toPrecision(12)));

export function netCents(order: Pick<Order, 'total' | 'refunded'>): number {
  return cents(order.total) - cents(order.refunded);
}

/** CONTRACT §6: paid or partially refunded, with something left after refunds. */
export function isCounted(order: Pick<Order, 'status' | 'total' | 'refunded'>): boolean {
  return (order.status === 'paid' || order.status === 'partially_refunded') && netCents(order) > 0;
}

/** L: 1 / churn when a positive churn rate is set, otherwise the lifespan setting (default 3). */
export function expectedLifespan({ lifespanYears = DEFAULT_LIFESPAN_YEARS, annualChurnRate }: LifespanSettings = {}): number {
  if (annualChurnRate !== undefined && annualChurnRate > 0) return 1 / Math.min(annualChurnRate, 1);
  return lifespanYears;
}

/** One customer's value without the tier (which depends on everyone else). */
export function customerValue(
  email: string,
  orders: readonly Order[],
  now: Date,
  settings: LifespanSettings = {},
): Omit<CustomerValue, 'tier'> {
  const counted = orders.filter(isCounted).sort((p, q) => p.date.localeCompare(q.date));
  const lifespan = expectedLifespan(settings);
  const name = [...orders].reverse().find((o) => o.name)?.name;
  const base = { email: email.toLowerCase(), ...(name ? { name } : {}), orders: orders.length, lifespan };
  if (counted.length === 0) return { ...base, countedOrders: 0, totalSpend: 0, aov: 0, frequency: 0, clv: 0 };
  const totalCents = counted.reduce((sum, o) => sum + netCents(o), 0);
  const aov = totalCents / 100 / counted.length;
  const firstOrderAt = counted[0].date;
  const years = (now.getTime() - new Date(firstOrderAt).getTime()) / MS_PER_YEAR;
  const frequency = counted.length / Math.max(1, years);
  return {
    ...base,
    countedOrders: counted.length,
    totalSpend: totalCents / 100,
    aov,
    firstOrderAt,
    lastOrderAt: counted[counted.length - 1].date,
    frequency,
    clv: roundCents(aov * frequency * lifespan),
  };
}

/**
 * The p-th percentile (0…100) by linear interpolation between closest ranks (Hyndman & Fan type 7,
 * the default of numpy.percentile and Excel PERCENTILE.INC): sort ascending, h = (n − 1)·p/100,
 * result = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). Chosen over nearest-rank because with the few
 * customers a small shop has, nearest-rank makes 2 of 5 customers "top 20 %".
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * Math.min(Math.max(p, 0), 100)) / 100;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

export const VIP_PERCENTILE = 80;

/** Tiers for a set of customers (see the module comment); the threshold is also returned. */
export function assignTiers<T extends Omit<CustomerValue, 'tier'>>(
  customers: readonly T[],
): { customers: (T & { tier: CustomerTier })[]; vipThreshold?: number } {
  const withOrders = customers.filter((c) => c.countedOrders > 0).map((c) => c.clv);
  const vipThreshold = withOrders.length > 0 ? roundCents(percentile(withOrders, VIP_PERCENTILE)) : undefined;
  return {
    vipThreshold,
    customers: customers.map((c) => ({
      ...c,
      tier: c.countedOrders === 0 ? 'new' : vipThreshold !== undefined && c.clv >= vipThreshold ? 'vip' : 'regular',
    })),
  };
}

/** Orders grouped by lower-cased address. */
export function ordersByCustomer(orders: readonly Order[]): Map<string, Order[]> {
  const groups = new Map<string, Order[]>();
  for (const order of orders) {
    const email = order.email.toLowerCase();
    const group = groups.get(email);
    if (group) group.push(order);
    else groups.set(email, [order]);
  }
  return groups;
}

/** Every customer's value and tier from all imported orders, keyed by lower-cased address. */
export function customerValues(
  orders: readonly Order[],
  now: Date,
  settings: LifespanSettings = {},
): { customers: Map<string, CustomerValue>; vipThreshold?: number } {
  const values = [...ordersByCustomer(orders)].map(([email, own]) => customerValue(email, own, now, settings));
  const { customers, vipThreshold } = assignTiers(values);
  return { customers: new Map(customers.map((c) => [c.email, c])), vipThreshold };
}
