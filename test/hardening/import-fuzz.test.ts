// @vitest-environment node
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db';
import { t } from '../../lib/i18n';
import { createBackup, restoreBackup } from '../../lib/store/backup';
import { BACKUP_ROWS, type BackupTable } from '../../lib/store/backup-rows';
import { importAnyFile, type ImportOutcome } from '../../lib/store/import-export';
import { type Family, type FuzzCase, generateCases } from './fuzz';
import { databaseSnapshot, seedDatabase, seedFiles } from './seeds';

/**
 * Issue 7 §3: malformed files through the options page's one import input (`importAnyFile`,
 * the function behind `import-file`). Every file generated from a valid one must end in a
 * readable error with the database byte for byte unchanged (a full backup without its export
 * time, compared before and after), or — when the mutation left valid input — be imported, and
 * importing it again must change nothing more. Never a throw, never a hang, never a polluted
 * Object.prototype.
 *
 * FUZZ_CASES sets the number of cases (default 1,000, the unit suite's share); `npm run fuzz` runs
 * 5,000 and prints the counts per format (FUZZ_REPORT=1). FUZZ_SEED replays another sequence;
 * FUZZ_MESSAGES=<path> writes every outcome's message there, to read them as a user would.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
// A hang guard, not a speed check: the slowest honest case (a 1 MB field) takes well under a
// second. A regex stuck backtracking blocks the event loop, so the timer alone cannot catch it:
// the elapsed time is checked as well.
const HANG_MS = 30_000;

const GENERIC_FAILURE = t('importFailed', '').trim();

let baseline: string;
let baselineBackup: string;
let cases: FuzzCase[];

type Tally = Record<Family, { generated: number; rejected: number; accepted: number; located: number; ms: number }>;
const tally = {} as Tally;
const messages: string[] = [];

function withHangGuard<T>(work: Promise<T>, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${HANG_MS} ms`)), HANG_MS);
  });
  return Promise.race([work, guard]).finally(() => clearTimeout(timer));
}

function describeCase(c: FuzzCase): string {
  return `case ${c.id} (${c.family}, ${c.origin} as ${c.name}, ${c.mutations.join(' + ')}; FUZZ_SEED=${SEED})`;
}

async function importCase(c: FuzzCase): Promise<ImportOutcome> {
  const file = new File([c.bytes], c.name);
  const started = performance.now(); // Date is frozen in this file
  const outcome = await withHangGuard(importAnyFile(file), describeCase(c));
  const elapsed = Math.round(performance.now() - started);
  if (elapsed > HANG_MS) throw new Error(`blocked for ${elapsed} ms`);
  return outcome;
}

const BUILT_IN_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

function pollution(): string | null {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((k) => !BUILT_IN_KEYS.has(k));
  return added.length > 0 || ({} as Record<string, unknown>).polluted !== undefined ? `Object.prototype polluted: ${added.join(', ')}` : null;
}

/** Why a rejection's message is not one a user can act on, or null. */
function unreadable(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim() === '') return 'no message';
  // The catch-all in importAnyFile is for the browser failing (quota, a closed database), not for bad files.
  if (message.startsWith(GENERIC_FAILURE)) return `an unexpected exception: ${message.slice(0, 300)}`;
  if (/\[object |\bundefined\b/.test(message)) return `a message with internals: ${message.slice(0, 300)}`;
  // A message quotes the bad value, not a megabyte of it.
  if (message.length > 1_000) return `a ${message.length}-character message: ${message.slice(0, 300)}…`;
  return null;
}

/** A row, line, field or column named, or a whole-file reason (empty, not this kind of file). */
const LOCATED = /\b(?:row|line|message|header|column)\b|\bfile\b|\bempty\b|[a-z]+(?:\.\d+)+:/i;

/** The first stored row that a restore would refuse (what the app could not read back), or null. */
function invalidRow(tables: Record<BackupTable, unknown[]>): string | null {
  for (const [table, rows] of Object.entries(tables) as [BackupTable, unknown[]][]) {
    for (const [i, row] of rows.entries()) {
      const result = BACKUP_ROWS[table].row.safeParse(row);
      if (!result.success) return `an invalid row tables.${table}.${i}: ${result.error.issues[0].path.join('.')} ${result.error.issues[0].message}`;
    }
  }
  return null;
}

/** Runs one case; returns what went wrong, or null. Leaves the database at the baseline. */
async function check(c: FuzzCase, count: Tally[Family]): Promise<string | null> {
  let outcome: ImportOutcome;
  try {
    outcome = await importCase(c);
  } catch (error) {
    return `importAnyFile threw: ${error instanceof Error ? error.stack : String(error)}`;
  }
  const after = await databaseSnapshot();
  const polluted = pollution();
  if (polluted) return polluted;
  if (!outcome.ok) {
    count.rejected++;
    if (LOCATED.test(outcome.message)) count.located++;
    if (process.env.FUZZ_MESSAGES) messages.push(`${c.family}\t${c.mutations.join('+')}\t${outcome.message.slice(0, 400).replace(/\s+/g, ' ')}`);
    if (after !== baseline) return `the database changed after a rejected import (${outcome.message.slice(0, 300)})`;
    return unreadable(outcome.message);
  }
  count.accepted++;
  if (process.env.FUZZ_MESSAGES) messages.push(`ok:${c.family}\t${c.mutations.join('+')}\t${outcome.message.slice(0, 400).replace(/\s+/g, ' ')}`);
  let problem: string | null = invalidRow(JSON.parse(after).tables);
  if (outcome.message.trim() === '') problem = 'accepted without a message';
  else if (problem) problem = `accepted, and stored ${problem}`;
  else {
    const again = await importCase(c);
    if (!again.ok) problem = `accepted once, then rejected: ${again.message.slice(0, 300)}`;
    else if ((await databaseSnapshot()) !== after) problem = 'importing an accepted file twice changed the database again';
  }
  const restored = await restoreBackup(baselineBackup);
  if (!restored.ok || (await databaseSnapshot()) !== baseline) throw new Error(`could not return the database to the baseline: ${restored.ok ? "changed" : restored.error}`);
  return problem;
}

