/**
 * `npm run --silent triage -- --input MAILS.jsonl [--kb KB.jsonl] [--engine lexical|use|auto]
 *  [--model DIR_OR_URL]` — CONTRACT §2b: one JSON line per input row, in order, on stdout.
 */
import { TriageEngine, createStarterEngine, starterCategoryExamples } from '../lib/triage/engine';
import type { KbArticle, TriageInput } from '../lib/triage/types';
import type { CustomerTier } from '../lib/categories';
import { log, parseArgs, requireArg, stringArg } from './lib/args';
import { resolveEmbedder } from './lib/engine-choice';
import { readJsonl } from './lib/jsonl';

interface MailRow {
  id: string | number;
  subject?: string;
  body?: string;
  from?: string;
  date?: string;
  customerTier?: string;
  previousMessages?: number;
}

const TIERS: readonly string[] = ['vip', 'regular', 'new'];

function toInput(row: MailRow): TriageInput {
  return {
    subject: row.subject ?? '',
    body: row.body ?? '',
    from: row.from,
    date: row.date,
    customerTier: row.customerTier && TIERS.includes(row.customerTier) ? (row.customerTier as CustomerTier) : undefined,
    previousMessages: typeof row.previousMessages === 'number' ? row.previousMessages : undefined,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows = readJsonl<MailRow>(requireArg(args, 'input'));
  const kbPath = stringArg(args, 'kb');
  const { engine: engineName, embedder } = await resolveEmbedder(stringArg(args, 'engine'), stringArg(args, 'model'));
  let engine: TriageEngine;
  if (kbPath) {
    // A user's own KB replaces the starter articles; the built-in category examples still apply.
    engine = new TriageEngine({ embedder });
    await engine.setKnowledgeBase(readJsonl<KbArticle>(kbPath));
    engine.setLabelledExamples(starterCategoryExamples());
  } else {
    engine = await createStarterEngine({ embedder });
  }
  log(`triage: engine=${engineName} mails=${rows.length} articles=${engine.knowledgeBase.length}`);
  for (const row of rows) {
    const result = await engine.triage(toInput(row));
    process.stdout.write(JSON.stringify({ id: row.id, ...result }) + '\n');
  }
}

main().catch((error: unknown) => {
  log(`triage failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
