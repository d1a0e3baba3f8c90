import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import {
  clearModelInstalled,
  deleteVocab,
  dexieVocabStore,
  readModelInstalled,
  readModelProgress,
  writeModelInstalled,
  writeModelProgress,
} from '../../lib/store/model';

beforeEach(async () => {
  await db.settings.clear();
});

describe('the Dexie vocabulary store', () => {
  it('returns undefined for a source it has never stored', async () => {
    expect(await dexieVocabStore().getVocab('https://x/model.json')).toBeUndefined();
  });

  it('keeps one vocabulary per source and survives a new store instance', async () => {
    await dexieVocabStore().putVocab('[["a",0]]', 'https://one/model.json');
    await dexieVocabStore().putVocab('[["b",0]]', 'folder:use-123');
    const again = dexieVocabStore();
    expect(await again.getVocab('https://one/model.json')).toBe('[["a",0]]');
    expect(await again.getVocab('folder:use-123')).toBe('[["b",0]]');
  });

  it('overwrites the vocabulary of the same source and deletes only that one', async () => {
    const store = dexieVocabStore();
    await store.putVocab('old', 'src');
    await store.putVocab('new', 'src');
    await store.putVocab('other', 'src2');
    expect(await store.getVocab('src')).toBe('new');
    await deleteVocab('src');
    expect(await store.getVocab('src')).toBeUndefined();
    expect(await store.getVocab('src2')).toBe('other');
  });

  it('ignores a non-text value under a vocabulary key', async () => {
    await db.settings.put({ key: 'useVocab:src', value: 42 });
    expect(await dexieVocabStore().getVocab('src')).toBeUndefined();
  });
});

describe('model progress and install rows', () => {
  it('stores the progress with a timestamp and reads it back', async () => {
    await writeModelProgress({ running: true, stage: 'model', fraction: 0.5 });
    const row = await readModelProgress();
    expect(row).toMatchObject({ running: true, stage: 'model', fraction: 0.5 });
    expect(row?.at).toBeGreaterThan(0);
  });

  it('reads a damaged install row as nothing installed', async () => {
    await db.settings.put({ key: 'modelInstalled', value: { source: 'x' } });
    expect(await readModelInstalled()).toBeUndefined();
  });

  it('clears the install facts and the progress together', async () => {
    await writeModelInstalled({ source: 's', modelId: 'use-1', bytes: 10, downloadMs: 5 });
    await writeModelProgress({ running: false, stage: 'ready', fraction: 1 });
    expect(await readModelInstalled()).toEqual({ source: 's', modelId: 'use-1', bytes: 10, downloadMs: 5 });
    await clearModelInstalled();
    expect(await readModelInstalled()).toBeUndefined();
    expect(await readModelProgress()).toBeUndefined();
  });
});

describe('the default model source', () => {
  it('is the official USE URL that the loader knows', async () => {
    const { DEFAULT_MODEL_SOURCE, settingsSchema } = await import('../../lib/settings');
    const { OFFICIAL_USE_MODEL_URL } = await import('../../lib/triage/embed/use-loader');
    expect(DEFAULT_MODEL_SOURCE).toBe(OFFICIAL_USE_MODEL_URL);
    expect(settingsSchema.parse({})).toMatchObject({ modelEnabled: false, modelSource: OFFICIAL_USE_MODEL_URL });
  });
});

describe('the modelEnable message schema', () => {
  it.each([
    ['the official TF Hub handle', 'https://tfhub.dev/tensorflow/tfjs-model/universal-sentence-encoder-lite/1/default/1', true],
    ['a self-hosted model.json', 'https://models.example.com/use/model.json', true],
    ['an installed folder', 'folder:use-1a2b3c4d-k3', true],
    ['a javascript: URL', 'javascript:alert(1)', false],
    ['a file: URL', 'file:///etc/passwd', false],
    ['a folder source that is not a model id', 'folder:../../x', false],
    ['an empty source', '', false],
  ])('%s (%s) is accepted: %s', async (_name, source, ok) => {
    const { modelEnableSchema } = await import('../../lib/messaging');
    expect(modelEnableSchema.safeParse({ source }).success).toBe(ok);
  });
});
