/**
 * Picks the TensorFlow.js backend once per context. wasm is ~8–19× faster than plain JS for the
 * embedding matmuls (toolchain.md §6a) and cpu is the always-available fallback. Call this before
 * any other tfjs work: the first tensor op would otherwise initialise the highest-priority backend
 * with default settings, and wasm can be configured only before it initialises.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type TfBackendName = 'wasm' | 'cpu';

export interface BackendOptions {
  /**
   * Folder holding tfjs-backend-wasm{,-simd}.wasm, ending in `/`: in the extension
   * `browser.runtime.getURL('/tfjs-wasm/')`, in Node the package's dist folder. Without it wasm is
   * not tried.
   */
  wasmPath?: string;
  /** `cpu` skips wasm (unit tests in happy-dom, where wasm logs stray fetch errors). */
  prefer?: TfBackendName;
}

let chosen: Promise<TfBackendName> | undefined;

/** Initialises the backend on the first call; later calls return the first result whatever they ask. */
export function initTfBackend(options: BackendOptions = {}): Promise<TfBackendName> {
  chosen ??= choose(options);
  return chosen;
}

async function choose({ wasmPath, prefer = 'wasm' }: BackendOptions): Promise<TfBackendName> {
  if (prefer === 'wasm' && wasmPath !== undefined) {
    if (await tryWasm(wasmPath)) return 'wasm';
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs: the cpu backend failed to initialise');
  await tf.ready();
  return assertBackend('cpu');
}

async function tryWasm(wasmPath: string): Promise<boolean> {
  // Threads need nested Workers and URL.createObjectURL, which an MV3 service worker lacks; the
  // flag must be set before setWasmPaths/setBackend or tfjs picks the threaded build.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths(wasmPath);
  try {
    // setBackend resolves false (it does not throw) when the module cannot be compiled, e.g.
    // without 'wasm-unsafe-eval' in the CSP; so the backend actually in use is checked below.
    if (!(await tf.setBackend('wasm'))) return false;
    await tf.ready();
    return tf.getBackend() === 'wasm';
  } catch {
    return false;
  }
}

function assertBackend(expected: TfBackendName): TfBackendName {
  const actual = tf.getBackend();
  if (actual !== expected) throw new Error(`tfjs: expected backend ${expected}, got ${actual}`);
  return expected;
}

/** The backend in use now, for diagnostics (undefined before initTfBackend). */
export function currentTfBackend(): string | undefined {
  return chosen === undefined ? undefined : tf.getBackend();
}
