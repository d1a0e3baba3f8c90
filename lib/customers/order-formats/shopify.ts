/**
 * Shopify orders export (Admin → Orders → Export, "Orders" CSV): one row per line item; the order's
 * totals, status and customer are on its first row, later rows repeat only Name and line items.
 * Columns used: Name (#1001), Email, Financial Status, Created at ("2024-03-05 14:22:10 +0100"),
 * Paid at, Currency, Total, Refunded Amount, Cancelled at, Billing Name.
 */
import type { OrderStatus } from '../order';
import type { OrderFormat } from './format';

// Financial Status values Shopify writes; an authorised but uncaptured order is not paid yet.
const STATUS: Record<string, OrderStatus> = {
  paid: 'paid',
  'partially refunded': 'partially_refunded',
  refunded: 'refunded',
  pending: 'pending',
  authorized: 'pending',
  'partially paid': 'pending',
  voided: 'voided',
  expired: 'voided',
};

export const shopifyFormat: OrderFormat = {
  source: 'shopify',
  matches: (columns) => columns.has('name') && columns.has('financial status') && columns.has('total'),
  orderKey: (cells) => cells.requiredText(['name']),
  read(cells) {
    const status = cells.status(['financial status'], STATUS);
    const date = cells.date(['created at', 'paid at']);
    const total = cells.amount(['total'], { required: true });
    const refunded = cells.amount(['refunded amount']);
    const email = cells.email(['email', 'customer email']);
    if (status === undefined || date === undefined || total === undefined) return undefined;
    return {
      email,
      date,
      total,
      refunded,
      // An order cancelled before payment stays pending in Financial Status; it will never count.
      status: cells.text(['cancelled at']) && status === 'pending' ? 'voided' : status,
      currency: cells.currency(['currency']),
      name: cells.text(['billing name', 'shipping name']),
    };
  },
};
