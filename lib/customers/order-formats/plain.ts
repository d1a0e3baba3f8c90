/**
 * The plain `email,date,amount` CSV (any column order, case-insensitive), for shops without a
 * supported platform. Optional columns: id (or order id), status (our own words or the platforms'),
 * refunded, currency, name. Every row must have an address: the file exists to attach orders to
 * customers, so a row without one is a mistake worth reporting.
 */
import type { OrderStatus } from '../order';
import type { OrderFormat } from './format';

const STATUS: Record<string, OrderStatus> = {
  paid: 'paid',
  completed: 'paid',
  'partially refunded': 'partially_refunded',
  refunded: 'refunded',
  pending: 'pending',
  voided: 'voided',
  cancelled: 'voided',
  canceled: 'voided',
  failed: 'failed',
};

export const plainFormat: OrderFormat = {
  source: 'plain',
  matches: (columns) => columns.has('email') && columns.has('date') && columns.has('amount'),
  read(cells) {
    const email = cells.requiredText(['email']) === undefined ? undefined : cells.email(['email']);
    const date = cells.date(['date']);
    const total = cells.amount(['amount'], { required: true });
    const refunded = cells.amount(['refunded', 'refunded amount', 'refund']);
    const status = cells.text(['status']) === undefined ? 'paid' : cells.status(['status'], STATUS);
    if (email === undefined || date === undefined || total === undefined || status === undefined) return undefined;
    return { email, date, total, refunded, status, currency: cells.currency(['currency']), name: cells.text(['name']) };
  },
};
