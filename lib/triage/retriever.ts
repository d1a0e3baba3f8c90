import type { KbArticle, LabelledText, Suggestion } from './types';
import { Bm25Index, bm25Terms, contentTerms } from './bm25';
import { TextClassifier } from './classifier';
import { SparseIndex, unitSparse } from './sparse-index';
import { TfidfVectorizer } from './vectorize';
import type { SoftmaxOptions } from './softmax';
import { expandQuery } from './thesaurus';
import { DEFAULT_FEATURES, type FeatureConfig } from './tokenize';

export interface RetrieverWeights {
  /** Softmax classifier over articles, trained on examples, titles and leading body sentences. */
  classifier: number;
  /** Best cosine similarity to one of the article's example questions (and its title). */
  nearestExample: number;
  /** BM25 over titles and over bodies, each normalised by the query's self-score. */
  bm25Title: number;
  bm25Body: number;
  /** BM25 over a per-article profile: the title plus every example question, concatenated. */
  bm25Profile: number;
  /**
   * BM25 of each example question (and title) on its own, best per article, stop terms removed: a
   * query close to one phrasing counts fully instead of being diluted in the profile.
   */
  bm25Example: number;
  /** Added per earlier pick of the article, saturating (log), so picks reorder close calls. */
  pick: number;
}

export interface RetrieverOptions {
  weights: RetrieverWeights;
  /** How many leading body sentences become pseudo-examples (replies restate the question first). */
  bodySentences: number;
  /** Below this fused score nothing is suggested: the knowledge base has a gap. */
  minScore: number;
  /**
   * An article is suggested only with direct lexical evidence: its best example cosine or its
   * normalised BM25 (title/profile) reaches this. The classifier alone always spreads probability
   * over a small KB, so it cannot tell "no article fits" by itself.
   */
  minEvidence: number;
  /** …unless the fused score alone is this sure (paraphrases the classifier learnt). */
  confidentScore: number;
  /** Class balancing of the article classifier (see ClassifierOptions.balance). */
  balance: number;
  /**
   * Training settings of the article classifier (epochs, regularisation, sampled negatives). With
   * one class per article a step over every class made 1,000 articles train for 80 s; 64 sampled
   * negatives rank unionpay_zh's 642 articles as well (mean of 3 seeds, dev) at a quarter of the cost.
   */
  softmax: Partial<SoftmaxOptions>;
  /**
   * Above this many articles the article classifier (one class per article) is not trained: its
   * weights are features × articles floats (2.5 GB for 10,000 generated articles, 174 MB for
   * unionpay_zh's 642), while BM25 and the nearest examples still rank such a KB.
   */
  maxClassifierArticles: number;
}

/** Articles are often about one code ("报错1000075", "error 10000P1"): keep codes as features. */
const ARTICLE_FEATURES: FeatureConfig = { ...DEFAULT_FEATURES, keepDigits: 8 };

export const DEFAULT_RETRIEVER: RetrieverOptions = {
  weights: { classifier: 0.5, nearestExample: 0.1, bm25Title: 0.05, bm25Body: 0.1, bm25Profile: 0.3, bm25Example: 0.3, pick: 0.05 },
  bodySentences: 2,
  minScore: 0.12,
  minEvidence: 0.25,
  confidentScore: 0.4,
  balance: 0.5,
  softmax: { negatives: 64 },
  maxClassifierArticles: 1000,
};

/**
 * Split into sentences: CJK terminators, line breaks, and Latin terminators only before a space
 * (a dot inside "www.example.com" or "3.5" ends nothing).
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|(?<=[。！？])\s*|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
}

/** Hybrid lexical ranking of knowledge-base articles; see RetrieverWeights for the parts. */
export class LexicalRetriever {
  readonly options: RetrieverOptions;
  private articles: KbArticle[] = [];
  private vectorizer = new TfidfVectorizer({ minDf: 1, features: ARTICLE_FEATURES });
  private examples = new SparseIndex();
  private exampleArticle: number[] = [];
  private titles = new Bm25Index();
  private bodies = new Bm25Index();
  private profiles = new Bm25Index();
  private exampleTerms = new Bm25Index();
  private classifier: TextClassifier;
  private classIndex: number[] = [];
  private picks = new Map<string, number>();

