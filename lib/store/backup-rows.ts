import { z } from 'zod';

/**
 * What a row of each backed-up table must look like before a restore writes it: the fields the
 * app reads, with their types (lib/db.ts). A backup edited by hand or damaged in transit is then
 * refused with the table, row and field named, instead of being stored and breaking the pages
 * later. Objects are loose: a field added by a newer SoloDesk survives the round trip.
 */
const text = z.string();
const key = z.string().min(1);
const time = z.number();
const optionalId = z.number().int().positive().optional();

const article = z.looseObject({
  id: key,
  title: text,
  body: text,
  examples: z.array(text),
  category: text,
  lang: text,
  tags: z.array(text),
  shortcut: text.optional(),
  source: z.enum(['starter', 'user', 'import', 'learned']),
  updatedAt: time,
});

const customer = z.looseObject({
  email: key,
  name: text,
  firstSeenAt: time,
  lastSeenAt: time,
  clv: z.number().optional(),
  tier: z.enum(['vip', 'regular', 'new']).optional(),
  behaviour: z.looseObject({ pAlive: z.number(), expectedPurchasesNextYear: z.number(), predictiveClv: z.number(), atRisk: z.boolean() }).optional(),
});

const order = z.looseObject({
  id: key,
  email: text,
  date: text,
  total: z.number().nonnegative(),
  refunded: z.number().nonnegative(),
  status: z.enum(['paid', 'partially_refunded', 'refunded', 'pending', 'voided', 'failed']),
  currency: text.optional(),
  source: z.enum(['shopify', 'stripe', 'woocommerce', 'plain']),
  name: text.optional(),
});

const conversation = z.looseObject({
  id: key,
  site: text,
  threadId: text,
  subject: text,
  customerEmail: text,
  customerName: text,
  messageCount: z.number().int().nonnegative(),
  url: text,
  state: z.enum(['open', 'waiting', 'resolved']),
  createdAt: time,
  updatedAt: time,
  lastMessageAt: time,
  triage: z.looseObject({ at: time, engine: text }).optional(),
  resolvedAt: time.optional(),
  rating: z.looseObject({ value: z.number().int().min(1).max(5), at: time, source: z.enum(['mail', 'manual']) }).optional(),
  csatOptOut: z.boolean().optional(),
});

const message = z.looseObject({
  id: key,
  conversationId: text,
  index: z.number().int().nonnegative(),
  fromName: text,
  fromEmail: text,
  date: text.optional(),
  body: text,
  fromMe: z.boolean(),
  headerOnly: z.boolean(),
});

const feedback = z.looseObject({ id: optionalId, kind: z.enum(['correction', 'pick']), conversationId: text, text, label: text, at: time });
const opening = z.looseObject({ id: optionalId, conversationId: text, tabId: z.number(), windowId: z.number(), at: time });
const layoutMiss = z.looseObject({ id: optionalId, site: text, selector: text, structure: text, at: time, tabId: z.number(), windowId: z.number() });
const setting = z.looseObject({ key, value: z.unknown() });

export const BACKUP_ROWS = {
  articles: { row: article, key: 'id' },
  customers: { row: customer, key: 'email' },
  orders: { row: order, key: 'id' },
  conversations: { row: conversation, key: 'id' },
  messages: { row: message, key: 'id' },
  feedback: { row: feedback, key: 'id' },
  openings: { row: opening, key: 'id' },
  layoutMisses: { row: layoutMiss, key: 'id' },
  settings: { row: setting, key: 'key' },
} as const;

export type BackupTable = keyof typeof BACKUP_ROWS;

/** Where a table repeats a primary key (IndexedDB would refuse the whole restore), or null. */
export function duplicateKey(table: BackupTable, rows: readonly Record<string, unknown>[]): string | null {
  const name = BACKUP_ROWS[table].key;
  const seen = new Set<unknown>();
  for (const [i, row] of rows.entries()) {
    const value = row[name];
    if (value === undefined) continue;
    if (seen.has(value)) return `tables.${table}.${i}.${name}: ${JSON.stringify(value).slice(0, 80)} appears twice`;
    seen.add(value);
  }
  return null;
}
