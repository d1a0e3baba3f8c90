import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Embedder } from '../../lib/triage/engine';
import { log } from './args';

export type EngineName = 'lexical' | 'use';

/**
 * `--engine lexical|use|auto` + `--model`: `use` requires a model, `auto` uses one when given.
 * The USE loader is imported lazily so the lexical path never loads tfjs.
 */
export async function resolveEmbedder(
  engine: string | undefined,
  model: string | undefined,
): Promise<{ engine: EngineName; embedder?: Embedder }> {
  const choice = engine ?? 'auto';
  if (!['lexical', 'use', 'auto'].includes(choice)) throw new Error(`--engine must be lexical, use or auto, not ${choice}`);
  if (choice === 'lexical' || (choice === 'auto' && !model)) return { engine: 'lexical' };
  if (!model) throw new Error('--engine use needs --model DIR_OR_URL (a TensorFlow.js Universal Sentence Encoder)');
  const loaderPath = fileURLToPath(new URL('../../lib/triage/embed/node.ts', import.meta.url));
  if (!existsSync(loaderPath)) throw new Error('the USE loader (lib/triage/embed/node.ts) is not part of this build');
  const { loadUseEmbedderFromPath } = await import('../../lib/triage/embed/node');
  const started = Date.now();
  const embedder = await loadUseEmbedderFromPath(model);
  log(`model ${embedder.modelId} (${embedder.dim}-d) loaded in ${Date.now() - started} ms`);
  return { engine: 'use', embedder };
}

/** Embed in batches (USE runs a batch as one graph call; very large batches waste memory). */
export async function embedAll(embedder: Embedder, texts: string[], batch = 64): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batch) out.push(...(await embedder.embed(texts.slice(i, i + batch))));
  return out;
}
