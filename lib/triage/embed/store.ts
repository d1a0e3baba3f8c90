/**
 * Pure helpers for keeping embeddings: each vector is stored with the id of the model that made it
 * and a hash of the text it was made from, so that a new model or an edited article/mail is noticed
 * and only what changed is embedded again.
 */
import { fnv1a32 } from './hash';

export interface EmbeddingKey {
  modelId: string;
  contentHash: string;
}

export interface StoredEmbedding extends EmbeddingKey {
  id: string;
  /** L2-normalised; kept as Float32Array (never number[]: ~2× the memory and 10× slower in Dexie). */
  vector: Float32Array;
}

/** Something that should have an embedding: an article, a mail, an example question. */
export interface EmbeddingSource {
  id: string;
  text: string;
}

export interface RebuildPlan {
  /** Missing, stale (text changed) or made by another model: embed these. */
  embed: Array<EmbeddingSource & { contentHash: string }>;
  /** Still valid. */
  keep: string[];
  /** Stored but no longer a source: delete these. */
  drop: string[];
}

/** Fingerprint of the exact text that was embedded: FNV-1a plus the length, e.g. `1a2b3c4d-k3`. */
export function contentHash(text: string): string {
  return `${fnv1a32(text)}-${text.length.toString(36)}`;
}

/** True when there is no stored vector, or it came from another model or from other text. */
export function needsRebuild(stored: EmbeddingKey | undefined, current: EmbeddingKey): boolean {
  return stored === undefined || stored.modelId !== current.modelId || stored.contentHash !== current.contentHash;
}

export function planRebuild(
  stored: Iterable<EmbeddingKey & { id: string }>,
  sources: readonly EmbeddingSource[],
  modelId: string,
): RebuildPlan {
  const byId = new Map<string, EmbeddingKey>();
  for (const row of stored) byId.set(row.id, row);
  const plan: RebuildPlan = { embed: [], keep: [], drop: [] };
  const wanted = new Set<string>();
  for (const source of sources) {
    wanted.add(source.id);
    const hash = contentHash(source.text);
    if (needsRebuild(byId.get(source.id), { modelId, contentHash: hash })) {
      plan.embed.push({ ...source, contentHash: hash });
    } else {
      plan.keep.push(source.id);
    }
  }
  for (const id of byId.keys()) if (!wanted.has(id)) plan.drop.push(id);
  return plan;
}

/** A unit-length copy; the zero vector stays zero (an empty text is similar to nothing). */
export function l2Normalize(vector: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  const out = new Float32Array(vector.length);
  if (sum === 0) return out;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i] * inv;
  return out;
}

export function isUnitLength(vector: Float32Array, tolerance = 1e-4): boolean {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  return Math.abs(Math.sqrt(sum) - 1) <= tolerance;
}

/** Rows → one row-major [rows.length, dim] matrix, the shape to keep in memory for search. */
export function packRows(rows: readonly Float32Array[], dim: number): Float32Array {
  const out = new Float32Array(rows.length * dim);
  rows.forEach((row, i) => {
    if (row.length !== dim) throw new Error(`row ${i} has length ${row.length}, expected ${dim}`);
    out.set(row, i * dim);
  });
  return out;
}
