/**
 * The triage engine the extension's background (and the Node CLIs) use: category, signals and
 * suggested articles for one mail. Lexical models always work; an Embedder, when given, adds the
 * embedding side to retrieval. Pure TypeScript (no Node APIs, no tfjs import).
 */
import { CATEGORY_EXAMPLES, STARTER_ARTICLES } from '../kb/starter';
import { TextClassifier } from './classifier';
import { LabelledVectors, fuseScores } from './embedding-scores';
import type { Embedder } from './embed/types';
import { LexicalRetriever } from './retriever';
import { assessSignals } from './signals/index';
import { normalizeText } from './tokenize';
import type { KbArticle, LabelledText, Suggestion, TriageInput, TriageResult } from './types';

export type { Embedder } from './embed/types';

export interface EngineOptions {
  embedder?: Embedder;
}

/** Label when no category fits. */
export const NO_CATEGORY = 'other';
/** Calibrated confidence below which classify() answers NO_CATEGORY. */
export const CATEGORY_THRESHOLD = 0.25;
/** Cosines of unrelated sentence embeddings sit around 0.2–0.4; only the excess counts as evidence. */
const EMBEDDING_EVIDENCE_OFFSET = 0.3;
/** How many times a correction is repeated in training, so one correction outweighs a few examples. */
const CORRECTION_WEIGHT = 3;

/** Subject and body as one text, the way every model here sees a mail. */
export function mailText(input: Pick<TriageInput, 'subject' | 'body'>): string {
  return `${input.subject ?? ''}\n${input.body ?? ''}`.trim();
}

/**
 * Article texts that teach the category classifier, at most this many per category: a category is
 * learnt long before that, and training time grows with the examples (a KB of 10,000 articles made
 * the first triage after a worker start take minutes). Your labelled mail and corrections all count.
 */
const MAX_ARTICLE_EXAMPLES_PER_CATEGORY = 400;

/** At most `max` rows per label, spread evenly over each label's rows, in their original order. */
function capPerLabel(rows: LabelledText[], max: number): LabelledText[] {
  const total = new Map<string, number>();
  for (const row of rows) total.set(row.label, (total.get(row.label) ?? 0) + 1);
  if ([...total.values()].every((n) => n <= max)) return rows;
  const seen = new Map<string, number>();
  return rows.filter((row) => {
    const n = total.get(row.label)!;
    const i = seen.get(row.label) ?? 0;
    seen.set(row.label, i + 1);
    // Keeps exactly `max` of a label's n rows, evenly spaced (all of them when n <= max).
    return Math.floor(((i + 1) * max) / n) > Math.floor((i * max) / n);
  });
}

export class TriageEngine {
  private readonly embedder?: Embedder;
  private articles: KbArticle[] = [];
  private labelled: LabelledText[] = [];
  private corrections: LabelledText[] = [];
  /** Exact (normalised) texts the user corrected: answered from memory, whatever the model says. */
  private corrected = new Map<string, string>();
  private picks: LabelledText[] = [];
  private classifier = new TextClassifier({ noMatchLabel: NO_CATEGORY, threshold: CATEGORY_THRESHOLD });
  private retriever = new LexicalRetriever();
  private vectors?: LabelledVectors;
  private embeddedPicks = 0;
  private classifierStale = true;
  private retrieverStale = true;

  constructor(options: EngineOptions = {}) {
    this.embedder = options.embedder;
  }

  get knowledgeBase(): readonly KbArticle[] {
    return this.articles;
  }

  /** (Re)index articles; their examples, labelled with article.category, also train categories. */
  async setKnowledgeBase(articles: KbArticle[]): Promise<void> {
    this.articles = [...articles];
    this.classifierStale = true;
    this.retrieverStale = true;
    this.vectors = undefined;
    this.embeddedPicks = 0;
    if (this.embedder) await this.embedArticles(this.embedder);
  }

  /** Extra category examples (labelled history, imported corrections); retrains. */
  setLabelledExamples(examples: LabelledText[]): void {
    this.labelled = [...examples];
    this.classifierStale = true;
  }

  /** One correction: the very next classify/triage reflects it, no restart. */
  addCorrection(example: LabelledText): void {
    this.corrections.push(example);
    this.corrected.set(normalizeText(example.text).trim(), example.label);
    this.classifierStale = true;
  }

  /** The user inserted this article for this mail: a boost and a new example for the article. */
  recordPick(articleId: string, text: string): void {
    if (!this.articles.some((a) => a.id === articleId)) return;
    this.picks.push({ text, label: articleId });
    this.retriever.recordPick(articleId);
    this.retrieverStale = true;
  }

