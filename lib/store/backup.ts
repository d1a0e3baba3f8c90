import { z } from 'zod';
import { db } from '../db';

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
  tables: z.object(Object.fromEntries(TABLES.map((name) => [name, z.array(z.record(z.string(), z.unknown()))])) as Record<TableName, z.ZodArray<z.ZodRecord<z.ZodString, z.ZodUnknown>>>),
});

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
  const result = backupSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || 'file'}: ${issue.message}` };
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

/**
 * Deletes every stored conversation, customer, order, article and setting, and the model cache rows.
 * One marker stays: the starter articles were already given, so a worker restart must not bring
 * 74 articles back into a knowledge base the user just emptied.
 */
export async function deleteAllData(now = Date.now()): Promise<void> {
  await db.transaction('rw', [...TABLES.map((name) => db.table(name)), db.embeddings], async () => {
    for (const name of TABLES) await db.table(name).clear();
    await db.embeddings.clear();
    await db.settings.put({ key: 'starterSeeded', value: now });
  });
}
