/**
 * Writes the tiny stand-in USE model (test/helpers/tiny-use.ts) into a folder, for browser tests
 * that serve it in place of the official download and for trying `npm run eval -- --engine use
 * --model DIR` without the real 25 MB model. Usage: `vite-node scripts/browser/tiny-model.ts [DIR]`.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeTinyUse } from '../../test/helpers/tiny-use';

export interface TinyModelDir {
  dir: string;
  /** File name → size in bytes. */
  files: Record<string, number>;
}

/** Writes model.json, its shards and vocab.json into `dir` (a fresh temp folder by default). */
export function writeTinyModelDir(dir = mkdtempSync(join(tmpdir(), 'solodesk-tiny-use-'))): TinyModelDir {
  writeTinyUse(dir);
  const files: Record<string, number> = {};
  for (const name of readdirSync(dir)) files[name] = statSync(join(dir, name)).size;
  return { dir, files };
}

// vite-node drops the script from argv, so "run as a script" is told apart by not being under Vitest.
if (process.env.VITEST === undefined) {
  const out = writeTinyModelDir(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(JSON.stringify(out) + '\n');
}
