import { z } from 'zod';
import { db, type Conversation, type Customer, type StoredMessage } from '../db';
import type { Order } from '../customers/order';
import { errorLine } from '../kb/io/json';
import { BACKUP_ROWS, duplicateKey } from './backup-rows';
import { conversationFactsOfRows, factsByDayOf, putSummaries } from './derived';

/**
 * A full backup in one JSON file, restore, and "delete all my data". Derived tables are left out
 * of backups: the embeddings cache (rebuilt from the model and the texts) is cleared on restore,
 * the popup's conversation facts and summaries are rebuilt from the restored rows in the same transaction.
 */

export const BACKUP_FORMAT = 'solodesk-backup';
const TABLES = ['articles', 'customers', 'orders', 'conversations', 'messages', 'feedback', 'openings', 'layoutMisses', 'settings'] as const;
type TableName = (typeof TABLES)[number];
/** Rebuilt from the tables above, never backed up: the model's embeddings and the popup's summaries. */
const DERIVED = [db.embeddings, db.conversationFacts, db.factsByDay, db.orderBlocks, db.summaries];

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  tables: z.object(Object.fromEntries(TABLES.map((name) => [name, z.array(BACKUP_ROWS[name].row)])) as { [K in TableName]: z.ZodArray<(typeof BACKUP_ROWS)[K]['row']> }),
});

// Our rows nest a few levels (a setting's value, a stored triage); far deeper is a damaged or
// hostile file, which would overflow the stack of whatever walks it next (zod, IndexedDB's clone).
const MAX_DEPTH = 64;

/**
 * Why the parsed file cannot be walked safely, with the path: nested deeper than MAX_DEPTH, or
 * a `__proto__` key (no row of ours has one; stored, it would turn into a prototype the first
 * time code copies the row with Object.assign). Iterative, so it cannot overflow itself.
 */
function unsafePart(root: unknown): string | null {
  const stack: [unknown, string, number][] = [[root, 'file', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return `${path.slice(0, 120)}…: nested more than ${MAX_DEPTH} levels deep`;
    if (Object.hasOwn(value, '__proto__')) return `${path}: a "__proto__" key is not allowed`;
    for (const [key, child] of Object.entries(value)) stack.push([child, `${path}.${key}`, depth + 1]);
  }
  return null;
}

export type Backup = z.infer<typeof backupSchema>;

export async function createBackup(now = new Date()): Promise<Backup> {
  return db.transaction('r', TABLES.map((name) => db.table(name)), async () => {
    const tables = {} as Backup['tables'];
    for (const name of TABLES) tables[name] = await db.table(name).toArray();
    return { format: BACKUP_FORMAT, version: 1, exportedAt: now.toISOString(), tables };
  });
}

export function isBackupText(head: string): boolean {
  return head.includes(`"format":"${BACKUP_FORMAT}"`) || head.includes(`"format": "${BACKUP_FORMAT}"`);
}

/** Replaces everything with the backup, all or nothing; a bad file changes nothing. */
export async function restoreBackup(text: string): Promise<{ ok: true; rows: number } | { ok: false; error: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const line = errorLine(text, error);
    return { ok: false, error: `${line === undefined ? '' : `line ${line}: `}not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const unsafe = unsafePart(parsed);
  if (unsafe) return { ok: false, error: unsafe };
  // Zod's own wording for a missing field is "expected string, received undefined".
  const result = backupSchema.safeParse(parsed, { error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : undefined) });
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || 'file'}: ${issue.message}` };
  }
  // The rows exactly as the file has them: zod's output would list each row's fields in schema order.
  const tables = (parsed as Backup).tables;
  for (const name of TABLES) {
    const duplicate = duplicateKey(name, tables[name]);
    if (duplicate) return { ok: false, error: duplicate };
  }
  let rows = 0;
  await db.transaction('rw', [...TABLES.map((name) => db.table(name)), ...DERIVED], async () => {
    for (const table of DERIVED) await table.clear();
    for (const name of TABLES) {
      await db.table(name).clear();
      await db.table(name).bulkAdd(tables[name]);
      rows += tables[name].length;
    }
    const facts = conversationFactsOfRows(tables.conversations as Conversation[], tables.messages as StoredMessage[]);
    await db.conversationFacts.bulkAdd(facts);
    await db.factsByDay.bulkAdd(factsByDayOf(facts));
    await putSummaries(tables.orders as Order[], tables.customers as Customer[], tables.conversations as Conversation[]);
  });
  return { ok: true, rows };
}

/**
 * Deletes every stored conversation, customer, order, article and setting, and the model cache rows.
 * One marker stays: the starter articles were already given, so a worker restart must not bring
 * 74 articles back into a knowledge base the user just emptied.
 */
export async function deleteAllData(now = Date.now()): Promise<void> {
  await db.transaction('rw', [...TABLES.map((name) => db.table(name)), ...DERIVED], async () => {
    for (const name of TABLES) await db.table(name).clear();
    for (const table of DERIVED) await table.clear();
    await putSummaries([], [], []);
    await db.settings.put({ key: 'starterSeeded', value: now });
  });
}
