import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser/launch';

const DAY = 86_400_000;
const HEADER = readFileSync('test/fixtures/orders/shopify-orders.csv', 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(',');

/** A Shopify orders export: one row per order, dates within the last year (so F is exact). */
export function shopifyExport(orders: Array<{ email: string; name: string; total: number; daysAgo: number }>): string {
  const rows = orders.map((o, i) => {
    const date = new Date(Date.now() - o.daysAgo * DAY).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000');
    const cells: Record<string, string> = {
      Name: `#${2001 + i}`,
      Email: o.email,
      'Financial Status': 'paid',
      'Paid at': date,
      'Created at': date,
      Currency: 'EUR',
      Subtotal: o.total.toFixed(2),
      Total: o.total.toFixed(2),
      'Lineitem quantity': '1',
      'Lineitem name': 'Copper stock pot',
      'Lineitem price': o.total.toFixed(2),
      'Billing Name': o.name,
      'Refunded Amount': '0.00',
      Id: String(9_000_000 + i),
    };
    return HEADER.map((h) => cells[h] ?? '').join(',');
  });
  return [HEADER.join(','), ...rows].join('\n') + '\n';
}

/** Imports a CSV through the options page's one file input and waits for the result. */
export async function importThroughOptions(session: ExtensionSession, csv: string): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'solodesk-orders-')), 'orders_export.csv');
  writeFileSync(file, csv);
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => options.getByTestId('import-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
  await options.close();
}
