/**
 * Universal Sentence Encoder (lite) in the extension: downloaded only when the user enables it,
 * with progress, cached in IndexedDB together with its vocabulary so every later load is offline.
 * Browser-safe: no Node APIs (node.ts is the Node counterpart). Call initTfBackend() first.
 *
 * Flow: fetch model.json + shards with tf.io.http (USE's own load() does not forward tfjs'
 * onProgress) → fingerprint model + vocabulary into a model id → save to
 * `indexeddb://solodesk-use-<fnv(source)>` with the id in userDefinedMetadata, vocabulary text into
 * the caller's VocabStore → `use.load({ modelUrl: 'indexeddb://…', vocabUrl: 'data:…' })`.
 *
 * Chinese (and Japanese/Korean): USE lite's tokenizer is an 8k English SentencePiece vocabulary.
 * Characters that start no vocabulary piece become the unknown id 0 and the tokenizer then merges
 * each run of consecutive unknowns into ONE token, so "会议通知周五下午三点" encodes as
 * [▁, unk] and nearly every all-Chinese mail gets nearly the same embedding. Chinese therefore has
 * to lean on the lexical engine (Intl.Segmenter words + character n-grams); embeddingUsefulFor()
 * tells the engine to give the embedding no weight in fusion for these languages.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fnv1a32 } from './hash';
import type { Embedder, UseProgressCallback, VocabStore } from './types';
import {
  artifactsFromFiles,
  checkVocab,
  computeUseModelId,
  fetchUseArtifacts,
  fetchVocabText,
  siblingVocabUrl,
  weightBytes,
  withModelId,
} from './use-artifacts';
import { createUseEmbedder } from './use-embedder';

/** The package's own defaults (USE 1.3.3 dist/index.js); a TF Hub handle, fetched with ?tfjs-format=file. */
export const OFFICIAL_USE_MODEL_URL = 'https://tfhub.dev/tensorflow/tfjs-model/universal-sentence-encoder-lite/1/default/1';
export const OFFICIAL_USE_VOCAB_URL = 'https://storage.googleapis.com/tfjs-models/savedmodel/universal_sentence_encoder/vocab.json';
/** Source names of models installed from a user-picked folder: `folder:<model id>`. */
export const FOLDER_SOURCE_PREFIX = 'folder:';

const LOW_COVERAGE_LANGS = new Set(['zh', 'ja', 'ko', 'cmn', 'yue', 'wuu', 'jpn', 'kor']);

/** False where USE lite sees mostly unknown tokens (CJK, see above); accepts `zh-CN`, franc's `cmn`. */
export function embeddingUsefulFor(lang: string): boolean {
  return !LOW_COVERAGE_LANGS.has(lang.toLowerCase().split(/[-_]/)[0]);
}

export class UseNotDownloadedError extends Error {
  override name = 'UseNotDownloadedError';
  constructor(readonly source: string) {
    super(`USE model ${source} is not in the local cache and downloading was not allowed`);
  }
}

export interface UseInstallResult {
  /** What to keep in settings and pass back as `source`: the model URL or `folder:<id>`. */
  source: string;
  modelId: string;
  /** Weight bytes stored (log it: the real USE lite size is unverified, expected ~25 MB). */
  weightBytes: number;
}

export interface UseLoadOptions {
  /** Model URL (default: the official one) or a `folder:…` source from installUseFromFiles. */
  source?: string;
  /** Default: the official vocab for the official model, else vocab.json next to model.json. */
  vocabUrl?: string;
  vocabs: VocabStore;
  /** Allow network access when the cache is empty. Default false: the user must opt in. */
  download?: boolean;
  onProgress?: UseProgressCallback;
  fetchFunc?: typeof fetch;
}

export function useCacheKey(source: string): string {
  return `indexeddb://solodesk-use-${fnv1a32(source)}`;
}

export function defaultVocabUrl(source: string): string {
  return source === OFFICIAL_USE_MODEL_URL ? OFFICIAL_USE_VOCAB_URL : siblingVocabUrl(source);
}

