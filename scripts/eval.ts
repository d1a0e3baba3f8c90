/**
 * `npm run --silent eval -- --train T.jsonl --test D.jsonl [--kb KB.jsonl] [--shots N] [--oos LABEL]
 *  [--engine lexical|use|auto] [--model DIR_OR_URL]` — CONTRACT §2. Prints one JSON line on stdout.
 */
import type { KbArticle, LabelledText } from '../lib/triage/types';
import { log, parseArgs, requireArg, stringArg } from './lib/args';
import { readJsonl } from './lib/jsonl';
import { resolveEmbedder } from './lib/engine-choice';
import { evaluateClassify, evaluateRetrieve, firstShots } from './lib/evaluate';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const test = readJsonl<LabelledText>(requireArg(args, 'test'));
  const trainPath = stringArg(args, 'train');
  const kbPath = stringArg(args, 'kb');
  let train = trainPath ? readJsonl<LabelledText>(trainPath) : [];
  const shots = stringArg(args, 'shots');
  if (shots !== undefined) train = firstShots(train, Number(shots));
  const { engine, embedder } = await resolveEmbedder(stringArg(args, 'engine'), stringArg(args, 'model'));
  log(`eval: engine=${engine} train=${train.length} test=${test.length}${kbPath ? ` kb=${kbPath}` : ''}`);
  const result = kbPath
    ? await evaluateRetrieve(readJsonl<KbArticle>(kbPath), train, test, embedder)
    : await evaluateClassify(train, test, stringArg(args, 'oos'), embedder);
  process.stdout.write(JSON.stringify({ ...result.head(engine), ...result.metrics }) + '\n');
}

main().catch((error: unknown) => {
  log(`eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
