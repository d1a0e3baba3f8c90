import { z } from 'zod';
import { db } from '../db';
import { BACKUP_ROWS, duplicateKey } from './backup-rows';

/**
 * A full backup in one JSON file, restore, and "delete all my data". The embeddings cache is left
 * out of backups (it is rebuilt from the model and the texts) and cleared on restore.
 */

export const BACKUP_FORMAT = 'solodesk-backup';
const TABLES = ['articles', 'customers', 'orders', 'conversations', 'messages', 'feedback', 'openings', 'layoutMisses', 'settings'] as const;
type TableName = (typeof TABLES)[number];

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  tables: z.object(Object.fromEntries(TABLES.map((name) => [name, z.array(BACKUP_ROWS[name].row)])) as { [K in TableName]: z.ZodArray<(typeof BACKUP_ROWS)[K]['row']> }),
});

// Our rows nest a few levels (a setting's value, a stored triage); far deeper is a damaged or
// hostile file, which would overflow the stack of whatever walks it next (zod, IndexedDB's clone).
const MAX_DEPTH = 64;

/** The path of the first value nested deeper than MAX_DEPTH, or null; iterative, so it cannot overflow. */
function tooDeep(root: unknown): string | null {
  const stack: [unknown, string, number][] = [[root, 'file', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return path;
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
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const deep = tooDeep(parsed);
  if (deep) return { ok: false, error: `${deep.slice(0, 120)}…: nested more than ${MAX_DEPTH} levels deep` };
  const result = backupSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || 'file'}: ${issue.message}` };
  }
  for (const name of TABLES) {
    const duplicate = duplicateKey(name, result.data.tables[name]);
    if (duplicate) return { ok: false, error: duplicate };
  }
  let rows = 0;
  await db.transaction('rw', [...TABLES.map((name) => db.table(name)), db.embeddings], async () => {
    await db.embeddings.clear();
    for (const name of TABLES) {
      await db.table(name).clear();
      await db.table(name).bulkAdd(result.data.tables[name]);
      rows += result.data.tables[name].length;
    }
  });
  return { ok: true, rows };
}

/** Deletes every stored conversation, customer, order, article and setting, and the model cache rows. */
export async function deleteAllData(): Promise<void> {
  await db.transaction('rw', [...TABLES.map((name) => db.table(name)), db.embeddings], async () => {
    for (const name of TABLES) await db.table(name).clear();
    await db.embeddings.clear();
  });
}
