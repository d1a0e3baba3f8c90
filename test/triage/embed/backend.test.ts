// @vitest-environment node
/** A wasm folder that cannot be loaded (a CSP block or missing files in the extension) falls back to cpu. */
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { initTfBackend } from '../../../lib/triage/embed/backend';

it('falls back to cpu when the wasm binaries cannot be loaded, and reports the backend really in use', async () => {
  expect(await initTfBackend({ wasmPath: '/nonexistent/tfjs-wasm/' })).toBe('cpu');
  expect(tf.getBackend()).toBe('cpu');
});

it('initialises only once: later calls return the first choice', async () => {
  expect(await initTfBackend({ wasmPath: '/other/' })).toBe('cpu');
  expect(await initTfBackend({ prefer: 'cpu' })).toBe('cpu');
});
