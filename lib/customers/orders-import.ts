/**
 * Orders import (CONTRACT §6): Shopify, Stripe, WooCommerce or plain `email,date,amount` CSV,
 * detected from the header, read in slices with progress, validated all or nothing.
 *
 * Idempotent by construction: every order's id is `<source>:<the export's own id>` (for a plain CSV
 * without ids, `plain:<email>|<date>|<amount>#<n-th such row>`), so storing orders by id makes a
 * re-import of the same file change nothing.
 */
import { readCsvRecords, type CsvStreamOptions } from './csv-stream';
import { CellReader, Columns } from './order-formats/columns';
import type { OrderFormat } from './order-formats/format';
import { plainFormat } from './order-formats/plain';
import { shopifyFormat } from './order-formats/shopify';
import { stripeFormat } from './order-formats/stripe';
import { wooCommerceFormat } from './order-formats/woocommerce';
import { OrdersImportError, settleStatus, type ImportIssue, type Order, type OrderSource } from './order';

// Most specific first: a Shopify header also has Email and Total, a WooCommerce one may have Date.
const FORMATS: readonly OrderFormat[] = [shopifyFormat, stripeFormat, wooCommerceFormat, plainFormat];

/** The orders format of a CSV header row, or undefined (then it is not an orders file). */
export function detectOrderFormat(header: readonly string[]): OrderSource | undefined {
  const columns = new Columns([...header]);
  return FORMATS.find((f) => f.matches(columns))?.source;
}

/** An order left out on purpose, not an error: it has no customer address to attach it to. */
export interface SkippedRow {
  row: number;
  reason: 'no-email';
}

export interface OrdersImportResult {
  format: OrderSource;
  orders: Order[];
  skipped: SkippedRow[];
}

/** Collects orders record by record; `finish` returns them all or throws every issue found. */
class OrdersCollector {
  private format?: OrderFormat;
  private columns?: Columns;
  private readonly seen = new Set<string>();
  private readonly generated = new Map<string, number>();
  private readonly orders: Order[] = [];
  private readonly skipped: SkippedRow[] = [];
  private readonly issues: ImportIssue[] = [];

  add(record: string[], row: number): void {
    if (!this.columns) return this.readHeader(record, row);
    const format = this.format;
    if (!format) return;
    const cells = new CellReader(this.columns, record, row, this.issues);
    let key = format.orderKey ? format.orderKey(cells) : cells.text(['id', 'order id']);
    if (format.orderKey && key === undefined) return; // the missing id is already an issue
    if (key !== undefined && this.seen.has(key)) return; // another line item of a read order
    const draft = format.read(cells);
    if (key !== undefined) this.seen.add(key);
    if (!draft) return;
    if (draft.email === undefined) {
      this.skipped.push({ row, reason: 'no-email' });
      return;
    }
    if (key === undefined) {
      const base = `${draft.email}|${draft.date}|${draft.total}`;
      const n = (this.generated.get(base) ?? 0) + 1;
      this.generated.set(base, n);
      key = `${base}#${n}`;
    }
    const { status, refunded } = settleStatus(draft.status, draft.total, draft.refunded);
    this.orders.push({
      id: `${format.source}:${key}`,
      email: draft.email,
      date: draft.date,
      total: draft.total,
      refunded,
      status,
      source: format.source,
      ...(draft.currency ? { currency: draft.currency } : {}),
      ...(draft.name ? { name: draft.name } : {}),
    });
  }

  private readHeader(record: string[], row: number): void {
    this.columns = new Columns(record);
    this.format = FORMATS.find((f) => f.matches(this.columns as Columns));
    if (!this.format) {
      this.issues.push({
        row,
        field: 'header',
        message:
          'not an orders export: expected a Shopify, Stripe or WooCommerce orders export, or columns email, date, amount',
      });
    }
  }

  finish(): OrdersImportResult {
    if (!this.columns) throw new OrdersImportError([{ row: 1, field: 'header', message: 'the file is empty' }]);
    if (this.issues.length > 0 || !this.format) throw new OrdersImportError(this.issues, this.format?.source);
    // Nothing to store is a mistake worth saying (a header alone, or no row with an address),
    // not an "imported 0 orders" that still re-tiers every customer.
    if (this.orders.length === 0) {
      const message = this.skipped.length > 0 ? `no order has a customer email address (${this.skipped.length} skipped)` : 'the file has a header but no orders';
      throw new OrdersImportError([{ row: this.skipped[0]?.row ?? 2, field: 'orders', message }], this.format.source);
    }
    return { format: this.format.source, orders: this.orders, skipped: this.skipped };
  }
}

/**
 * Reads an orders CSV from text or a File/Blob (in slices, reporting progress 0…1).
 * Resolves with every order, or rejects with an `OrdersImportError` listing each bad row and field.
 */
export async function importOrders(input: string | Blob, options: CsvStreamOptions = {}): Promise<OrdersImportResult> {
  const collector = new OrdersCollector();
  await readCsvRecords(input, (record, row) => collector.add(record, row), options);
  return collector.finish();
}
