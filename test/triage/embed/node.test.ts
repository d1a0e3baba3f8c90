// @vitest-environment node
/** node.ts: the loader scripts/eval.ts uses, from a directory on disk and over HTTP, on wasm. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTfBackend } from '../../../lib/triage/embed/backend';
import { initNodeTfBackend, loadUseEmbedderFromPath } from '../../../lib/triage/embed/node';
import { isUnitLength } from '../../../lib/triage/embed/store';
import { buildTinyUse, serveDir, writeTinyUse, type TinyServer } from '../../helpers/tiny-use';

let dir: string;
let server: TinyServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-use-node-'));
  writeTinyUse(dir);
  server = await serveDir(dir);
});

afterAll(async () => {
  await server?.close();
});

describe('loadUseEmbedderFromPath', () => {
  it('runs on the single-threaded wasm backend in Node', async () => {
    expect(await initNodeTfBackend()).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(currentTfBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it('loads a directory of model.json + shards + vocab.json and embeds', async () => {
    const embedder = await loadUseEmbedderFromPath(dir);
    const rows = await embedder.embed(['the meeting is tomorrow', 'please refund my order', 'the meeting is tomorrow']);
    expect(embedder.dim).toBe(512);
    expect(rows.map((r) => r.length)).toEqual([512, 512, 512]);
    rows.forEach((r) => expect(isUnitLength(r)).toBe(true));
    expect(Array.from(rows[2])).toEqual(Array.from(rows[0]));
    embedder.dispose?.();
  });

  it('gives the same model id and vectors for the directory and the same files over HTTP', async () => {
    const fromDir = await loadUseEmbedderFromPath(dir);
    const fromUrl = await loadUseEmbedderFromPath(`${server.url}/model.json`);
    expect(fromUrl.modelId).toBe(fromDir.modelId);
    expect(server.hits).toEqual(expect.arrayContaining(['/model.json', '/vocab.json']));
    const [a] = await fromDir.embed(['I cannot login']);
    const [b] = await fromUrl.embed(['I cannot login']);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 6));
    fromDir.dispose?.();
    fromUrl.dispose?.();
  });

  it('changes the model id when the weights or the vocabulary change', async () => {
    const base = await loadUseEmbedderFromPath(dir);
    const otherWeights = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-use-b-'));
    writeTinyUse(otherWeights, buildTinyUse({ seed: 123 }));
    const otherVocab = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-use-c-'));
    writeTinyUse(otherVocab);
    const vocab = JSON.parse(fs.readFileSync(path.join(otherVocab, 'vocab.json'), 'utf8')) as Array<[string, number]>;
    vocab[7][1] = -1; // one score
    fs.writeFileSync(path.join(otherVocab, 'vocab.json'), JSON.stringify(vocab));
    const ids = [base, await loadUseEmbedderFromPath(otherWeights), await loadUseEmbedderFromPath(otherVocab)].map(
      (e) => {
        e.dispose?.();
        return e.modelId;
      },
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('frees the model weights on dispose and leaks nothing while embedding', async () => {
    const before = tf.memory().numTensors;
    const embedder = await loadUseEmbedderFromPath(dir);
    const loaded = tf.memory().numTensors;
    expect(loaded).toBeGreaterThan(before);
    for (let i = 0; i < 3; i++) await embedder.embed(['where is my parcel?', '', 'help']);
    expect(tf.memory().numTensors).toBe(loaded);
    embedder.dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the missing file when the directory is incomplete', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-use-d-'));
    writeTinyUse(broken);
    fs.rmSync(path.join(broken, 'group1-shard2of2.bin'));
    await expect(loadUseEmbedderFromPath(broken)).rejects.toThrow(/group1-shard2of2\.bin/);
  });
});
