import { db } from '../db';
import type { UseLoadProgress, VocabStore } from '../triage/embed/types';

/**
 * What the background keeps about the Universal Sentence Encoder in the settings table (no schema
 * change): the vocabulary text per model source (tfjs' own IndexedDB store holds the weights), the
 * download progress the options page shows through useLiveQuery, and facts about the installed model.
 */

const VOCAB_KEY_PREFIX = 'useVocab:';
export const MODEL_PROGRESS_KEY = 'modelProgress';
export const MODEL_INSTALLED_KEY = 'modelInstalled';

export function vocabKey(source: string): string {
  return VOCAB_KEY_PREFIX + source;
}

/** Vocabularies in db.settings under `useVocab:<source>`, so several sources can coexist. */
export function dexieVocabStore(): VocabStore {
  return {
    async getVocab(source) {
      const row = await db.settings.get(vocabKey(source));
      return typeof row?.value === 'string' ? row.value : undefined;
    },
    async putVocab(text, source) {
      await db.settings.put({ key: vocabKey(source), value: text });
    },
  };
}

export async function deleteVocab(source: string): Promise<void> {
  await db.settings.delete(vocabKey(source));
}

/** One row the options page watches: the stage and fraction of a running install, or its error. */
export interface ModelProgressRow extends Partial<UseLoadProgress> {
  running: boolean;
  error?: string;
  at: number;
}

export async function writeModelProgress(row: Omit<ModelProgressRow, 'at'>): Promise<void> {
  await db.settings.put({ key: MODEL_PROGRESS_KEY, value: { ...row, at: Date.now() } });
}

function isProgressRow(value: unknown): value is ModelProgressRow {
  return typeof value === 'object' && value !== null && typeof (value as ModelProgressRow).running === 'boolean';
}

export async function readModelProgress(): Promise<ModelProgressRow | undefined> {
  const row = await db.settings.get(MODEL_PROGRESS_KEY);
  return isProgressRow(row?.value) ? row.value : undefined;
}

/** Facts measured when the model was installed and last loaded, for the status line and the report. */
export interface ModelInstalledRow {
  source: string;
  modelId: string;
  bytes: number;
  downloadMs?: number;
  loadMs?: number;
  embedMs?: number;
}

export async function writeModelInstalled(row: ModelInstalledRow): Promise<void> {
  await db.settings.put({ key: MODEL_INSTALLED_KEY, value: row });
}

export async function readModelInstalled(): Promise<ModelInstalledRow | undefined> {
  const row = await db.settings.get(MODEL_INSTALLED_KEY);
  const value = row?.value as Partial<ModelInstalledRow> | undefined;
  if (typeof value?.source !== 'string' || typeof value.modelId !== 'string' || typeof value.bytes !== 'number') return undefined;
  return value as ModelInstalledRow;
}

export async function clearModelInstalled(): Promise<void> {
  await db.settings.bulkDelete([MODEL_INSTALLED_KEY, MODEL_PROGRESS_KEY]);
}
