/**
 * Types shared by the embedding side and the engine. They live here, not in engine.ts, so that
 * lib/triage/engine.ts can import (and re-export) them without an import cycle.
 */

/** Turns texts into L2-normalised vectors; one instance per loaded model. */
export interface Embedder {
  /** Identifies model weights + vocabulary; stored next to every vector so a change forces a rebuild. */
  readonly modelId: string;
  /** Vector length (512 for Universal Sentence Encoder lite). */
  readonly dim: number;
  /** One L2-normalised row per text, in input order; an empty text gives a zero vector. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Frees the model's weight tensors. Optional so hand-made test embedders need not implement it. */
  dispose?(): void;
}

/**
 * Where the USE vocabulary text lives between sessions (Dexie in the extension, memory in tests).
 * The key names the model source (its URL, or `folder:<hash>`); a store that keeps only one
 * vocabulary may ignore it, so `{ getVocab(): …; putVocab(text): … }` also fits.
 */
export interface VocabStore {
  getVocab(key: string): Promise<string | undefined>;
  putVocab(text: string, key: string): Promise<void>;
}

export type UseLoadStage = 'model' | 'vocab' | 'cache' | 'ready';

/** Overall progress 0…1 (monotone), with the stage for the label under the progress bar. */
export interface UseLoadProgress {
  stage: UseLoadStage;
  fraction: number;
}

export type UseProgressCallback = (progress: UseLoadProgress) => void;
