/**
 * `npm run --silent bench` — CONTRACT §3: performance figures as JSON lines on stdout.
 *  retrieve-10k: top-5 over 10,000 random 512-d unit vectors (fastest available method: int8 wasm
 *                SIMD with exact re-ranking; the plain JS loop, the blocked JS index and tfjs-wasm
 *                are measured alongside for comparison);
 *  triage: one mail → category + signals + top-5 on the starter knowledge base;
 *  eval-throughput: bulk classification with the lexical classifier;
 *  kb-index-1k, kb-index-10k: indexing a generated knowledge base of that many articles (the
 *                retriever's build, and a fresh engine's first triage, which also trains the
 *                category classifier): what the first triage after a worker start or a KB edit waits for;
 * then the browser benches on the built extension in real headless Chromium, each its own process
 * with its JSON lines forwarded: open-to-panel (scripts/bench-browser.ts) and the scale-* figures
 * with 100,000 messages, 10,000 articles and 100,000 orders stored (scripts/bench-scale.ts).
 * `BENCH_BROWSER=0` skips the browser benches.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TextClassifier } from '../lib/triage/classifier';
import { TriageEngine, createStarterEngine, starterCategoryExamples } from '../lib/triage/engine';
import { LexicalRetriever } from '../lib/triage/retriever';
import { seededRandom } from '../lib/triage/softmax';
import { VectorIndex, bruteForceTopK, type Hit } from '../lib/triage/vector-index';
import { WasmVectorSearch } from '../lib/triage/vector-index-wasm';
import { log } from './lib/args';
import { syntheticKb } from './lib/synthetic-kb';

function emit(row: Record<string, string | number>): void {
  process.stdout.write(JSON.stringify(row) + '\n');
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[i] * 1000) / 1000;
}

function time(runs: number, warmup: number, fn: (i: number) => void): { p50: number; p95: number } {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

function randomUnit(dim: number, random: () => number): Float32Array {
  const v = new Float32Array(dim);
  let norm = 0;
  for (let d = 0; d < dim; d++) {
    // Box–Muller: Gaussian components give directions uniform on the sphere.
    v[d] = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
    norm += v[d] * v[d];
  }
  for (let d = 0; d < dim; d++) v[d] /= Math.sqrt(norm);
  return v;
}

async function tfSearch(index: VectorIndex): Promise<((q: Float32Array) => Hit[]) | undefined> {
  try {
    const { initNodeTfBackend } = await import('../lib/triage/embed/node');
    const backend = await initNodeTfBackend('wasm');
    if (backend !== 'wasm') return undefined;
    const { TfVectorSearch } = await import('../lib/triage/vector-index-tf');
    const search = new TfVectorSearch();
    search.load(index);
    return (q) => search.search(q, 5);
  } catch (error) {
    log(`tfjs wasm unavailable: ${(error as Error).message}`);
    return undefined;
  }
}

async function benchRetrieve(): Promise<void> {
  const dim = 512;
  const n = 10_000;
  const random = seededRandom(42);
  const rows = Array.from({ length: n }, () => randomUnit(dim, random));
  const queries = Array.from({ length: 50 }, () => randomUnit(dim, random));
  const index = new VectorIndex(dim, n);
  rows.forEach((row, i) => index.add(String(i), row));
  const plain = time(100, 10, (i) => bruteForceTopK(rows, queries[i % queries.length], 5));
  const blocked = time(200, 20, (i) => index.search(queries[i % queries.length], 5));
  const wasm = await tfSearch(index);
  const wasmTimes = wasm ? time(300, 30, (i) => wasm(queries[i % queries.length])) : undefined;
  const int8 = WasmVectorSearch.create(index);
  // More runs and a longer warm-up: the figure is a tail, and the first calls include tier-up.
  const int8Times = int8 ? time(1000, 100, (i) => int8.search(queries[i % queries.length], 5)) : undefined;
  const candidates = [
    { ...blocked, method: 'js-blocked' },
    ...(wasmTimes ? [{ ...wasmTimes, method: 'tfjs-wasm' }] : []),
    ...(int8Times ? [{ ...int8Times, method: 'wasm-simd-int8' }] : []),
  ];
  const best = candidates.reduce((a, b) => (b.p95 < a.p95 ? b : a));
  emit({
    name: 'retrieve-10k',
    method: best.method,
    p50Ms: best.p50,
    p95Ms: best.p95,
    plainLoopP50Ms: plain.p50,
    plainLoopP95Ms: plain.p95,
    jsBlockedP50Ms: blocked.p50,
    jsBlockedP95Ms: blocked.p95,
    ...(wasmTimes ? { tfjsWasmP50Ms: wasmTimes.p50, tfjsWasmP95Ms: wasmTimes.p95 } : {}),
    ...(int8Times ? { wasmInt8P50Ms: int8Times.p50, wasmInt8P95Ms: int8Times.p95 } : {}),
  });
}

const MAILS = [
  { subject: 'Where is my refund?', body: 'I returned the jacket two weeks ago and still have no money back. Please check today.' },
  { subject: '网站打不开', body: '你们的网站从早上开始一直打不开，无法下单，请尽快处理，今天之内必须解决！' },
  { subject: 'Rechnung benötigt', body: 'Hallo, ich brauche bitte eine Rechnung mit ausgewiesener MwSt. für Bestellung 10023.' },
  { subject: 'Change address', body: 'Hi, I moved last week. Can you ship order #4411 to my new address instead?' },
  { subject: 'Package says delivered', body: 'Tracking says delivered yesterday but nothing arrived. I need it for a birthday on Friday.' },
  { subject: 'Question before buying', body: 'Do you offer the desk in oak, and is there a discount for three of them?' },
];

async function benchTriage(): Promise<void> {
  const engine = await createStarterEngine();
  await engine.triage(MAILS[0]); // trains the models once, outside the timing
  const samples: number[] = [];
  for (let i = 0; i < 320; i++) {
    const t = performance.now();
    await engine.triage(MAILS[i % MAILS.length]);
    if (i >= 20) samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  emit({ name: 'triage', p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), articles: engine.knowledgeBase.length });
}

function benchThroughput(): void {
  const examples = starterCategoryExamples();
  const classifier = new TextClassifier();
  const started = performance.now();
  classifier.train(examples);
  const trainMs = performance.now() - started;
  const texts = [...examples.map((e) => e.text), ...MAILS.map((m) => `${m.subject}\n${m.body}`)];
  const total = 5000;
  const t = performance.now();
  for (let i = 0; i < total; i++) classifier.predict(texts[i % texts.length]);
  const seconds = (performance.now() - t) / 1000;
  emit({ name: 'eval-throughput', itemsPerSec: Math.round(total / seconds), items: total, trainMs: Math.round(trainMs) });
}

/** Median wall time of `runs` calls, no warm-up: the first build after a worker start is the figure. */
function medianMs(runs: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return Math.round(samples.sort((a, b) => a - b)[Math.floor(runs / 2)]);
}

