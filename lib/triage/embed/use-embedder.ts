/**
 * Wraps a model loaded by the USE package's own `use.load({ modelUrl, vocabUrl })` as an Embedder:
 * batches, L2-normalises on the backend, copies rows out and disposes every tensor it touches.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import * as use from '@tensorflow-models/universal-sentence-encoder';
import type { Embedder } from './types';
import { modelIdFromMetadata, vocabDataUrl } from './use-artifacts';

/** Texts per model call: bounds peak memory on long KB imports; USE cost is linear in tokens anyway. */
const BATCH = 64;
/** Longer texts are cut: the start of a mail carries its intent, and tokenising is O(length). */
export const MAX_EMBED_CHARS = 2000;

export interface UseEmbedderOptions {
  /** A URL (`https://…`, `indexeddb://…`) or an IOHandler such as tf.io.fromMemory(artifacts). */
  model: string | tf.io.IOHandler;
  vocabText: string;
  /** Known id; otherwise read from the model's metadata (set when it was cached). */
  modelId?: string;
}

/** The GraphModel inside the package object; typed `private` there but a plain field at runtime. */
function innerGraphModel(encoder: use.UniversalSentenceEncoder): GraphModel | undefined {
  return (encoder as unknown as { model?: GraphModel }).model;
}

export async function createUseEmbedder(options: UseEmbedderOptions): Promise<Embedder> {
  // The package types modelUrl as string, but passes it straight to tfconv.loadGraphModel, which
  // also takes an IOHandler (toolchain.md §4a).
  const encoder = await use.load({ modelUrl: options.model as string, vocabUrl: vocabDataUrl(options.vocabText) });
  const graph = innerGraphModel(encoder);
  const modelId = options.modelId ?? modelIdFromMetadata(graph?.metadata);
  if (modelId === undefined) {
    graph?.dispose();
    throw new Error('USE model has no id: load it through use-loader or node.ts');
  }
  const probe = await encoder.embed(['a']);
  const dim = probe.shape[1];
  probe.dispose();
  return new UseEmbedder(encoder, graph, modelId, dim);
}

class UseEmbedder implements Embedder {
  constructor(
    private readonly encoder: use.UniversalSentenceEncoder,
    private readonly graph: GraphModel | undefined,
    readonly modelId: string,
    readonly dim: number,
  ) {}

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = texts.map(() => new Float32Array(this.dim));
    // USE's tokenizer yields no token at all for '', which would shift the rows of a batch; an
    // empty text means "no information", so it keeps the zero vector.
    const todo = texts.flatMap((t, i) => (t.trim() === '' ? [] : [i]));
    for (let start = 0; start < todo.length; start += BATCH) {
      const idx = todo.slice(start, start + BATCH);
      const rows = await this.embedBatch(idx.map((i) => texts[i].slice(0, MAX_EMBED_CHARS)));
      idx.forEach((textIndex, j) => {
        out[textIndex] = rows.slice(j * this.dim, (j + 1) * this.dim);
      });
    }
    return out;
  }

  private async embedBatch(batch: string[]): Promise<Float32Array> {
    const raw = await this.encoder.embed(batch);
    try {
      if (raw.shape[0] !== batch.length || raw.shape[1] !== this.dim) {
        throw new Error(`USE returned shape [${raw.shape}] for ${batch.length} texts`);
      }
      const unit = tf.tidy(() => tf.div(raw, tf.maximum(tf.norm(raw, 'euclidean', 1, true), 1e-12)));
      try {
        return (await unit.data()) as Float32Array;
      } finally {
        unit.dispose();
      }
    } finally {
      raw.dispose();
    }
  }

  dispose(): void {
    this.graph?.dispose();
  }
}
