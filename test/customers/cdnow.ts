/** Readers for the shared CDNOW sample (../shared/data/cdnow), used by the model tests. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Rft } from '../../lib/customers/behaviour';
import type { SpendSummary } from '../../lib/customers/gamma-gamma';

// Tests run from the repository root; the shared data sits beside it.
export const CDNOW_DIR = `${resolve(process.cwd(), '../shared/data/cdnow')}/`;
export const cdnowPresent = existsSync(`${CDNOW_DIR}cdnow_customers_summary.csv`) && existsSync(`${CDNOW_DIR}CDNOW_sample.txt`);

/** Per-customer (x, t_x, T) in weeks, as published with the data. */
export function readCdnowSummary(): (Rft & { id: string })[] {
  return readFileSync(`${CDNOW_DIR}cdnow_customers_summary.csv`, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .map(([id, x, tx, T]) => ({ id, x: Number(x), tx: Number(tx), T: Number(T) }));
}

/** Raw purchases: sample id, date (ISO day) and dollar value. */
export function readCdnowPurchases(): { id: string; date: string; value: number }[] {
  return readFileSync(`${CDNOW_DIR}CDNOW_sample.txt`, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .map(([, id, d, , value]) => ({
      id: String(Number(id)),
      date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
      value: Number(value),
    }));
}

/** End of the 39-week calibration period used by the papers (1997-01-01 + 38 6/7 weeks). */
export const CALIBRATION_END = '1997-09-30';