async function benchKbIndex(articles: number, runs: number): Promise<void> {
  const kb = syntheticKb(articles);
  const buildMs = medianMs(runs, () => new LexicalRetriever().build(kb));
  const engine = new TriageEngine();
  await engine.setKnowledgeBase(kb);
  const t = performance.now();
  await engine.triage(MAILS[0]);
  const firstTriageMs = Math.round(performance.now() - t);
  emit({ name: `kb-index-${articles / 1000}k`, articles, buildMs, firstTriageMs, runs });
}

/** Runs a Node script; its stdout (JSON lines) goes to ours only when `forward`, else to stderr. */
function run(script: string, args: string[], forward: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(forward ? process.stdout : process.stderr, { end: false });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`))));
  });
}

async function benchBrowser(): Promise<void> {
  if (!existsSync('.output/chrome-mv3/manifest.json')) {
    log('no built extension at .output/chrome-mv3: building it first (npm run build)');
    await run('node_modules/wxt/bin/wxt.mjs', ['build'], false);
  }
  for (const script of ['scripts/bench-browser.ts', 'scripts/bench-scale.ts']) {
    log(`running ${script}`);
    await run('node_modules/vite-node/dist/cli.mjs', [script], true);
  }
}

async function main(): Promise<void> {
  await benchRetrieve();
  await benchTriage();
  benchThroughput();
  await benchKbIndex(1_000, 1);
  await benchKbIndex(10_000, 1);
  if (process.env.BENCH_BROWSER !== '0') await benchBrowser();
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
