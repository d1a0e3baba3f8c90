// @vitest-environment node
/**
 * The package's real `use.load({ modelUrl, vocabUrl })` path against the test-built tiny model,
 * served over node:http on 127.0.0.1 (never the network), on the cpu backend.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as use from '@tensorflow-models/universal-sentence-encoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTfBackend } from '../../../lib/triage/embed/backend';
import { isUnitLength } from '../../../lib/triage/embed/store';
import type { Embedder } from '../../../lib/triage/embed/types';
import { computeUseModelId, fetchUseArtifacts, checkVocab } from '../../../lib/triage/embed/use-artifacts';
import { createUseEmbedder } from '../../../lib/triage/embed/use-embedder';
import { serveDir, TINY_DIM, writeTinyUse, type TinyServer } from '../../helpers/tiny-use';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i], 0);

let server: TinyServer;
let dir: string;
let embedder: Embedder;

beforeAll(async () => {
  expect(await initTfBackend({ prefer: 'cpu' })).toBe('cpu');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-use-'));
  writeTinyUse(dir);
  server = await serveDir(dir);
  const artifacts = await fetchUseArtifacts(`${server.url}/model.json`);
  const vocabText = checkVocab(fs.readFileSync(path.join(dir, 'vocab.json'), 'utf8'));
  embedder = await createUseEmbedder({
    model: `${server.url}/model.json`,
    vocabText,
    modelId: computeUseModelId(artifacts, vocabText),
  });
});

afterAll(async () => {
  embedder?.dispose?.();
  await server?.close();
});

describe('USE through use.load over HTTP', () => {
  it('makes one 512-long unit vector per text, identical for identical texts', async () => {
    const rows = await embedder.embed(['my invoice is overdue', 'where is my parcel?', 'my invoice is overdue']);
    expect(embedder.dim).toBe(TINY_DIM);
    expect(rows).toHaveLength(3);
    rows.forEach((r) => expect(r).toHaveLength(512));
    rows.forEach((r) => expect(isUnitLength(r)).toBe(true));
    expect(Array.from(rows[2])).toEqual(Array.from(rows[0]));
    expect(cosine(rows[0], rows[1])).toBeLessThan(0.99);
  });

  it('gives each row its own buffer so one row can be stored without the others', async () => {
    const rows = await embedder.embed(['refund', 'login']);
    expect(rows[0].buffer).not.toBe(rows[1].buffer);
    expect(rows[0].buffer.byteLength).toBe(512 * 4);
  });

  it('returns a zero vector for an empty text without shifting the other rows', async () => {
    const [alone] = await embedder.embed(['refund my order']);
    const rows = await embedder.embed(['', 'refund my order', '   ']);
    expect(rows[0].every((v) => v === 0)).toBe(true);
    expect(rows[2].every((v) => v === 0)).toBe(true);
    expect(Array.from(rows[1])).toEqual(Array.from(alone));
    expect(await embedder.embed([])).toEqual([]);
  });

  it('embeds more texts than one batch in input order', async () => {
    const texts = Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? `order ${i}` : `login ${i}`));
    const rows = await embedder.embed(texts);
    const [again] = await embedder.embed([texts[149]]);
    expect(rows).toHaveLength(150);
    expect(Array.from(rows[149])).toEqual(Array.from(again));
  });

  it('leaks no tensors across embed calls', async () => {
    await embedder.embed(['warm up']);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await embedder.embed(['the meeting is tomorrow', 'I cannot login', '']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('maps different all-Chinese texts to the same vector (the tokenizer merges unknown CJK runs)', async () => {
    const [a, b] = await embedder.embed(['我的包裹还没有到', '发票金额不对请退款']);
    expect(cosine(a, b)).toBeGreaterThan(0.9999);
  });

  it('keeps the tokens before an unknown character when the vocabulary names it <unk>', async () => {
    const vocab = JSON.parse(fs.readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as Array<[string, number]>;
    vocab[0] = ['<unk>', 0];
    const fixed = checkVocab(JSON.stringify(vocab));
    const tokenizer = new use.Tokenizer(JSON.parse(fixed) as Array<[string, number]>);
    const broken = new use.Tokenizer(vocab);
    const [refund] = tokenizer.encode('refund');
    // ▁refund, ▁, unk(会), ▁order
    expect(tokenizer.encode('refund 会 order')).toEqual([refund, expect.any(Number), 0, expect.any(Number)]);
    expect(broken.encode('refund 会 order')).not.toContain(refund);
  });

  it('fetched model.json and both weight shards from the local server', () => {
    expect(server.hits).toEqual(expect.arrayContaining(['/model.json', '/group1-shard1of2.bin', '/group1-shard2of2.bin']));
  });
});
