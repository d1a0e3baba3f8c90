/**
 * Stripe payments export (Dashboard → Payments → Export, "unified_payments.csv"): one row per
 * payment. Columns used: id (ch_…/py_…), Created (UTC) ("2024-03-05 14:22:10" or "… 14:22"),
 * Amount and Amount Refunded in major units, Currency (lower case), Captured, Status
 * (Paid / Refunded / Failed / …), Customer Email, Customer Description, Card Name.
 */
import type { OrderStatus } from '../order';
import type { OrderFormat } from './format';

// A disputed charge may be taken back: it stays out of customer value until the dispute is won
// (the export then says Paid again).
const STATUS: Record<string, OrderStatus> = {
  paid: 'paid',
  succeeded: 'paid',
  refunded: 'refunded',
  'partially refunded': 'partially_refunded',
  failed: 'failed',
  canceled: 'voided',
  cancelled: 'voided',
  pending: 'pending',
  uncaptured: 'pending',
  'requires capture': 'pending',
  disputed: 'pending',
  blocked: 'failed',
};

export const stripeFormat: OrderFormat = {
  source: 'stripe',
  matches: (columns) =>
    columns.has('id') && columns.has('amount') && columns.has('created utc', 'created date utc'),
  orderKey: (cells) => cells.requiredText(['id']),
  read(cells) {
    const status = cells.status(['status'], STATUS);
    const date = cells.date(['created utc', 'created date utc']);
    const total = cells.amount(['amount'], { required: true });
    const refunded = cells.amount(['amount refunded']);
    const email = cells.email(['customer email', 'email', 'receipt email']);
    if (status === undefined || date === undefined || total === undefined) return undefined;
    const uncaptured = cells.text(['captured'])?.toLowerCase() === 'false' && status === 'paid';
    return {
      email,
      date,
      total,
      refunded,
      status: uncaptured ? 'pending' : status,
      currency: cells.currency(['currency']),
      name: cells.text(['customer description', 'card name', 'shipping name']),
    };
  },
};
