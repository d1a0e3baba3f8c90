import { db } from '../db';

/** The background's indexing of the knowledge base, shown on the options page while it runs. */
export interface KbIndexStatus {
  running: boolean;
  articles: number;
  /** How long the last indexing took. */
  ms?: number;
  at: number;
}

const KEY = 'kbIndexStatus';

export async function writeKbIndexStatus(status: KbIndexStatus): Promise<void> {
  await db.settings.put({ key: KEY, value: status });
}

export async function readKbIndexStatus(): Promise<KbIndexStatus | undefined> {
  return (await db.settings.get(KEY))?.value as KbIndexStatus | undefined;
}
