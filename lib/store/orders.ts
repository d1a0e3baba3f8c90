import Papa from 'papaparse';
import { customerValues, expectedLifespan } from '../customers/clv';
import { annualChurnRate } from '../metrics/metrics';
import { atRiskCustomers, fitBehaviourModel, predictCustomers, type CustomerPrediction } from '../customers/customer-behaviour';
import { OrdersImportError, type Order } from '../customers/order';
import { detectOrderFormat, importOrders } from '../customers/orders-import';
import { db, type Customer } from '../db';
import { loadSettings, type Settings } from '../settings';
import { inIdOrder, ORDER_DAYS, putAtRiskCustomers, rebuildOrderDays } from './derived';
import { isStorageFull } from './storage-errors';

/** L for CLV: the lifespan setting, or 1 / last year's churn when chosen (CONTRACT §6). */
export type Lifespan = Pick<Settings, 'lifespanYears'> & Partial<Pick<Settings, 'lifespanFromChurn'>>;

export type OrdersImportOutcome =
  | { ok: true; format: string; added: number; unchanged: number; skipped: number }
  | { ok: false; error: string };

/** Orders as the customer libraries type them (the db stores exactly what the import produced). */
export async function allOrders(): Promise<Order[]> {
  return (await db.orders.toArray()) as Order[];
}

/** The file's first record (the header): enough to tell an orders export from anything else. */
async function headerOf(file: File | Blob | string): Promise<string[]> {
  const head = typeof file === 'string' ? file.slice(0, 65_536) : await file.slice(0, 65_536).text();
  const firstLine = head.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(firstLine, { preview: 1 });
  return parsed.data[0] ?? [];
}

/** True when the file's header is one of the supported orders exports (CONTRACT §6). */
export async function isOrdersFile(file: File | Blob | string): Promise<boolean> {
  return detectOrderFormat(await headerOf(file)) !== undefined;
}

