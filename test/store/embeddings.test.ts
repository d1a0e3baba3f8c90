import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { cachingEmbedder } from '../../lib/store/embeddings';
import type { Embedder } from '../../lib/triage/embed/types';

/** A deterministic stand-in model that counts what it was asked to embed. */
function countingEmbedder(modelId: string): Embedder & { seen: string[] } {
  const seen: string[] = [];
  return {
    modelId,
    dim: 2,
    seen,
    async embed(texts) {
      seen.push(...texts);
      return texts.map((t) => new Float32Array([t.length, modelId.length]));
    },
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the embedding cache', () => {
  it('embeds each text once and serves it from IndexedDB afterwards (a worker restart)', async () => {
    const first = countingEmbedder('m1');
    await cachingEmbedder(first).embed(['refund please', 'where is my parcel']);
    const second = countingEmbedder('m1');
    const vectors = await cachingEmbedder(second).embed(['where is my parcel', 'refund please']);
    expect(second.seen).toEqual([]);
    expect(Array.from(vectors[0])).toEqual([18, 2]);
  });

  it('embeds again when the text changes', async () => {
    await cachingEmbedder(countingEmbedder('m1')).embed(['refund please']);
    const again = countingEmbedder('m1');
    await cachingEmbedder(again).embed(['refund please!']);
    expect(again.seen).toEqual(['refund please!']);
  });

  it('embeds again for another model and drops the old model’s vectors', async () => {
    await cachingEmbedder(countingEmbedder('m1')).embed(['a', 'b']);
    const other = countingEmbedder('m2');
    await cachingEmbedder(other).embed(['a']);
    expect(other.seen).toEqual(['a']);
    expect(await db.embeddings.where('modelId').equals('m1').count()).toBe(0);
  });

  it('keeps input order and handles duplicates in one call', async () => {
    const inner = countingEmbedder('m1');
    const vectors = await cachingEmbedder(inner).embed(['aa', 'b', 'aa']);
    expect(inner.seen).toEqual(['aa', 'b']);
    expect(vectors.map((v) => v[0])).toEqual([2, 1, 2]);
  });
});
