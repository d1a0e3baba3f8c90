/** What each supported export provides: how to recognise its header and read one order. */
import type { OrderSource, OrderStatus } from '../order';
import type { CellReader, Columns } from './columns';

/** An order as read from its (first) record, before ids and refund status are settled. */
export interface OrderDraft {
  /** Undefined when the export has no address for it (a guest POS sale, an anonymous charge). */
  email?: string;
  date: string;
  total: number;
  /** Undefined when the export has no refund column or the cell is empty. */
  refunded?: number;
  status: OrderStatus;
  currency?: string;
  name?: string;
}

export interface OrderFormat {
  source: OrderSource;
  /** Whether a header (see `Columns`) is this export's. */
  matches(columns: Columns): boolean;
  /**
   * The export's own id of the order a record belongs to; records of one order (Shopify line
   * items) share it and only the first is read. Absent for exports without ids (plain CSV).
   */
  orderKey?(cells: CellReader): string | undefined;
  /** Reads the order; undefined when the record had issues (already recorded in `cells`). */
  read(cells: CellReader): OrderDraft | undefined;
}
