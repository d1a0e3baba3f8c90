/**
 * A tiny stand-in for Universal Sentence Encoder lite with the same contract, written by hand as a
 * TF.js graph model (no Python converter): inputs `indices` int32 [tokens, 2] ([sentence, position])
 * and `values` int32 [tokens] (token ids); output [sentences, dim] = mean of the token embeddings.
 * Graph: segment = StridedSlice(indices)[:, 0]; out = SparseSegmentMean(table, values, segment).
 * Weights are split over two shards on purpose, to exercise shard ordering. Node-only (tests).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const TINY_DIM = 512;
export const SHARDS = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];

const WORDS = ['invoice', 'overdue', 'refund', 'order', 'password', 'login', 'shipping', 'parcel', 'meeting',
  'tomorrow', 'the', 'a', 'my', 'is', 'I', 'cannot', 'where', 'please', 'help', 'account'];

/** [piece, score] pairs: 6 reserved ids (0 = unknown), whole words, then single characters. */
export function tinyVocab(unkPiece = '\uFFFD'): Array<[string, number]> {
  const reserved: Array<[string, number]> = [[unkPiece, 0], ['<s>', 0], ['</s>', 0], ['<r3>', 0], ['<r4>', 0], ['<r5>', 0]];
  const pieces: Array<[string, number]> = [['\u2581', -2], ...WORDS.map((w): [string, number] => [`\u2581${w}`, -3])];
  for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?.,!#') pieces.push([c, -6]);
  return [...reserved, ...pieces];
}

/** Deterministic uniform numbers in [-0.5, 0.5) (xorshift32), so every run builds the same model. */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296 - 0.5;
  };
}

export interface TinyUse {
  modelJson: Record<string, unknown>;
  /** Shard file name → bytes. */
  shards: Map<string, Uint8Array<ArrayBuffer>>;
  vocabText: string;
}

type Dims = number[];
const tensorShape = (dims: Dims) => ({ dim: dims.map((d) => ({ size: String(d) })) });
const placeholder = (name: string, dims: Dims) => ({
  name, op: 'Placeholder', attr: { dtype: { type: 'DT_INT32' }, shape: { shape: tensorShape(dims) } },
});
const constant = (name: string, dtype: string, dims: Dims) => ({
  name, op: 'Const', attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: tensorShape(dims) } } },
});

export function buildTinyUse(options: { seed?: number; dim?: number; unkPiece?: string } = {}): TinyUse {
  const dim = options.dim ?? TINY_DIM;
  const vocab = tinyVocab(options.unkPiece);
  const next = seeded(options.seed ?? 7);
  const table = Float32Array.from({ length: vocab.length * dim }, next);
  const sliceParams = Int32Array.from([0, 0, 0, 1, 1, 1]); // begin [0,0], end [0,1], strides [1,1]
  const all = new Uint8Array(table.byteLength + sliceParams.byteLength);
  all.set(new Uint8Array(table.buffer), 0);
  all.set(new Uint8Array(sliceParams.buffer), table.byteLength);
  const cut = Math.floor(all.length / 2) + 3; // not on a float boundary: tfjs must join shards bytewise
  const shards = new Map([[SHARDS[0], all.slice(0, cut)], [SHARDS[1], all.slice(cut)]]);
  const modelJson = {
    format: 'graph-model',
    generatedBy: 'test/helpers/tiny-use.ts',
    convertedBy: null,
    modelTopology: {
      node: [
        placeholder('indices', [-1, 2]),
        placeholder('values', [-1]),
        constant('table', 'DT_FLOAT', [vocab.length, dim]),
        constant('begin', 'DT_INT32', [2]),
        constant('end', 'DT_INT32', [2]),
        constant('strides', 'DT_INT32', [2]),
        {
          name: 'segment', op: 'StridedSlice', input: ['indices', 'begin', 'end', 'strides'],
          attr: {
            T: { type: 'DT_INT32' }, Index: { type: 'DT_INT32' }, begin_mask: { i: '1' }, end_mask: { i: '1' },
            ellipsis_mask: { i: '0' }, new_axis_mask: { i: '0' }, shrink_axis_mask: { i: '2' },
          },
        },
        {
          name: 'Encoder/mean', op: 'SparseSegmentMean', input: ['table', 'values', 'segment'],
          attr: { T: { type: 'DT_FLOAT' }, Tidx: { type: 'DT_INT32' }, Tsegmentids: { type: 'DT_INT32' } },
        },
      ],
      library: {},
      versions: { producer: 1 },
    },
    weightsManifest: [{
      paths: SHARDS,
      weights: [
        { name: 'table', shape: [vocab.length, dim], dtype: 'float32' },
        { name: 'begin', shape: [2], dtype: 'int32' },
        { name: 'end', shape: [2], dtype: 'int32' },
        { name: 'strides', shape: [2], dtype: 'int32' },
      ],
    }],
  };
  return { modelJson, shards, vocabText: JSON.stringify(vocab) };
}

/** Writes model.json, the shards and vocab.json into `dir`. */
export function writeTinyUse(dir: string, model: TinyUse = buildTinyUse()): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model.modelJson));
  for (const [name, bytes] of model.shards) fs.writeFileSync(path.join(dir, name), bytes);
  fs.writeFileSync(path.join(dir, 'vocab.json'), model.vocabText);
}

/** The same files as File objects, as a folder picker would hand them over. */
export function tinyUseFiles(model: TinyUse = buildTinyUse()): File[] {
  return [
    new File([JSON.stringify(model.modelJson)], 'model.json', { type: 'application/json' }),
    ...[...model.shards].map(([name, bytes]) => new File([bytes], name)),
    new File([model.vocabText], 'vocab.json', { type: 'application/json' }),
  ];
}

export interface TinyServer {
  /** Base URL without trailing slash. */
  url: string;
  /** Paths requested (query string dropped), CORS preflights excluded. */
  hits: string[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1:<free port> with `access-control-allow-origin: *` (happy-dom's fetch does CORS). */
export async function serveDir(dir: string): Promise<TinyServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(pathname);
    const file = path.join(dir, path.basename(pathname));
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
