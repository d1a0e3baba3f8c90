/** Header lookup by normalised names, and typed, validated cell reads that record issues. */
import { type ImportIssue, type OrderStatus, quoted } from '../order';
import { normaliseEmail, parseAmount, parseOrderDate } from '../order-values';

/** "Created (UTC)" → "created utc", "billing_email" → "billing email", BOM and case removed. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export class Columns {
  private readonly index = new Map<string, number>();
  constructor(readonly header: string[]) {
    header.forEach((name, i) => {
      const key = normaliseHeader(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  /** The first of `aliases` present in the header, as written there. */
  find(aliases: readonly string[]): { name: string; at: number } | undefined {
    for (const alias of aliases) {
      const at = this.index.get(alias);
      if (at !== undefined) return { name: this.header[at].replace(/^\uFEFF/, '').trim(), at };
    }
    return undefined;
  }

  has(...aliases: string[]): boolean {
    return this.find(aliases) !== undefined;
  }
}

/** Reads cells of one record; every problem becomes an issue naming the row and the column. */
export class CellReader {
  constructor(
    private readonly columns: Columns,
    private readonly record: string[],
    readonly row: number,
    private readonly issues: ImportIssue[],
  ) {}

  private fail(field: string, message: string): undefined {
    this.issues.push({ row: this.row, field, message });
    return undefined;
  }

  private cell(aliases: readonly string[]): { name: string; value: string | undefined } {
    const column = this.columns.find(aliases);
    if (!column) return { name: aliases[0], value: undefined };
    const value = (this.record[column.at] ?? '').trim();
    return { name: column.name, value: value === '' ? undefined : value };
  }

  text(aliases: readonly string[]): string | undefined {
    return this.cell(aliases).value;
  }

  requiredText(aliases: readonly string[]): string | undefined {
    const { name, value } = this.cell(aliases);
    return value ?? this.fail(name, 'is empty');
  }

  /** An amount ≥ 0; `absolute` accepts exports that write refunds as negative numbers. */
  amount(aliases: readonly string[], { required = false, absolute = false } = {}): number | undefined {
    const { name, value } = this.cell(aliases);
    if (value === undefined) return required ? this.fail(name, 'is empty') : undefined;
    const amount = parseAmount(value);
    if (amount === undefined || Number.isNaN(amount)) return this.fail(name, `${quoted(value)} is not an amount`);
    if (absolute) return Math.abs(amount);
    return amount < 0 ? this.fail(name, `${quoted(value)} is negative`) : amount;
  }

  date(aliases: readonly string[]): string | undefined {
    const { name, value } = this.cell(aliases);
    if (value === undefined) return this.fail(name, 'is empty');
    const result = parseOrderDate(value);
    return result.ok ? result.iso : this.fail(name, result.message);
  }

  /** Undefined for an empty cell (the caller decides); an issue for text that is not an address. */
  email(aliases: readonly string[]): string | undefined {
    const { name, value } = this.cell(aliases);
    if (value === undefined) return undefined;
    return normaliseEmail(value) ?? this.fail(name, `${quoted(value)} is not an email address`);
  }

  /** The export's status word mapped through `table` (keys: lower case, words spaced). */
  status(aliases: readonly string[], table: Record<string, OrderStatus>): OrderStatus | undefined {
    const { name, value } = this.cell(aliases);
    if (value === undefined) return this.fail(name, 'is empty');
    const key = value.toLowerCase().replace(/^wc-/, '').replace(/[_-]+/g, ' ').trim();
    return table[key] ?? this.fail(name, `unknown status ${quoted(value)}`);
  }

  currency(aliases: readonly string[]): string | undefined {
    const value = this.cell(aliases).value;
    return value && /^[a-z]{3}$/i.test(value) ? value.toUpperCase() : undefined;
  }
}