beforeAll(async () => {
  // One fixed "now": imports stamp articles and re-tier customers with the current time, and
  // "importing twice changes nothing" is about the data, not about the clock moving on.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 20, 12) });
  await db.delete();
  await db.open();
  await seedDatabase();
  baseline = await databaseSnapshot();
  baselineBackup = JSON.stringify(await createBackup(new Date(0)));
  cases = generateCases(seedFiles(baselineBackup), CASES, SEED);
});

afterAll(() => {
  vi.useRealTimers();
  if (process.env.FUZZ_MESSAGES) writeFileSync(process.env.FUZZ_MESSAGES, messages.join('\n'));
  if (process.env.FUZZ_REPORT) console.log(JSON.stringify({ name: 'import-fuzz', cases: CASES, seed: SEED, perFamily: tally }));
});

describe(`imports of generated malformed files (${CASES} cases)`, () => {
  it('rejects each with a readable error and an unchanged database, or imports it consistently', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const count = (tally[c.family] ??= { generated: 0, rejected: 0, accepted: 0, located: 0, ms: 0 });
      count.generated++;
      const started = performance.now();
      const problem = await check(c, count);
      count.ms += Math.round(performance.now() - started);
      if (problem) failures.push(`${describeCase(c)}: ${problem}`);
    }
    expect(failures.slice(0, 20), `${failures.length} failing cases`).toEqual([]);
    const totals = Object.values(tally).reduce((s, f) => ({ rejected: s.rejected + f.rejected, accepted: s.accepted + f.accepted }), { rejected: 0, accepted: 0 });
    expect(totals.rejected + totals.accepted).toBe(CASES);
    // The fuzzer must mostly break files: if nearly everything imports, its mutations went blunt.
    expect(totals.rejected).toBeGreaterThan(CASES / 2);
    // Line-based formats always say where (JSON and mbox may only say what: "not valid JSON (…)").
    for (const family of ['kb-csv', 'kb-markdown', 'orders'] as const) expect(tally[family].located, family).toBe(tally[family].rejected);
  }, Math.max(600_000, CASES * 250));
});

describe('files with nothing to import, through the same input', () => {
  it.each([
    ['a KB JSON with an empty list', 'kb.json', '{"format":"solodesk-kb","version":1,"articles":[]}', /no articles/],
    ['a KB CSV with only its header', 'kb.csv', 'title,body\r\n', /no articles/],
    ['an orders CSV with only its header', 'orders.csv', 'email,date,amount\n', /row 2, orders: the file has a header but no orders/],
    ['a Shopify export whose only order has no address', 'orders_export.csv', 'Name,Email,Financial Status,Total,Created at\n#1,,paid,10.00,2024-01-01 10:00:00 +0000\n', /no order has a customer email address/],
    ['an mbox with only spam', 'Spam.mbox', 'From a@b.example Mon Jan  1 00:00:00 2024\nX-Gmail-Labels: Spam\nFrom: a@b.example\n\nWin!\n', /No message could be read/],
  ])('rejects %s with a clear error and changes nothing', async (_name, fileName, content, message) => {
    const outcome = await importAnyFile(new File([content], fileName));
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect(await databaseSnapshot()).toBe(baseline);
  });
});

describe('prototype keys in JSON imports', () => {
  it('imports KB articles carrying __proto__ and constructor keys as plain data, Object.prototype untouched', async () => {
    const json = '{"__proto__":{"polluted":1},"format":"solodesk-kb","version":1,"articles":[{"__proto__":{"polluted":1,"shortcut":"/p"},"constructor":{"prototype":{"polluted":1}},"id":"p1","title":"Proto","body":"Body"}]}';
    const outcome = await importAnyFile(new File([json], 'kb.json'));
    expect(outcome.ok).toBe(true);
    expect(pollution()).toBeNull();
    const stored = await db.articles.get('p1');
    expect(stored && Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(stored).toMatchObject({ id: 'p1', title: 'Proto', body: 'Body' });
    expect(stored).not.toHaveProperty('shortcut');
    expect(await restoreBackup(baselineBackup)).toMatchObject({ ok: true });
  });

  it('refuses a backup with a __proto__ key and changes nothing', async () => {
    const outcome = await importAnyFile(new File([baselineBackup.replace('"tables":{', '"tables":{"__proto__":{"polluted":1},')], 'backup.json'));
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/file\.tables: a "__proto__" key is not allowed/) });
    expect(pollution()).toBeNull();
    expect(await databaseSnapshot()).toBe(baseline);
  });
});