const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Stores orders by id and re-tiers every customer, all in one transaction: an import either lands
 * whole (orders, their summary, every customer's CLV and tier) or not at all. The customers'
 * values are computed first, outside it, from the stored orders with these merged in: the model
 * fit takes seconds, too long to hold a transaction open. Should the stored orders change in
 * those seconds (another import, a restore, "delete all my data"), the values are computed again.
 * An order already stored as-is counts as unchanged.
 */
export async function storeOrders(orders: readonly Order[], now = new Date(), lifespan?: Lifespan): Promise<{ added: number; unchanged: number }> {
  const settings = lifespan ?? (await loadSettings());
  for (let attempt = 1; ; attempt++) {
    const [mark, stored] = await db.transaction('r', [db.orders, db.summaries], () => Promise.all([ordersMark(), allOrders()]));
    const merged = new Map(stored.map((o) => [o.id, o]));
    for (const order of orders) merged.set(order.id, order);
    // In primary-key order, as the store would give them back: the same values as from a read after.
    const values = customerValuesOf([...merged.values()].sort(inIdOrder), now, settings);
    const counts = await db.transaction('rw', [db.orders, db.summaries, db.orderBlocks, db.customers], async () => {
      if ((await ordersMark()) !== mark) return undefined;
      const existing = await db.orders.bulkGet(orders.map((o) => o.id));
      const fresh = orders.filter((o, i) => !existing[i] || !same(existing[i] as object, o));
      await db.orders.bulkPut(fresh);
      if (fresh.length > 0) await rebuildOrderDays();
      await putCustomerValues(values, now);
      return { added: fresh.length, unchanged: orders.length - fresh.length };
    });
    if (counts) return counts;
    if (attempt === STORE_ATTEMPTS) throw new Error('The stored orders kept changing during the import; nothing was imported. Try again.');
  }
}

const STORE_ATTEMPTS = 3;

/**
 * The stored orders as far as a cheap look tells them apart: how many, and how many orders and
 * customers the order summary counts. Any import that adds orders, a restore or a delete changes
 * it; one that only rewrites orders already stored, keeping both counts, does not.
 */
async function ordersMark(): Promise<string> {
  const [count, header] = await Promise.all([db.orders.count(), db.summaries.get(ORDER_DAYS)]);
  return JSON.stringify([count, header?.value ?? null]);
}

/**
 * Every customer's CLV and tier from all stored orders (tiers are relative: one import can move
 * other customers across the VIP line), and the behaviour prediction when enough customers have
 * orders. Customers known only from orders get a row too. The model fit takes seconds, so it runs
 * here (at import, with its progress) and outside any transaction; the panel only reads the result.
 */
export async function recomputeCustomerValues(now = new Date(), lifespan: Lifespan = { lifespanYears: 3 }): Promise<void> {
  const values = customerValuesOf(await allOrders(), now, lifespan);
  await db.transaction('rw', [db.customers, db.summaries], () => putCustomerValues(values, now));
}

/** What the customers' rows are computed from: each customer's value and prediction from the orders. */
interface CustomerValues {
  values: ReturnType<typeof customerValues>['customers'];
  predictions: Map<string, CustomerPrediction>;
  atRisk: Set<string>;
  names: Map<string, string>;
}

function customerValuesOf(orders: readonly Order[], now: Date, lifespan: Lifespan): CustomerValues {
  const settings = { lifespanYears: lifespan.lifespanYears, annualChurnRate: lifespan.lifespanFromChurn ? annualChurnRate(orders, now) : undefined };
  const lifespanYears = expectedLifespan(settings);
  const { customers: values } = customerValues(orders, now, settings);
  const model = fitBehaviourModel(orders, now);
  const predictions = model ? predictCustomers(model, orders, now, lifespanYears) : new Map<string, CustomerPrediction>();
  const atRisk = new Set(atRiskCustomers(values, predictions).map((p) => p.email));
  const names = new Map(orders.filter((o) => o.name).map((o) => [o.email, o.name as string]));
  return { values, predictions, atRisk, names };
}

/** Writes every customer's row from their values; call inside a transaction with customers and summaries. */
async function putCustomerValues({ values, predictions, atRisk, names }: CustomerValues, now: Date): Promise<void> {
  const known = new Map((await db.customers.toArray()).map((c) => [c.email, c]));
  const rows: Customer[] = [];
  for (const [email, value] of values) {
    const seen = known.get(email);
    const firstOrder = value.firstOrderAt ? Date.parse(value.firstOrderAt) : now.getTime();
    const p = predictions.get(email);
    const row: Customer = {
      email,
      name: seen?.name || names.get(email) || '',
      firstSeenAt: seen?.firstSeenAt ?? firstOrder,
      lastSeenAt: seen?.lastSeenAt ?? firstOrder,
      clv: value.clv,
      tier: value.tier,
    };
    if (p) row.behaviour = { pAlive: p.pAlive, expectedPurchasesNextYear: p.expectedPurchasesNextYear, predictiveClv: p.predictiveClv, atRisk: atRisk.has(email) };
    rows.push(row);
    known.delete(email);
  }
  // Customers without any order: new, worth nothing yet.
  for (const c of known.values()) if (c.tier !== 'new' || c.clv !== 0 || c.behaviour) rows.push({ ...c, clv: 0, tier: 'new', behaviour: undefined });
  await db.customers.bulkPut(rows);
  // Customers left out of `rows` have no orders and no prediction: none of them is at risk.
  await putAtRiskCustomers(rows);
}

function describeError(error: unknown): string {
  if (error instanceof OrdersImportError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Import an orders export from the options page: parse, validate, store idempotently, re-tier. */
export async function importOrdersFile(
  file: File | Blob | string,
  onProgress?: (fraction: number) => void,
): Promise<OrdersImportOutcome> {
  try {
    // Reading is most of the work for big files, the model fit for small ones: 0.8 / 0.2.
    const result = await importOrders(file, { onProgress: onProgress && ((f) => onProgress(0.8 * f)) });
    const { added, unchanged } = await storeOrders(result.orders);
    onProgress?.(1);
    return { ok: true, format: result.format, added, unchanged, skipped: result.skipped.length };
  } catch (error) {
    // The caller words a full disk the same for every import (lib/store/storage-errors.ts).
    if (isStorageFull(error)) throw error;
    return { ok: false, error: describeError(error) };
  }
}
