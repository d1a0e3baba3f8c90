import { VectorIndex } from './vector-index';

/**
 * Embedding side of the hybrid: the best cosine between a query and any embedded example of each
 * label (max-over-examples keeps paraphrase clusters apart better than a label centroid).
 */
export class LabelledVectors {
  private index: VectorIndex;
  private labelOf: number[] = [];
  private labels: string[] = [];
  private labelIndex = new Map<string, number>();

  constructor(dim: number) {
    this.index = new VectorIndex(dim);
  }

  get size(): number {
    return this.index.size;
  }

  add(label: string, vector: Float32Array): void {
    let l = this.labelIndex.get(label);
    if (l === undefined) {
      l = this.labels.length;
      this.labels.push(label);
      this.labelIndex.set(label, l);
    }
    this.index.add(String(this.index.size), vector);
    this.labelOf.push(l);
  }

  /** Best cosine per label (labels with no vector are absent). */
  bestPerLabel(query: Float32Array): Map<string, number> {
    const scores = this.index.scores(query);
    const best = new Float64Array(this.labels.length).fill(-Infinity);
    for (let j = 0; j < scores.length; j++) if (scores[j] > best[this.labelOf[j]]) best[this.labelOf[j]] = scores[j];
    return new Map(this.labels.map((label, l) => [label, best[l]]));
  }
}

/** Weight of the embedding side when a model is loaded; the lexical side keeps the rest. */
export const EMBEDDING_WEIGHT = 0.35;

/** Blend lexical scores (0…1) with embedding cosines (clamped to 0…1). */
export function fuseScores(lexical: Map<string, number>, embedding: Map<string, number>, weight = EMBEDDING_WEIGHT) {
  const out = new Map<string, number>();
  for (const label of new Set([...lexical.keys(), ...embedding.keys()])) {
    const e = Math.max(0, embedding.get(label) ?? 0);
    out.set(label, (1 - weight) * (lexical.get(label) ?? 0) + weight * e);
  }
  return out;
}