  constructor(options: Partial<RetrieverOptions> = {}) {
    this.options = {
      ...DEFAULT_RETRIEVER,
      ...options,
      weights: { ...DEFAULT_RETRIEVER.weights, ...options.weights },
      softmax: { ...DEFAULT_RETRIEVER.softmax, ...options.softmax },
    };
    this.classifier = this.newClassifier();
  }

  private newClassifier(): TextClassifier {
    return new TextClassifier({
      calibrate: false,
      threshold: 0,
      noMatchLabel: '\u0000none',
      balance: this.options.balance,
      softmax: this.options.softmax,
      vectorizer: { minDf: 1, features: ARTICLE_FEATURES },
    });
  }

  get size(): number {
    return this.articles.length;
  }

  /** (Re)index the articles; `extra` rows are more example questions for the article `label`. */
  build(articles: KbArticle[], extra: LabelledText[] = []): void {
    this.articles = articles;
    const position = new Map(articles.map((a, i) => [a.id, i]));
    const rows: LabelledText[] = [];
    const seen = new Set<string>();
    const push = (text: string, label: string) => {
      const key = label + '\u0000' + text;
      if (text.trim() && !seen.has(key)) rows.push({ text, label }), seen.add(key);
    };
    for (const a of articles) {
      push(a.title, a.id);
      for (const e of a.examples) push(e, a.id);
    }
    for (const e of extra) if (position.has(e.label)) push(e.text, e.label);
    const pseudo = leadingSentences(articles, this.options.bodySentences);
    const vectors = this.vectorizer.fit(rows.map((r) => r.text));
    this.examples = new SparseIndex();
    this.exampleArticle = rows.map((r) => position.get(r.label) ?? 0);
    for (const v of vectors) this.examples.add(unitSparse(v));
    this.titles.build(articles.map((a) => bm25Terms(a.title)));
    this.bodies.build(articles.map((a) => bm25Terms(a.body)));
    const rowTerms = rows.map((r) => bm25Terms(r.text));
    const profileTerms: string[][] = articles.map(() => []);
    rows.forEach((r, k) => profileTerms[position.get(r.label) ?? 0].push(...rowTerms[k]));
    this.profiles.build(profileTerms);
    this.exampleTerms.build(rowTerms.map(contentTerms));
    // The classifier is most of the build time and memory; skip it when it carries no weight or the
    // KB is over maxClassifierArticles (a fresh, untrained one: no stale classes from before).
    this.classifier = this.newClassifier();
    if (this.options.weights.classifier > 0 && articles.length <= this.options.maxClassifierArticles) {
      this.classifier.train([...rows, ...pseudo]);
    }
    this.classIndex = this.classifier.labels.map((id) => position.get(id) ?? 0);
  }

  /** Remember that the user chose this article for this text: a boost and one more example. */
  recordPick(articleId: string): void {
    this.picks.set(articleId, (this.picks.get(articleId) ?? 0) + 1);
  }

  /** Fused score (0…~1) of every article, in article order. */
  scoreAll(text: string): Float64Array {
    return this.score(text).fused;
  }

