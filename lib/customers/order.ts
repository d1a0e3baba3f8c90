/** Imported orders, normalised from every supported export (CONTRACT §6). */

export type OrderSource = 'shopify' | 'stripe' | 'woocommerce' | 'plain';
export type OrderStatus = 'paid' | 'partially_refunded' | 'refunded' | 'pending' | 'voided' | 'failed';

export interface Order {
  /** `<source>:<the export's own order or payment id>`, so re-importing replaces, never duplicates. */
  id: string;
  /** Lower-cased customer address. */
  email: string;
  /** ISO 8601 (UTC) date of the order. */
  date: string;
  /** Order total in the order's currency (≥ 0). */
  total: number;
  /** Amount refunded so far (0 … total). */
  refunded: number;
  status: OrderStatus;
  /** ISO 4217 code, upper case, when the export names it. */
  currency?: string;
  source: OrderSource;
  /** Customer's name (billing name) when the export has it. */
  name?: string;
}

/** A cell quoted for a message: its start only, so a megabyte-long cell stays a line. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** One validation problem: `row` is the spreadsheet row (the header is row 1). */
export interface ImportIssue {
  row: number;
  field: string;
  message: string;
}

/** Thrown when a file cannot be imported; nothing is imported then (all or nothing). */
export class OrdersImportError extends Error {
  constructor(
    readonly issues: ImportIssue[],
    readonly format?: OrderSource,
  ) {
    super(
      issues
        .slice(0, 5)
        .map((i) => `row ${i.row}, ${i.field}: ${i.message}`)
        .join('; ') + (issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''),
    );
    this.name = 'OrdersImportError';
  }
}

/**
 * The final status from the export's own status and the amounts: a paid order with a refund is
 * partially refunded, or refunded when the refund covers the total; a "refunded" order without a
 * refunded amount was refunded in full.
 */
export function settleStatus(
  base: OrderStatus,
  total: number,
  refunded: number | undefined,
): { status: OrderStatus; refunded: number } {
  const amount = Math.min(Math.max(refunded ?? 0, 0), total);
  if (base === 'refunded') {
    if (refunded === undefined || amount >= total) return { status: 'refunded', refunded: total };
    return { status: amount > 0 ? 'partially_refunded' : 'refunded', refunded: amount > 0 ? amount : total };
  }
  if (base === 'paid' || base === 'partially_refunded') {
    if (amount > 0 && amount >= total) return { status: 'refunded', refunded: total };
    if (amount > 0) return { status: 'partially_refunded', refunded: amount };
    return { status: 'paid', refunded: 0 };
  }
  return { status: base, refunded: amount };
}