  classify(text: string): { label: string; confidence: number } {
    const remembered = this.corrected.get(normalizeText(text).trim());
    if (remembered !== undefined) return { label: remembered, confidence: 1 };
    this.ensureClassifier();
    if (!this.classifier.trained) return { label: NO_CATEGORY, confidence: 0 };
    const { label, confidence } = this.classifier.predict(text);
    return { label, confidence: Math.round(confidence * 1e4) / 1e4 };
  }

  async retrieve(text: string, k = 5): Promise<Suggestion[]> {
    this.ensureRetriever();
    if (this.articles.length === 0) return [];
    const lexical = this.retriever.score(text);
    let scores = new Map(this.articles.map((a, i) => [a.id, lexical.fused[i]]));
    const evidence = new Map(this.articles.map((a, i) => [a.id, lexical.evidence[i]]));
    if (this.embedder && this.vectors) {
      await this.embedNewPicks(this.embedder, this.vectors);
      const [query] = await this.embedder.embed([text]);
      const cosines = this.vectors.bestPerLabel(query);
      scores = fuseScores(scores, cosines);
      // A close embedding match is evidence too (paraphrases with no shared words).
      for (const [id, cos] of cosines) evidence.set(id, Math.max(evidence.get(id) ?? 0, cos - EMBEDDING_EVIDENCE_OFFSET));
    }
    return [...scores.entries()]
      .filter(([id, s]) => this.retriever.supported(s, evidence.get(id) ?? 0))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([id, score]) => ({ id, score: Math.round(score * 1e4) / 1e4 }));
  }

  async triage(input: TriageInput): Promise<TriageResult> {
    const text = mailText(input);
    const category = this.classify(text);
    const signals = assessSignals(input, { id: category.label, confidence: category.confidence });
    return {
      category: category.label,
      confidence: category.confidence,
      urgency: signals.urgency,
      importance: signals.importance,
      priority: signals.priority,
      sentiment: signals.sentiment,
      lang: signals.lang,
      reasons: signals.reasons,
      suggestions: await this.retrieve(text, 5),
    };
  }

  /** Every example that teaches categories, corrections repeated so they outweigh older examples. */
  categoryExamples(): LabelledText[] {
    const fromArticles = capPerLabel(
      this.articles.flatMap((a) => (a.category ? [a.title, ...a.examples].map((text) => ({ text, label: a.category as string })) : [])),
      MAX_ARTICLE_EXAMPLES_PER_CATEGORY,
    );
    const corrections = this.corrections.flatMap((c) => Array<LabelledText>(CORRECTION_WEIGHT).fill(c));
    return [...fromArticles, ...this.labelled, ...corrections];
  }

  private ensureClassifier(): void {
    if (!this.classifierStale) return;
    this.classifier.train(this.categoryExamples());
    this.classifierStale = false;
  }

  private ensureRetriever(): void {
    if (!this.retrieverStale) return;
    this.retriever.build(this.articles, this.picks);
    this.retrieverStale = false;
  }

  private async embedArticles(embedder: Embedder): Promise<void> {
    const rows = this.articles.flatMap((a) => [a.title, ...a.examples].map((text) => ({ text, label: a.id })));
    const vectors = new LabelledVectors(embedder.dim);
    const embedded = rows.length ? await embedder.embed(rows.map((r) => r.text)) : [];
    rows.forEach((r, i) => vectors.add(r.label, embedded[i]));
    this.vectors = vectors;
  }

  private async embedNewPicks(embedder: Embedder, vectors: LabelledVectors): Promise<void> {
    const fresh = this.picks.slice(this.embeddedPicks);
    if (fresh.length === 0) return;
    this.embeddedPicks = this.picks.length;
    const embedded = await embedder.embed(fresh.map((p) => p.text));
    fresh.forEach((p, i) => vectors.add(p.label, embedded[i]));
  }
}

/** Category examples of the built-in starter set, every language flattened into labelled rows. */
export function starterCategoryExamples(): LabelledText[] {
  return Object.entries(CATEGORY_EXAMPLES).flatMap(([label, byLang]) =>
    [...byLang.en, ...byLang.zh, ...byLang.de].map((text) => ({ text, label })),
  );
}

/** An engine on the built-in starter knowledge base and category examples (what a new install has). */
export async function createStarterEngine(options: EngineOptions = {}): Promise<TriageEngine> {
  const engine = new TriageEngine(options);
  await engine.setKnowledgeBase(STARTER_ARTICLES);
  engine.setLabelledExamples(starterCategoryExamples());
  return engine;
}
