/**
 * Fast top-k over a VectorIndex without tfjs: the vectors quantised to int8 (a quarter of the
 * float32 bytes, so the 10k × 512 matrix mostly stays in cache) and scored by a tiny WebAssembly
 * SIMD kernel (i32x4.dot_i16x8_s, 8 products per instruction). The quantised scores only pick a
 * shortlist; the shortlist is re-ranked with exact float32 dot products, so the returned scores
 * are exact and the order matches the float search unless the k-th and the shortlist's last
 * candidate are closer than the quantisation error (a shortlist of 8k makes that vanishingly rare).
 *
 * The module is assembled here from its opcodes (about 200 bytes), so there is no binary to ship
 * or fetch. Runtimes without wasm SIMD get `undefined` from `WasmVectorSearch.create` and fall back
 * to the JS index. Memory: N × dim bytes in wasm plus a float copy of the rows for re-ranking.
 */
import { topK, type Hit, type VectorIndex } from './vector-index';

/** Query components are scaled to ±QUERY_RANGE: 127 × 16383 × MAX_DIM stays inside int32. */
const QUERY_RANGE = 16383;
const MAX_DIM = 1024;
const SHORTLIST_FACTOR = 8;

/** Unsigned LEB128, the wasm binary's integer encoding. */
function leb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function section(id: number, body: number[]): number[] {
  return [id, ...leb(body.length), ...body];
}

const name = (s: string) => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const simd = (op: number, ...imm: number[]) => [0xfd, ...leb(op), ...imm];

/**
 * scores(q, m, n, dim, out): out[j] = Σ_d m[j·dim + d] · q[d] for j < n, with m int8 row-major,
 * q int16, out int32; dim must be a multiple of 16. Locals: 0 q, 1 row pointer, 2 n, 3 dim,
 * 4 out pointer, 5 j, 6 d, 7 query pointer, 8 accumulator, 9 the loaded 16 bytes.
 */
function kernelBytes(): Uint8Array<ArrayBuffer> {
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const i32 = (v: number) => [0x41, ...leb(v)]; // small non-negative constants only
  const add = 0x6a;
  const load = (offset: number) => simd(0x00, 0, ...leb(offset));
  const lane = (l: number) => [...get(8), ...simd(0x1b, l)];
  const body = [
    0x02, 0x40, // block (exit)
    0x03, 0x40, //  loop (rows)
    ...get(5), ...get(2), 0x4f, 0x0d, 1, // if j >= n: exit
    ...i32(0), ...simd(0x11), ...set(8), // acc = 0
    ...i32(0), ...set(6),
    ...get(0), ...set(7),
    0x03, 0x40, //   loop (dims, 16 per pass)
    ...get(8),
    ...get(1), ...get(6), add, ...load(0), ...tee(9),
    ...simd(0x87), ...get(7), ...load(0), ...simd(0xba), ...simd(0xae), // acc += dot(low 8, q)
    ...get(9), ...simd(0x88), ...get(7), ...load(16), ...simd(0xba), ...simd(0xae), // high 8
    ...set(8),
    ...get(7), ...i32(32), add, ...set(7),
    ...get(6), ...i32(16), add, ...tee(6), ...get(3), 0x49, 0x0d, 0, // while d < dim
    0x0b, //   end dims
    ...get(4), ...lane(0), ...lane(1), add, ...lane(2), add, ...lane(3), add, 0x36, 2, 0, // out[j] = Σ lanes
    ...get(1), ...get(3), add, ...set(1),
    ...get(4), ...i32(4), add, ...set(4),
    ...get(5), ...i32(1), add, ...set(5),
    0x0c, 0, //  next row
    0x0b, // end loop
    0x0b, // end block
    0x0b, // end function
  ];
  const locals = [2, 3, 0x7f, 2, 0x7b]; // 3 × i32, 2 × v128
  const code = [...locals, ...body];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
    ...section(2, [1, ...name('m'), ...name('mem'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('scores'), 0x00, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ];
  return new Uint8Array(bytes);
}

type Kernel = (q: number, m: number, n: number, dim: number, out: number) => void;

/** Top-k search over a snapshot of a VectorIndex; rebuild it after the index changes. */
export class WasmVectorSearch {
  private constructor(
    private readonly index: VectorIndex,
    private readonly kernel: Kernel,
    /** Views into the wasm memory, made once (the memory never grows, so they stay valid). */
    private readonly views: { query: Int16Array; out: Int32Array },
    private readonly n: number,
    private readonly rowScale: Float32Array,
    /** Row-major float copy for the exact re-ranking: a shortlist row is then 2 KB read in order. */
    private readonly rows: Float32Array,
    private readonly layout: { query: number; matrix: number; out: number },
    /** Dequantised scores, allocated once: a fresh N-float array per query would feed the GC. */
    private readonly scores: Float32Array,
  ) {}

  /** Quantises the index (per-row scale) into a fresh wasm memory; undefined without wasm SIMD. */
  static create(index: VectorIndex): WasmVectorSearch | undefined {
    const dim = index.dim;
    if (dim % 16 !== 0 || dim > MAX_DIM || typeof WebAssembly === 'undefined') return undefined;
    const bytes = kernelBytes();
    if (!WebAssembly.validate(bytes)) return undefined;
    const n = index.size;
    const query = 0;
    const matrix = dim * 2;
    const out = matrix + n * dim + ((4 - ((n * dim) % 4)) % 4);
    const total = out + n * 4;
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(total / 65536)) });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { mem: memory } });
    const kernel = instance.exports.scores as Kernel;
    const q8 = new Int8Array(memory.buffer, matrix, n * dim);
    const rowScale = new Float32Array(n);
    const rows = new Float32Array(n * dim);
    const { data, stride } = index.transposed();
    for (let j = 0; j < n; j++) {
      let max = 0;
      for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(data[d * stride + j]));
      const s = max > 0 ? 127 / max : 0;
      rowScale[j] = max / 127;
      for (let d = 0; d < dim; d++) {
        const x = data[d * stride + j];
        rows[j * dim + d] = x;
        q8[j * dim + d] = Math.round(x * s);
      }
    }
    const views = { query: new Int16Array(memory.buffer, query, dim), out: new Int32Array(memory.buffer, out, n) };
    return new WasmVectorSearch(index, kernel, views, n, rowScale, rows, { query, matrix, out }, new Float32Array(n));
  }

  search(query: Float32Array, k: number): Hit[] {
    const { n, index, rowScale, layout } = this;
    const dim = index.dim;
    if (n === 0 || k <= 0) return [];
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(query[d]));
    const qScale = max > 0 ? QUERY_RANGE / max : 0;
    const q16 = this.views.query;
    for (let d = 0; d < dim; d++) q16[d] = Math.round(query[d] * qScale);
    this.kernel(layout.query, layout.matrix, n, dim, layout.out);
    const raw = this.views.out;
    // Per-row scales differ, so the shortlist is taken on the dequantised score.
    const scores = this.scores;
    for (let j = 0; j < n; j++) scores[j] = raw[j] * rowScale[j];
    const shortlist = topK(scores, Math.min(n, k * SHORTLIST_FACTOR), n);
    const rows = this.rows;
    for (const hit of shortlist) {
      const r = hit.index * dim;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < dim; d += 2) {
        s0 += query[d] * rows[r + d];
        s1 += query[d + 1] * rows[r + d + 1];
      }
      hit.score = s0 + s1;
    }
    shortlist.sort((a, b) => b.score - a.score);
    return shortlist.slice(0, k);
  }
}
