/**
 * Optional accelerated top-k over a VectorIndex with TensorFlow.js (wasm backend: [1,512]×[512,10k]
 * in well under a millisecond, several times faster than the JS loop). Its own module so the lexical
 * engine never pulls tfjs in; the caller initialises the backend (see embed/backend.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Hit, VectorIndex } from './vector-index';

export class TfVectorSearch {
  private matrix: tf.Tensor2D | undefined;
  private count = 0;

  /** Uploads the index's transposed [dim × N] matrix once; call again after the index changes. */
  load(index: VectorIndex): void {
    this.dispose();
    const { data, stride } = index.transposed();
    const n = index.size;
    this.count = n;
    if (n === 0) return;
    const exact = new Float32Array(index.dim * n);
    for (let d = 0; d < index.dim; d++) exact.set(data.subarray(d * stride, d * stride + n), d * n);
    this.matrix = tf.tensor2d(exact, [index.dim, n]);
  }

  search(query: Float32Array, k: number): Hit[] {
    const matrix = this.matrix;
    if (!matrix || this.count === 0) return [];
    const kk = Math.min(k, this.count);
    const [values, indices] = tf.tidy(() => {
      const scores = tf.matMul(tf.tensor2d(query, [1, query.length]), matrix);
      const top = tf.topk(scores, kk);
      return [top.values.dataSync(), top.indices.dataSync()];
    });
    return Array.from(indices, (index, i) => ({ index, score: values[i] }));
  }

  dispose(): void {
    this.matrix?.dispose();
    this.matrix = undefined;
  }
}
