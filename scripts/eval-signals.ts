/**
 * Measures the triage signals on labelled data (stdout: one JSON line per data set).
 *   vite-node scripts/eval-signals.ts -- [--mails FILE.jsonl] [--langid FILE.jsonl] [--verbose]
 * Mail rows: TriageInput + `urgency`, `importance`, `priority`, `sentiment`, `lang` (+ `category`).
 * Langid rows: `{"text", "label"}`.
 */
import { readFileSync } from 'node:fs';
import { assessSignals, detectLanguage } from '../lib/triage/signals';
import type { TriageInput } from '../lib/triage/types';

interface LabelledMail extends TriageInput {
  id: string;
  category?: string;
  urgency: string;
  importance: string;
  priority: string;
  sentiment: string;
  lang: string;
}

const FIELDS = ['urgency', 'importance', 'priority', 'sentiment', 'lang'] as const;

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function evalMails(path: string, useCategory: boolean, verbose: boolean): void {
  const rows = readJsonl<LabelledMail>(path);
  const right: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  const start = performance.now();
  for (const row of rows) {
    const category = useCategory && row.category ? { id: row.category, confidence: 0.9 } : { id: 'other', confidence: 0 };
    const got = assessSignals(row, category);
    for (const f of FIELDS) {
      if (got[f] === row[f]) right[f] += 1;
      else if (verbose) console.error(`${row.id} ${f}: want ${row[f]} got ${got[f]} [${got.reasons.join(' ')}]`);
    }
  }
  const ms = (performance.now() - start) / rows.length;
  const acc = Object.fromEntries(FIELDS.map((f) => [f, Number((right[f] / rows.length).toFixed(3))]));
  console.log(JSON.stringify({ set: path, category: useCategory ? 'gold' : 'none', n: rows.length, ...acc, msPerItem: Number(ms.toFixed(3)) }));
}

function evalLangid(path: string, verbose: boolean): void {
  const rows = readJsonl<{ text: string; label: string }>(path);
  let right = 0;
  for (const row of rows) {
    const got = detectLanguage(row.text);
    if (got === row.label) right += 1;
    else if (verbose) console.error(`want ${row.label} got ${got}: ${JSON.stringify(row.text.slice(0, 80))}`);
  }
  console.log(JSON.stringify({ set: path, task: 'langid', n: rows.length, accuracy: Number((right / rows.length).toFixed(4)) }));
}

const verbose = process.argv.includes('--verbose');
const mails = arg('--mails') ?? 'test/triage/signals/fixtures/mails.jsonl';
evalMails(mails, true, verbose);
evalMails(mails, false, verbose);
const langid = arg('--langid');
if (langid) evalLangid(langid, verbose);
