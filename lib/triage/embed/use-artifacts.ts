/**
 * USE model files as data: fetching them over HTTP with progress, assembling them from a folder of
 * files, checking the vocabulary, and fingerprinting model + vocabulary into a model id.
 * Browser-safe (no Node APIs); node.ts reuses it for directories on disk.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Fingerprint } from './hash';

/** Key in the model's userDefinedMetadata that carries our model id through the IndexedDB cache. */
export const MODEL_ID_METADATA_KEY = 'solodeskModelId';

export class UseFormatError extends Error {
  override name = 'UseFormatError';
}

function isVocabEntry(entry: unknown): entry is [string, number] {
  return Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number';
}

/**
 * Parses and checks vocab.json (a JSON array of [piece, score]; ids 0–5 reserved, 0 = unknown).
 * The unknown piece is rewritten to U+FFFD when it is longer than one character: USE 1.3.3's
 * tokenizer steps back by that piece's length after an unknown character, so e.g. `<unk>` would
 * silently drop the tokens before any unknown (CJK) character (toolchain.md §5).
 */
export function checkVocab(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UseFormatError('vocab.json is not JSON');
  }
  if (!Array.isArray(parsed) || parsed.length < 7 || !parsed.every(isVocabEntry)) {
    throw new UseFormatError('vocab.json must be an array of [piece, score] with more than 6 entries');
  }
  if (parsed[0][0].length === 1) return text;
  parsed[0] = ['\uFFFD', parsed[0][1]];
  return JSON.stringify(parsed);
}

/** The vocabulary as a URL that use.load can fetch with no network (blob: is missing in MV3 workers). */
export function vocabDataUrl(vocabText: string): string {
  return `data:application/json;charset=utf-8,${encodeURIComponent(vocabText)}`;
}

function weightBuffers(data: tf.io.WeightData | undefined): ArrayBuffer[] {
  if (data === undefined) return [];
  return Array.isArray(data) ? data : [data];
}

export function weightBytes(artifacts: tf.io.ModelArtifacts): number {
  return weightBuffers(artifacts.weightData).reduce((sum, b) => sum + b.byteLength, 0);
}

/** Same weights + topology + vocabulary ⇒ same id, whether loaded from a URL, a folder or the cache. */
export function computeUseModelId(artifacts: tf.io.ModelArtifacts, vocabText: string): string {
  const fp = new Fingerprint()
    .addText(JSON.stringify(artifacts.modelTopology ?? null))
    .addText(JSON.stringify(artifacts.weightSpecs ?? []));
  for (const buffer of weightBuffers(artifacts.weightData)) fp.addBytes(buffer);
  return `use-${fp.addText(vocabText).digest()}`;
}

export function withModelId(artifacts: tf.io.ModelArtifacts, modelId: string): tf.io.ModelArtifacts {
  return { ...artifacts, userDefinedMetadata: { ...artifacts.userDefinedMetadata, [MODEL_ID_METADATA_KEY]: modelId } };
}

export function modelIdFromMetadata(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const id = (metadata as Record<string, unknown>)[MODEL_ID_METADATA_KEY];
  return typeof id === 'string' ? id : undefined;
}

/**
 * The URL of model.json. TF Hub model handles (like the package's default) are folders served with
 * `?tfjs-format=file`, the same rewrite tfconv.loadGraphModel does for `fromTFHub`.
 */
export function modelJsonUrl(modelUrl: string): string {
  if (!/^https?:\/\/tfhub\.dev\//.test(modelUrl) || /\.json(\?|$)/.test(modelUrl)) return modelUrl;
  return `${modelUrl.replace(/\/?$/, '/')}model.json?tfjs-format=file`;
}

/** vocab.json next to model.json, for a user-chosen model URL that has no separate vocab setting. */
export function siblingVocabUrl(modelUrl: string): string {
  return new URL('vocab.json', modelJsonUrl(modelUrl)).href;
}

export interface FetchOptions {
  /** 0…1 as tfjs reports it: after model.json, then as each weight shard arrives. */
  onProgress?: (fraction: number) => void;
  fetchFunc?: typeof fetch;
}

/** Downloads model.json and all weight shards into memory (nothing is saved yet). */
export async function fetchUseArtifacts(modelUrl: string, options: FetchOptions = {}): Promise<tf.io.ModelArtifacts> {
  const handler = tf.io.http(modelJsonUrl(modelUrl), { onProgress: options.onProgress, fetchFunc: options.fetchFunc });
  if (handler.load === undefined) throw new Error('tfjs http handler cannot load');
  return handler.load();
}

export async function fetchVocabText(vocabUrl: string, fetchFunc?: typeof fetch): Promise<string> {
  const response = await (fetchFunc ?? tf.util.fetch)(vocabUrl);
  if (!response.ok) throw new Error(`vocab download failed: HTTP ${response.status} for ${vocabUrl}`);
  return checkVocab(await response.text());
}

/** model.json (parsed) + a reader for its shard paths → artifacts, shards in manifest order. */
export function artifactsFromModelJson(
  modelJson: tf.io.ModelJSON,
  readShard: (path: string) => Promise<ArrayBuffer>,
): Promise<tf.io.ModelArtifacts> {
  if (modelJson.modelTopology === undefined || !Array.isArray(modelJson.weightsManifest)) {
    throw new UseFormatError('model.json needs modelTopology and weightsManifest');
  }
  return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
    const paths = manifest.flatMap((group) => group.paths);
    const buffers = await Promise.all(paths.map(readShard));
    return [tf.io.getWeightSpecs(manifest), buffers];
  });
}

export function parseModelJson(text: string): tf.io.ModelJSON {
  try {
    return JSON.parse(text) as tf.io.ModelJSON;
  } catch {
    throw new UseFormatError('model.json is not JSON');
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop()?.split('?')[0] ?? path;
}

/**
 * A folder the user picked (`<input type=file webkitdirectory>` or drag and drop): model.json, its
 * weight shards and vocab.json, matched by file name.
 */
export async function artifactsFromFiles(
  files: ArrayLike<File>,
): Promise<{ artifacts: tf.io.ModelArtifacts; vocabText: string }> {
  const byName = new Map<string, File>();
  for (const file of Array.from(files)) byName.set(baseName(file.name), file);
  const modelFile = byName.get('model.json');
  const vocabFile = byName.get('vocab.json');
  if (modelFile === undefined) throw new UseFormatError('the folder has no model.json');
  if (vocabFile === undefined) throw new UseFormatError('the folder has no vocab.json');
  const artifacts = await artifactsFromModelJson(parseModelJson(await modelFile.text()), async (path) => {
    const shard = byName.get(baseName(path));
    if (shard === undefined) throw new UseFormatError(`the folder is missing weight file ${baseName(path)}`);
    return shard.arrayBuffer();
  });
  return { artifacts, vocabText: checkVocab(await vocabFile.text()) };
}
