/**
 * Churn and retention need only who placed a counted order when. Kept as one compact summary
 * (two typed arrays: sorted dates, and a number per customer), the popup reads one row instead of
 * a year of orders, and the figures are exactly those of `retention()` over the orders themselves.
 */
import { isCounted } from '../customers/clv';
import type { Order } from '../customers/order';
import { RETENTION_LOOKBACK_DAYS, type Retention, type RetentionOptions } from './metrics';

const MS_PER_DAY = 86_400_000;

export interface OrderDays {
  /** How many orders were stored when this was built (counted or not). */
  orders: number;
  /** How many customers placed a counted order; `who` numbers them 0 … customers − 1. */
  customers: number;
  /** Dates (ms) of the counted orders, ascending. */
  at: Float64Array;
  /** Who placed each (by lower-cased address; the addresses themselves are not needed). */
  who: Uint32Array;
}

export function orderDaysOf(orders: readonly Order[]): OrderDays {
  const index = new Map<string, number>();
  const counted: { at: number; who: number }[] = [];
  for (const order of orders) {
    if (!isCounted(order)) continue;
    const at = new Date(order.date).getTime();
    if (Number.isNaN(at)) continue;
    const email = order.email.toLowerCase();
    let who = index.get(email);
    if (who === undefined) index.set(email, (who = index.size));
    counted.push({ at, who });
  }
  counted.sort((p, q) => p.at - q.at);
  return {
    orders: orders.length,
    customers: index.size,
    at: Float64Array.from(counted, (c) => c.at),
    who: Uint32Array.from(counted, (c) => c.who),
  };
}

/** True for a well-formed summary (it is read back from storage): dates ascending, every customer numbered. */
export function isOrderDays(value: unknown): value is OrderDays {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<OrderDays>;
  return (
    typeof v.orders === 'number' &&
    typeof v.customers === 'number' &&
    v.at instanceof Float64Array &&
    v.who instanceof Uint32Array &&
    v.at.length === v.who.length &&
    v.at.every((t, i, at) => i === 0 || at[i - 1] <= t) &&
    v.who.every((w) => w < (v.customers as number))
  );
}

/**
 * The summary is stored as a header (how many orders and customers) and blocks of BLOCK_DAYS
 * days, so the popup reads the blocks of its year of lookback and its month, not every order
 * ever imported (1.2 MB at 100k orders, which IndexedDB hands back through a blob).
 */
export const BLOCK_DAYS = 30;
const BLOCK_MS = BLOCK_DAYS * MS_PER_DAY;

export type OrderDaysHeader = Pick<OrderDays, 'orders' | 'customers'>;

/** One block: the counted orders dated in [block × BLOCK_DAYS days, (block + 1) × BLOCK_DAYS days) since 1970, ascending. */
export interface OrderBlock {
  block: number;
  at: Float64Array;
  who: Uint32Array;
}

/** The block an instant (ms) falls in. */
export const blockOf = (at: number): number => Math.floor(at / BLOCK_MS);

export function orderBlocksOf(days: OrderDays): OrderBlock[] {
  const blocks: OrderBlock[] = [];
  for (let start = 0; start < days.at.length; ) {
    const block = blockOf(days.at[start]);
    let end = start + 1;
    while (end < days.at.length && blockOf(days.at[end]) === block) end++;
    blocks.push({ block, at: days.at.slice(start, end), who: days.who.slice(start, end) });
    start = end;
  }
  return blocks;
}

/**
 * The summary from its header and some of its blocks (in any order): the orders of those blocks
 * only, which is all `retentionOfDays` needs when they cover its lookback and period. Undefined
 * when the parts do not fit together (a block out of place, a customer beyond the header's count).
 */
export function joinOrderBlocks(header: OrderDaysHeader, blocks: readonly OrderBlock[]): OrderDays | undefined {
  const fits = (b: OrderBlock) =>
    b.at instanceof Float64Array && b.who instanceof Uint32Array && b.at.length === b.who.length && b.at.every((t) => blockOf(t) === b.block);
  if (!blocks.every(fits)) return undefined;
  const sorted = [...blocks].sort((a, b) => a.block - b.block);
  const at = new Float64Array(sorted.reduce((n, b) => n + b.at.length, 0));
  const who = new Uint32Array(at.length);
  let k = 0;
  for (const b of sorted) {
    at.set(b.at, k);
    who.set(b.who, k);
    k += b.at.length;
  }
  const days = { orders: header.orders, customers: header.customers, at, who };
  return isOrderDays(days) ? days : undefined;
}

/** The first position whose date is ≥ `t`. */
function lowerBound(at: Float64Array, t: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `retention(orders, from, to)` from the summary: the same definition, without the orders. */
export function retentionOfDays(days: OrderDays, from: Date, to: Date, { lookbackDays = RETENTION_LOOKBACK_DAYS }: RetentionOptions = {}): Retention {
  const start = from.getTime();
  const end = to.getTime();
  const before = new Uint8Array(days.customers);
  let initial = 0;
  for (let i = lowerBound(days.at, start - lookbackDays * MS_PER_DAY); i < days.at.length && days.at[i] < start; i++) {
    if (before[days.who[i]] === 0) initial++;
    before[days.who[i]] = 1;
  }
  let retained = 0;
  for (let i = lowerBound(days.at, start); i < days.at.length && days.at[i] < end; i++) {
    if (before[days.who[i]] === 1) retained++;
    before[days.who[i]] = 2; // counted once
  }
  const churned = initial - retained;
  if (initial === 0) return { initial, retained, churned };
  return { initial, retained, churned, churnPercent: (100 * churned) / initial, retentionPercent: (100 * retained) / initial };
}
