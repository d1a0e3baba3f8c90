import { performance } from 'node:perf_hooks';
import { TextClassifier } from '../../lib/triage/classifier';
import { LabelledVectors, fuseScores } from '../../lib/triage/embedding-scores';
import type { Embedder } from '../../lib/triage/engine';
import { LexicalRetriever } from '../../lib/triage/retriever';
import type { KbArticle, LabelledText } from '../../lib/triage/types';
import { log } from './args';
import { embedAll } from './engine-choice';
import { macroF1, rankMetrics } from './metrics';

/** Calibrated confidence below which a `--oos` run answers "no match" (tuned on clinc150 dev). */
export const OOS_THRESHOLD = 0.5;

export interface EvalResult {
  head(engine: string): Record<string, string | number>;
  metrics: Record<string, number>;
}

/** The first `n` rows of each label, in file order (CONTRACT §2 `--shots`). */
export function firstShots(rows: LabelledText[], n: number): LabelledText[] {
  const seen = new Map<string, number>();
  return rows.filter((r) => {
    const k = (seen.get(r.label) ?? 0) + 1;
    seen.set(r.label, k);
    return k <= n;
  });
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

async function labelledVectors(embedder: Embedder, rows: LabelledText[]): Promise<LabelledVectors> {
  const vectors = await embedAll(embedder, rows.map((r) => r.text));
  const out = new LabelledVectors(embedder.dim);
  rows.forEach((r, i) => out.add(r.label, vectors[i]));
  return out;
}

export async function evaluateClassify(
  train: LabelledText[],
  test: LabelledText[],
  oos: string | undefined,
  embedder?: Embedder,
): Promise<EvalResult> {
  const noMatch = oos ?? '\u0000no-match';
  const classifier = new TextClassifier({ noMatchLabel: noMatch, threshold: oos ? OOS_THRESHOLD : 0 });
  let started = performance.now();
  classifier.train(train);
  log(`trained ${classifier.labels.length} labels in ${Math.round(performance.now() - started)} ms (T=${classifier.temperature.toFixed(3)})`);
  const vectors = embedder ? await labelledVectors(embedder, train.filter((r) => r.label !== noMatch)) : undefined;
  const queryVectors = embedder ? await embedAll(embedder, test.map((r) => r.text)) : [];
  started = performance.now();
  const predicted = test.map((row, i) => {
    const p = classifier.predict(row.text);
    if (!vectors) return p.label;
    const lexical = new Map(classifier.labels.map((l, c) => [l, 0]));
    const probs = classifier.probabilities(row.text);
    classifier.labels.forEach((l, c) => lexical.set(l, probs[c]));
    const fused = fuseScores(lexical, vectors.bestPerLabel(queryVectors[i]));
    let best = noMatch;
    let score = -Infinity;
    for (const [label, s] of fused) if (s > score) [best, score] = [label, s];
    return best === noMatch || (oos !== undefined && score < OOS_THRESHOLD) ? noMatch : best;
  });
  const ms = performance.now() - started;
  const gold = test.map((r) => r.label);
  const metrics: Record<string, number> = {
    accuracy: round(predicted.filter((p, i) => p === gold[i]).length / Math.max(1, test.length)),
    macroF1: round(macroF1(gold, predicted)),
    msPerItem: round(ms / Math.max(1, test.length), 3),
  };
  if (oos !== undefined) {
    const inScope = gold.map((g, i) => i).filter((i) => gold[i] !== oos);
    const outOfScope = gold.map((g, i) => i).filter((i) => gold[i] === oos);
    metrics.inScopeAccuracy = round(inScope.filter((i) => predicted[i] === gold[i]).length / Math.max(1, inScope.length));
    metrics.oosRecall = round(outOfScope.filter((i) => predicted[i] === noMatch).length / Math.max(1, outOfScope.length));
  }
  return { head: (engine) => ({ task: 'classify', engine, n: test.length }), metrics };
}

export async function evaluateRetrieve(
  kb: KbArticle[],
  train: LabelledText[],
  test: LabelledText[],
  embedder?: Embedder,
): Promise<EvalResult> {
  const retriever = new LexicalRetriever();
  let started = performance.now();
  retriever.build(kb, train);
  log(`indexed ${kb.length} articles + ${train.length} examples in ${Math.round(performance.now() - started)} ms`);
  const known = new Set(kb.map((a) => a.id));
  const exampleRows = [
    ...kb.flatMap((a) => [a.title, ...a.examples].map((text) => ({ text, label: a.id }))),
    ...train.filter((r) => known.has(r.label)),
  ];
  const vectors = embedder ? await labelledVectors(embedder, exampleRows) : undefined;
  const queryVectors = embedder ? await embedAll(embedder, test.map((r) => r.text)) : [];
  started = performance.now();
  const rankings = test.map((row, i) => {
    const scores = retriever.scoreAll(row.text);
    let byId = new Map(kb.map((a, j) => [a.id, scores[j]]));
    if (vectors) byId = fuseScores(byId, vectors.bestPerLabel(queryVectors[i]));
    return [...byId.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  });
  const ms = performance.now() - started;
  const metrics = rankMetrics(rankings, test.map((r) => r.label));
  return {
    head: (engine) => ({ task: 'retrieve', engine, n: test.length }),
    metrics: { ...metrics, msPerItem: round(ms / Math.max(1, test.length), 3) },
  };
}
