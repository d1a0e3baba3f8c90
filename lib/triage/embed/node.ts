/**
 * Node-only loading of USE (scripts/eval.ts, bench): from a directory on disk (model.json, shards,
 * vocab.json) or an http(s) URL, without IndexedDB. Same model id as the browser cache for the
 * same files, so embeddings computed in Node can be compared with the extension's.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend, type TfBackendName } from './backend';
import type { Embedder } from './types';
import {
  artifactsFromModelJson,
  checkVocab,
  computeUseModelId,
  fetchUseArtifacts,
  fetchVocabText,
  parseModelJson,
  siblingVocabUrl,
} from './use-artifacts';
import { createUseEmbedder } from './use-embedder';

/** The folder with tfjs-backend-wasm*.wasm inside node_modules, with the trailing slash tfjs wants. */
export function nodeWasmPath(): string {
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return path.dirname(entry) + path.sep;
}

/** wasm (single-threaded SIMD build from node_modules) unless `cpu` is asked for. */
export function initNodeTfBackend(prefer: TfBackendName = 'wasm'): Promise<TfBackendName> {
  return initTfBackend({ prefer, wasmPath: nodeWasmPath() });
}

function toArrayBuffer(buf: Buffer): ArrayBuffer {
  // Small Buffers share a pooled ArrayBuffer; copy out exactly our bytes.
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

async function readDirArtifacts(dir: string): Promise<{ artifacts: tf.io.ModelArtifacts; vocabText: string }> {
  const modelJson = parseModelJson(await fs.readFile(path.join(dir, 'model.json'), 'utf8'));
  const artifacts = await artifactsFromModelJson(modelJson, async (shard) =>
    toArrayBuffer(await fs.readFile(path.join(dir, path.basename(shard.split('?')[0])))),
  );
  const vocabText = checkVocab(await fs.readFile(path.join(dir, 'vocab.json'), 'utf8'));
  return { artifacts, vocabText };
}

/**
 * `dirOrUrl`: a directory holding model.json + shards + vocab.json, or the http(s) URL of a
 * model.json (vocab.json next to it). Initialises the tfjs backend (wasm, else cpu) if nothing
 * did yet.
 */
export async function loadUseEmbedderFromPath(dirOrUrl: string): Promise<Embedder> {
  await initNodeTfBackend();
  const isUrl = /^https?:\/\//.test(dirOrUrl);
  const { artifacts, vocabText } = isUrl
    ? {
        artifacts: await fetchUseArtifacts(dirOrUrl),
        vocabText: await fetchVocabText(siblingVocabUrl(dirOrUrl)),
      }
    : await readDirArtifacts(dirOrUrl);
  return createUseEmbedder({
    model: tf.io.fromMemory(artifacts),
    vocabText,
    modelId: computeUseModelId(artifacts, vocabText),
  });
}
