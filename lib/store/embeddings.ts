import { db } from '../db';
import { contentHash } from '../triage/embed/store';
import type { Embedder } from '../triage/embed/types';

/**
 * Wraps an embedder so every vector is stored with its model id and the text's content hash:
 * a worker restart re-embeds nothing, while a new model or an edited text misses the cache and is
 * embedded again. Vectors of other models are dropped the first time a model is used.
 */
export function cachingEmbedder(inner: Embedder, now: () => number = Date.now): Embedder {
  let pruned = false;
  return {
    modelId: inner.modelId,
    dim: inner.dim,
    dispose: inner.dispose?.bind(inner),
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (!pruned) {
        pruned = true;
        await db.embeddings.where('modelId').notEqual(inner.modelId).delete();
      }
      const keys = texts.map((text) => `${inner.modelId}:${contentHash(text)}`);
      const stored = await db.embeddings.bulkGet(keys);
      const missing = [...new Set(keys.filter((_, i) => !stored[i]))];
      const fresh = new Map<string, Float32Array>();
      if (missing.length > 0) {
        const missingTexts = missing.map((key) => texts[keys.indexOf(key)]);
        const vectors = await inner.embed(missingTexts);
        missing.forEach((key, i) => fresh.set(key, vectors[i]));
        const at = now();
        await db.embeddings.bulkPut(missing.map((key, i) => ({ key, modelId: inner.modelId, vector: vectors[i], usedAt: at })));
      }
      return keys.map((key, i) => stored[i]?.vector ?? fresh.get(key)!);
    },
  };
}
