/**
 * WooCommerce orders exports. WooCommerce has no single built-in orders CSV, so this reads the
 * common exporters by their column names: the Customer/Order CSV Export (order_id, date, status,
 * order_total, refunded_total, order_currency, billing_email, billing_first_name …) and the
 * "Advanced Order Export" / WP All Export style (Order ID / Order Number, Order Date, Order Status,
 * Order Total Amount / Order Total, Order Refund Amount, Email (Billing) / Billing Email …).
 * Exports with one row per line item repeat the order id; only its first row is read.
 */
import type { OrderStatus } from '../order';
import type { OrderFormat } from './format';

const ID = ['order id', 'order number', 'order'];
const DATE = ['order date', 'date', 'date created', 'order created'];
const STATUS_COLUMNS = ['order status', 'status'];
const TOTAL = ['order total', 'order total amount', 'total'];
const REFUND = ['order refund amount', 'refund amount', 'refunded total', 'order refunded', 'refunded amount', 'refunds'];
const EMAIL = ['billing email', 'email billing', 'customer email', 'email'];

// WooCommerce order statuses (with or without their "wc-" prefix). "processing" is paid, waiting
// to ship; "on-hold" awaits payment.
const STATUS: Record<string, OrderStatus> = {
  completed: 'paid',
  processing: 'paid',
  'partially refunded': 'partially_refunded',
  refunded: 'refunded',
  pending: 'pending',
  'pending payment': 'pending',
  'on hold': 'pending',
  'checkout draft': 'pending',
  draft: 'pending',
  cancelled: 'voided',
  canceled: 'voided',
  trash: 'voided',
  failed: 'failed',
};

export const wooCommerceFormat: OrderFormat = {
  source: 'woocommerce',
  matches: (columns) =>
    ID.some((c) => columns.has(c)) && STATUS_COLUMNS.some((c) => columns.has(c)) && TOTAL.some((c) => columns.has(c)),
  orderKey: (cells) => cells.requiredText(ID),
  read(cells) {
    const status = cells.status(STATUS_COLUMNS, STATUS);
    const date = cells.date(DATE);
    const total = cells.amount(TOTAL, { required: true });
    const refunded = cells.amount(REFUND, { absolute: true }); // some exporters write refunds negative
    const email = cells.email(EMAIL);
    if (status === undefined || date === undefined || total === undefined) return undefined;
    const first = cells.text(['billing first name', 'first name billing']);
    const last = cells.text(['billing last name', 'last name billing']);
    const name = [first, last].filter(Boolean).join(' ') || cells.text(['billing name', 'customer name', 'customer']);
    return { email, date, total, refunded, status, currency: cells.currency(['order currency', 'currency']), name };
  },
};
