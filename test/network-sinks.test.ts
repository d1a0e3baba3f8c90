// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Keeps the privacy promise structural: the only code that may open a connection is the recorded
 * fetch (lib/network-log.ts). Anything else that can reach the network must either be listed here
 * with the reason it cannot, or go through recordedFetch.
 */

const ROOTS = ['lib', 'components', 'entrypoints'];

const SINKS: Array<[string, RegExp]> = [
  ['fetch', /(?<![\w.])fetch\s*\(|\.fetch\s*\(/],
  ['tf.util.fetch', /util\.fetch\b/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['EventSource', /EventSource/],
  ['sendBeacon', /sendBeacon/],
  ['importScripts', /importScripts/],
  ['new Image', /new Image\b/],
  ['tfjs http loader', /io\.http\s*\(|loadGraphModel|loadLayersModel/],
  ['USE loader', /\buse\.load\s*\(/],
];

/** file → sinks it may contain, and why that is no hidden network access. */
const ALLOWED: Record<string, { sinks: string[]; why: string }> = {
  'lib/network-log.ts': { sinks: ['fetch'], why: 'the recorded fetch itself' },
  'lib/triage/embed/use-artifacts.ts': {
    sinks: ['tfjs http loader', 'tf.util.fetch'],
    why: 'calls the fetchFunc it is given (model-host passes recordedFetch); the tf.util.fetch fallback serves the Node CLI',
  },
  'lib/triage/embed/use-embedder.ts': { sinks: ['USE loader'], why: 'loads from indexeddb:// with the vocabulary as a data: URL' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('network access in the extension source', () => {
  const found = ROOTS.flatMap(sourceFiles).flatMap((file) => {
    const code = withoutComments(readFileSync(file, 'utf8'));
    return SINKS.filter(([, pattern]) => pattern.test(code)).map(([sink]) => ({ file, sink }));
  });

  it('finds the sinks it looks for (the scan itself works)', () => {
    expect(found).toContainEqual({ file: 'lib/network-log.ts', sink: 'fetch' });
    expect(found).toContainEqual({ file: 'lib/triage/embed/use-artifacts.ts', sink: 'tf.util.fetch' });
  });

  it('has no way to the network except the recorded fetch and the listed loaders', () => {
    const unexpected = found.filter(({ file, sink }) => !ALLOWED[file]?.sinks.includes(sink));
    expect(unexpected).toEqual([]);
  });

  it('downloads the model through the recorded fetch', () => {
    const host = readFileSync('lib/background/model-host.ts', 'utf8');
    expect(host).toMatch(/fetchFunc:\s*recordedFetch\('model'\)/);
  });
});
