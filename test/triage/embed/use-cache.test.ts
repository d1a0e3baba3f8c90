/**
 * Download once → IndexedDB → offline. Runs in the default happy-dom environment because tfjs only
 * routes `indexeddb://` when it believes it is in a browser (fake-indexeddb comes from
 * test/setup.ts); cpu backend, since wasm logs stray fetch errors under happy-dom (toolchain.md §4c).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTfBackend } from '../../../lib/triage/embed/backend';
import type { UseLoadProgress } from '../../../lib/triage/embed/types';
import {
  downloadUse,
  FOLDER_SOURCE_PREFIX,
  installUseFromFiles,
  isUseCached,
  loadUseEmbedder,
  memoryVocabStore,
  removeUseFromCache,
  useCacheKey,
  UseNotDownloadedError,
} from '../../../lib/triage/embed/use-loader';
import { buildTinyUse, serveDir, tinyUseFiles, writeTinyUse, type TinyServer } from '../../helpers/tiny-use';

const TEXTS = ['my invoice is overdue', 'I cannot login to my account', 'where is my parcel?'];

let server: TinyServer;
let modelUrl: string;

beforeAll(async () => {
  expect(await initTfBackend({ prefer: 'cpu' })).toBe('cpu');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-use-idb-'));
  writeTinyUse(dir);
  server = await serveDir(dir);
  modelUrl = `${server.url}/model.json`;
});

afterAll(async () => {
  await server?.close();
});

describe('USE download and IndexedDB cache', () => {
  it('downloads only when asked, then loads a second time from the cache with zero HTTP requests', async () => {
    const vocabs = memoryVocabStore();
    await expect(loadUseEmbedder({ source: modelUrl, vocabs })).rejects.toBeInstanceOf(UseNotDownloadedError);
    expect(server.hits).toEqual([]);

    const progress: UseLoadProgress[] = [];
    const first = await loadUseEmbedder({ source: modelUrl, vocabs, download: true, onProgress: (p) => progress.push(p) });
    expect(server.hits.sort()).toEqual(['/group1-shard1of2.bin', '/group1-shard2of2.bin', '/model.json', '/vocab.json']);
    expect(Object.keys(await tf.io.listModels())).toContain(useCacheKey(modelUrl));
    expect(await isUseCached(modelUrl, vocabs)).toBe(true);
    const firstRows = await first.embed(TEXTS);

    server.hits.length = 0;
    const second = await loadUseEmbedder({ source: modelUrl, vocabs });
    expect(server.hits).toEqual([]);
    expect(second.modelId).toBe(first.modelId);
    expect((await second.embed(TEXTS)).map((r) => Array.from(r))).toEqual(firstRows.map((r) => Array.from(r)));

    // Progress: monotone, several model steps from tfjs' onProgress, ending at 'ready' = 1.
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.filter((p) => p.stage === 'model').length).toBeGreaterThanOrEqual(3);
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['model', 'vocab', 'cache', 'ready']));
    expect(progress.at(-1)).toEqual({ stage: 'ready', fraction: 1 });
    first.dispose?.();
    second.dispose?.();
  });

  it('does not count a cached model without its vocabulary as downloaded', async () => {
    await downloadUse({ source: modelUrl, vocabs: memoryVocabStore() });
    expect(Object.keys(await tf.io.listModels())).toContain(useCacheKey(modelUrl));
    const emptyVocabs = memoryVocabStore();
    expect(await isUseCached(modelUrl, emptyVocabs)).toBe(false);
    await expect(loadUseEmbedder({ source: modelUrl, vocabs: emptyVocabs })).rejects.toBeInstanceOf(UseNotDownloadedError);
  });

  it('keeps the model id when the same model is downloaded again, and changes it for other weights', async () => {
    const vocabs = memoryVocabStore();
    const a = await downloadUse({ source: modelUrl, vocabs });
    const b = await downloadUse({ source: modelUrl, vocabs });
    expect(b.modelId).toBe(a.modelId);
    const other = await installUseFromFiles(tinyUseFiles(buildTinyUse({ seed: 99 })), vocabs);
    expect(other.modelId).not.toBe(a.modelId);
  });

  it('installs a model from a picked folder of files and loads it offline with the same id as the download', async () => {
    const vocabs = memoryVocabStore();
    const downloaded = await downloadUse({ source: modelUrl, vocabs });
    server.hits.length = 0;
    const installed = await installUseFromFiles(tinyUseFiles(), vocabs);
    expect(installed.source.startsWith(FOLDER_SOURCE_PREFIX)).toBe(true);
    expect(installed.modelId).toBe(downloaded.modelId);
    expect(installed.weightBytes).toBe(downloaded.weightBytes);

    const fromFolder = await loadUseEmbedder({ source: installed.source, vocabs });
    const fromUrl = await loadUseEmbedder({ source: modelUrl, vocabs });
    expect(server.hits).toEqual([]);
    expect((await fromFolder.embed(TEXTS)).map((r) => Array.from(r))).toEqual(
      (await fromUrl.embed(TEXTS)).map((r) => Array.from(r)),
    );
    fromFolder.dispose?.();
    fromUrl.dispose?.();
  });

  it('rejects a folder without vocab.json', async () => {
    const files = tinyUseFiles().filter((f) => f.name !== 'vocab.json');
    await expect(installUseFromFiles(files, memoryVocabStore())).rejects.toThrow(/vocab\.json/);
  });

  it('never downloads for a folder source that is not cached', async () => {
    await expect(
      loadUseEmbedder({ source: `${FOLDER_SOURCE_PREFIX}use-0`, vocabs: memoryVocabStore(), download: true }),
    ).rejects.toBeInstanceOf(UseNotDownloadedError);
  });

  it('forgets a model removed from the cache', async () => {
    const vocabs = memoryVocabStore();
    await downloadUse({ source: modelUrl, vocabs });
    await removeUseFromCache(modelUrl);
    expect(await isUseCached(modelUrl, vocabs)).toBe(false);
  });
});
