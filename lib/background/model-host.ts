import * as tf from '@tensorflow/tfjs-core';
import { loadSettings, saveSettings } from '../settings';
import { reportError } from '../log';
import { recordedFetch } from '../network-log';
import {
  clearModelInstalled,
  deleteVocab,
  dexieVocabStore,
  readModelInstalled,
  writeModelInstalled,
  writeModelProgress,
  type ModelInstalledRow,
} from '../store/model';
import { currentTfBackend, initTfBackend } from '../triage/embed/backend';
import type { Embedder } from '../triage/embed/types';
import { isUseCached, loadUseEmbedder, removeUseFromCache, useCacheKey } from '../triage/embed/use-loader';
import type { ModelStatusPayload } from '../messaging';

/**
 * Hosts the Universal Sentence Encoder in the background service worker: off until the user enables
 * it, then downloaded once (progress in the `modelProgress` settings row), cached in IndexedDB and
 * loaded from there on every later start. The engine asks for it through enabledEmbedder(); when it
 * is missing or broken the engine simply runs lexical.
 */

/** The status the model messages answer with (its shape lives with the protocol). */
export type ModelStatus = ModelStatusPayload;

// A few support-shaped sentences: embedding them once after loading warms the kernels up and gives
// a per-batch time that the status can show.
const PROBE = ['Where is my parcel?', 'I cannot log in to my account', 'Please refund my order', 'Invoice overdue'];

let loaded: { source: string; embedder: Promise<Embedder> } | undefined;
let lastError: string | undefined;

function backendReady(): Promise<string> {
  // tfjs-wasm/ is copied in by a build hook (wxt.config.ts), so WXT's typed public paths lack it.
  return initTfBackend({ wasmPath: `${browser.runtime.getURL('/')}tfjs-wasm/` });
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function load(source: string, download: boolean): Promise<Embedder> {
  const backend = await backendReady();
  const vocabs = dexieVocabStore();
  const wasCached = await isUseCached(source, vocabs);
  const started = performance.now();
  let downloadedAt: number | undefined;
  const embedder = await loadUseEmbedder({
    source,
    vocabs,
    download,
    // model.json, every weight shard and the vocabulary: each one is listed on the options page.
    fetchFunc: recordedFetch('model'),
    onProgress: (p) => {
      if (p.stage === 'cache') downloadedAt = performance.now();
      void writeModelProgress({ running: p.stage !== 'ready', stage: p.stage, fraction: p.fraction });
    },
  });
  const loadedAt = performance.now();
  await embedder.embed(PROBE);
  const embedMs = Math.round(performance.now() - loadedAt);
  const previous = await readModelInstalled();
  const row: ModelInstalledRow = {
    source,
    modelId: embedder.modelId,
    bytes: (await tf.io.listModels())[useCacheKey(source)]?.weightDataBytes ?? 0,
    downloadMs: wasCached ? previous?.downloadMs : Math.round((downloadedAt ?? loadedAt) - started),
    loadMs: Math.round(loadedAt - (wasCached ? started : (downloadedAt ?? started))),
    embedMs,
  };
  await writeModelInstalled(row);
  console.info(`[SoloDesk:model] ${row.modelId} on ${backend}: ${row.bytes} bytes, ${JSON.stringify(row)}`);
  return embedder;
}

function loadOnce(source: string, download: boolean): Promise<Embedder> {
  if (loaded?.source !== source) {
    const embedder = load(source, download);
    loaded = { source, embedder };
    embedder.then(
      () => {
        lastError = undefined;
      },
      (error: unknown) => {
        lastError = message(error);
        if (loaded?.embedder === embedder) loaded = undefined;
      },
    );
  }
  return loaded.embedder;
}

/** The embedder when the user enabled the model and it is cached; undefined otherwise (lexical only). */
export async function enabledEmbedder(): Promise<Embedder | undefined> {
  const { modelEnabled, modelSource } = await loadSettings();
  if (!modelEnabled || !(await isUseCached(modelSource, dexieVocabStore()))) return undefined;
  try {
    return await loadOnce(modelSource, false);
  } catch (error) {
    reportError('model', error);
    return undefined;
  }
}

/** Downloads (unless cached), loads and turns the model on; the caller rebuilds the engine. */
export async function enableModel(source: string): Promise<ModelStatus> {
  const { modelSource } = await loadSettings();
  if (loaded && loaded.source !== source) unload();
  await writeModelProgress({ running: true, stage: 'model', fraction: 0 });
  try {
    await loadOnce(source, true);
  } catch (error) {
    await writeModelProgress({ running: false, error: message(error) });
    throw error;
  }
  // An already loaded model reports no progress of its own; the row must not stay "running".
  await writeModelProgress({ running: false, stage: 'ready', fraction: 1 });
  await saveSettings({ modelEnabled: true, modelSource: source });
  if (modelSource !== source) await forget(modelSource);
  return modelStatus();
}

/** Turns the model off and removes it (weights and vocabulary) from the cache. */
export async function disableModel(): Promise<ModelStatus> {
  const { modelSource } = await loadSettings();
  unload();
  await saveSettings({ modelEnabled: false });
  await forget(modelSource);
  await clearModelInstalled();
  return modelStatus();
}

function unload(): void {
  const current = loaded;
  loaded = undefined;
  void current?.embedder.then((e) => e.dispose?.()).catch(() => undefined);
}

async function forget(source: string): Promise<void> {
  await removeUseFromCache(source);
  await deleteVocab(source);
}

export async function modelStatus(): Promise<ModelStatus> {
  const { modelEnabled, modelSource } = await loadSettings();
  const cached = await isUseCached(modelSource, dexieVocabStore());
  const installed = await readModelInstalled();
  const facts = installed?.source === modelSource ? installed : undefined;
  return {
    enabled: modelEnabled,
    cached,
    loaded: loaded?.source === modelSource,
    source: modelSource,
    modelId: facts?.modelId,
    backend: currentTfBackend(),
    bytes: facts?.bytes,
    downloadMs: facts?.downloadMs,
    loadMs: facts?.loadMs,
    embedMs: facts?.embedMs,
    error: lastError,
  };
}
