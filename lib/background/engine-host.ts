import { liveQuery } from 'dexie';
import { db, type Article } from '../db';
import { cachingEmbedder } from '../store/embeddings';
import { writeKbIndexStatus, type KbIndexStatus } from '../store/kb-index';
import { CATEGORY_EXAMPLES } from '../kb/starter';
import { reportError } from '../log';
import { TriageEngine } from '../triage/engine';
import { enabledEmbedder } from './model-host';
import type { LabelledText } from '../triage/types';

/**
 * Hosts the triage engine in the background: built once, lazily, from the knowledge base and what
 * the user taught it, and kept current by a live query on the articles table (so an article saved
 * in the options page is indexed without a message or a restart).
 */

let enginePromise: Promise<TriageEngine> | undefined;
let subscription: { unsubscribe(): void } | undefined;

/** Indexes the articles and records it, so the options page can show re-indexing in progress. */
async function indexArticles(engine: TriageEngine, articles: Article[]): Promise<void> {
  const started = Date.now();
  const status = (value: KbIndexStatus) => writeKbIndexStatus(value).catch((error: unknown) => reportError('kb-index', error));
  await status({ running: true, articles: articles.length, at: started });
  try {
    await engine.setKnowledgeBase(articles);
  } finally {
    await status({ running: false, articles: articles.length, ms: Date.now() - started, at: Date.now() });
  }
}

function starterExamples(): LabelledText[] {
  const rows: LabelledText[] = [];
  for (const [label, byLang] of Object.entries(CATEGORY_EXAMPLES)) {
    for (const text of [...byLang.en, ...byLang.zh, ...byLang.de]) rows.push({ text, label });
  }
  return rows;
}

async function build(): Promise<TriageEngine> {
  // With the sentence encoder when the user enabled it and it is cached; lexical-only otherwise.
  const embedder = await enabledEmbedder().catch((error: unknown) => {
    reportError('model', error);
    return undefined;
  });
  const engine = new TriageEngine({ embedder: embedder && cachingEmbedder(embedder) });
  const feedback = await db.feedback.where('kind').equals('correction').toArray();
  engine.setLabelledExamples([...starterExamples(), ...feedback.map((f) => ({ text: f.text, label: f.label }))]);
  await indexArticles(engine, await db.articles.toArray());
  for (const pick of await db.feedback.where('kind').equals('pick').toArray()) engine.recordPick(pick.label, pick.text);

  let first = true;
  subscription = liveQuery(() => db.articles.toArray()).subscribe({
    next: (articles) => {
      // The first emission is the state we just indexed.
      if (first) {
        first = false;
        return;
      }
      indexArticles(engine, articles).catch((error: unknown) => reportError('kb-index', error));
    },
  });
  return engine;
}

export function getEngine(): Promise<TriageEngine> {
  enginePromise ??= build().catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

/** For tests: forget the engine so the next call rebuilds it from the database. */
export function resetEngine(): void {
  subscription?.unsubscribe();
  subscription = undefined;
  enginePromise = undefined;
}