  /** Fused scores plus each article's direct lexical evidence (see minEvidence). */
  score(text: string): { fused: Float64Array; evidence: Float64Array } {
    const w = this.options.weights;
    const n = this.articles.length;
    const fused = new Float64Array(n);
    const evidence = new Float64Array(n);
    if (n === 0) return { fused, evidence };
    if (w.classifier > 0 && this.classifier.trained) {
      const probs = this.classifier.probabilities(text);
      for (let c = 0; c < probs.length; c++) fused[this.classIndex[c]] += w.classifier * probs[c];
    }
    if (w.nearestExample > 0 && this.examples.size > 0) {
      const sims = this.examples.similarities(unitSparse(this.vectorizer.transform(text)));
      const best = new Float64Array(n);
      for (let k = 0; k < sims.length; k++) {
        const a = this.exampleArticle[k];
        if (sims[k] > best[a]) best[a] = sims[k];
      }
      for (let a = 0; a < n; a++) fused[a] += w.nearestExample * best[a];
      evidence.set(best);
    }
    // Synonyms widen the match but the bound stays the query's own self-score (capped at 1), so a
    // hit on "reimbursement" for "refund" counts as much as the word itself.
    const original = bm25Terms(text);
    const terms = expandQuery(original);
    addNormalised(fused, this.titles.score(terms), this.titles.selfScore(original), w.bm25Title, evidence);
    addNormalised(fused, this.bodies.score(terms), this.bodies.selfScore(original), w.bm25Body);
    addNormalised(fused, this.profiles.score(terms), this.profiles.selfScore(original), w.bm25Profile, evidence);
    if (w.bm25Example > 0) this.addBestExample(fused, evidence, contentTerms(original), w.bm25Example);
    for (let a = 0; a < n; a++) {
      const picks = this.picks.get(this.articles[a].id);
      if (picks) fused[a] += w.pick * Math.log2(1 + picks);
    }
    return { fused, evidence };
  }

  private addBestExample(fused: Float64Array, evidence: Float64Array, terms: string[], weight: number): void {
    const bound = this.exampleTerms.selfScore(terms);
    if (bound <= 0) return;
    const scores = this.exampleTerms.score(expandQuery(terms));
    const best = new Float64Array(fused.length);
    for (let k = 0; k < scores.length; k++) {
      const a = this.exampleArticle[k];
      const s = Math.min(1, scores[k] / bound);
      if (s > best[a]) best[a] = s;
    }
    for (let a = 0; a < fused.length; a++) {
      fused[a] += weight * best[a];
      if (best[a] > evidence[a]) evidence[a] = best[a];
    }
  }

  /** Whether an article with this fused score and evidence may be suggested (the KB-gap rule). */
  supported(fused: number, evidence: number): boolean {
    return fused >= this.options.minScore && (evidence >= this.options.minEvidence || fused >= this.options.confidentScore);
  }

  /** Best `k` articles above the KB-gap thresholds, best first (minScore < 0: rank everything). */
  retrieve(text: string, k = 5, minScore = this.options.minScore): Suggestion[] {
    const { fused, evidence } = this.score(text);
    if (minScore >= 0) for (let a = 0; a < fused.length; a++) if (!this.supported(fused[a], evidence[a])) fused[a] = -1;
    return topSuggestions(this.articles, fused, k, minScore);
  }
}

/**
 * The first `count` sentences of each body as pseudo-examples, minus boilerplate: a sentence that
 * opens several articles ("您好，小U为您介绍：", a hotline number) says nothing about any one of them.
 */
function leadingSentences(articles: KbArticle[], count: number): LabelledText[] {
  const leads = articles.map((a) => sentences(a.body).slice(0, count));
  const seen = new Map<string, number>();
  for (const list of leads) for (const s of new Set(list)) seen.set(s, (seen.get(s) ?? 0) + 1);
  return articles.flatMap((a, i) => leads[i].filter((s) => seen.get(s) === 1).map((text) => ({ text, label: a.id })));
}

function addNormalised(into: Float64Array, scores: Float64Array, bound: number, weight: number, evidence?: Float64Array): void {
  if (bound <= 0) return;
  for (let a = 0; a < into.length; a++) {
    const normalised = Math.min(1, scores[a] / bound);
    if (weight > 0) into[a] += weight * normalised;
    if (evidence && normalised > evidence[a]) evidence[a] = normalised;
  }
}

export function topSuggestions(articles: KbArticle[], fused: Float64Array, k: number, minScore: number): Suggestion[] {
  const order = Array.from(fused.keys()).sort((x, y) => fused[y] - fused[x]);
  return order
    .slice(0, k)
    .filter((a) => fused[a] >= minScore)
    .map((a) => ({ id: articles[a].id, score: Math.round(fused[a] * 1e4) / 1e4 }));
}