/** Both halves present: the model in tfjs' IndexedDB store and the vocabulary in the VocabStore. */
export async function isUseCached(source: string, vocabs: VocabStore): Promise<boolean> {
  const models = await tf.io.listModels();
  return useCacheKey(source) in models && (await vocabs.getVocab(source)) !== undefined;
}

export async function removeUseFromCache(source: string): Promise<void> {
  const key = useCacheKey(source);
  if (key in (await tf.io.listModels())) await tf.io.removeModel(key);
}

/** Loads from the cache; downloads first only when `download` is true. */
export async function loadUseEmbedder(options: UseLoadOptions): Promise<Embedder> {
  const source = options.source ?? OFFICIAL_USE_MODEL_URL;
  if (!(await isUseCached(source, options.vocabs))) {
    if (options.download !== true || source.startsWith(FOLDER_SOURCE_PREFIX)) throw new UseNotDownloadedError(source);
    await downloadUse({ ...options, source });
  }
  const vocabText = await options.vocabs.getVocab(source);
  if (vocabText === undefined) throw new UseNotDownloadedError(source);
  const embedder = await createUseEmbedder({ model: useCacheKey(source), vocabText: checkVocab(vocabText) });
  options.onProgress?.({ stage: 'ready', fraction: 1 });
  return embedder;
}

/** Downloads (again, if already cached) model + vocabulary and stores both. */
export async function downloadUse(options: UseLoadOptions): Promise<UseInstallResult> {
  const source = options.source ?? OFFICIAL_USE_MODEL_URL;
  const report = options.onProgress ?? (() => undefined);
  report({ stage: 'model', fraction: 0 });
  const artifacts = await fetchUseArtifacts(source, {
    fetchFunc: options.fetchFunc,
    onProgress: (f) => report({ stage: 'model', fraction: 0.9 * f }),
  });
  const vocabText = await fetchVocabText(options.vocabUrl ?? defaultVocabUrl(source), options.fetchFunc);
  report({ stage: 'vocab', fraction: 0.93 });
  const result = await saveToCache(source, artifacts, vocabText, options.vocabs);
  report({ stage: 'cache', fraction: 0.97 });
  return result;
}

/** A folder the user picked (model.json, shards, vocab.json) → cached like a download. */
export async function installUseFromFiles(
  files: ArrayLike<File>,
  vocabs: VocabStore,
  onProgress?: UseProgressCallback,
): Promise<UseInstallResult> {
  onProgress?.({ stage: 'model', fraction: 0 });
  const { artifacts, vocabText } = await artifactsFromFiles(files);
  onProgress?.({ stage: 'vocab', fraction: 0.9 });
  const source = FOLDER_SOURCE_PREFIX + computeUseModelId(artifacts, vocabText);
  const result = await saveToCache(source, artifacts, vocabText, vocabs);
  onProgress?.({ stage: 'cache', fraction: 0.97 });
  return result;
}

async function saveToCache(
  source: string,
  artifacts: tf.io.ModelArtifacts,
  vocabText: string,
  vocabs: VocabStore,
): Promise<UseInstallResult> {
  const modelId = computeUseModelId(artifacts, vocabText);
  const bytes = weightBytes(artifacts);
  const [handler] = tf.io.getSaveHandlers(useCacheKey(source));
  if (handler?.save === undefined) throw new Error('IndexedDB model storage is not available here');
  // Model first, vocabulary last: isUseCached needs both, so an interrupted save means a re-download.
  await handler.save(withModelId(artifacts, modelId));
  await vocabs.putVocab(vocabText, source);
  return { source, modelId, weightBytes: bytes };
}

/** A VocabStore in memory (Node scripts, tests). */
export function memoryVocabStore(): VocabStore {
  const texts = new Map<string, string>();
  return {
    getVocab: async (key) => texts.get(key),
    putVocab: async (text, key) => {
      texts.set(key, text);
    },
  };
}
