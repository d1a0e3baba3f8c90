import type { LabelledText } from './types';
import { TfidfVectorizer, type SparseVector, type VectorizerOptions } from './vectorize';
import { softmaxInPlace, softmaxLogits, trainSoftmax, type SoftmaxModel, type SoftmaxOptions } from './softmax';
import { fitTemperature } from './calibrate';

export interface ClassifierOptions {
  vectorizer: Partial<VectorizerOptions>;
  softmax: Partial<SoftmaxOptions>;
  /**
   * Fit a softmax temperature on a held-out fifth of the examples, then retrain on all of them,
   * so `confidence` means "how often a prediction this sure is right". Costs a second training.
   */
  calibrate: boolean;
  /** Below this calibrated confidence the prediction is `noMatchLabel`. */
  threshold: number;
  /** Label returned when nothing fits; training rows with this label teach what is out of scope. */
  noMatchLabel: string;
  /**
   * Class balancing: each example weighs (mean class size / its class size)^balance. 0 keeps the
   * data's priors (right for intents); >0 stops one big FAQ article from absorbing near misses.
   */
  balance: number;
}

export const DEFAULT_CLASSIFIER: ClassifierOptions = {
  vectorizer: { minDf: 1 },
  softmax: {},
  calibrate: true,
  threshold: 0.2,
  noMatchLabel: 'other',
  balance: 0,
};

export interface Prediction {
  label: string;
  confidence: number;
  /** Best in-scope label even when the answer is no-match, and its probability. */
  bestLabel: string;
  bestConfidence: number;
}

interface Fitted {
  vectorizer: TfidfVectorizer;
  model: SoftmaxModel;
}

/** A text classifier: TF-IDF word + character n-grams → calibrated softmax regression. */
export class TextClassifier {
  readonly options: ClassifierOptions;
  labels: string[] = [];
  temperature = 1;
  private fitted: Fitted | undefined;

  constructor(options: Partial<ClassifierOptions> = {}) {
    this.options = { ...DEFAULT_CLASSIFIER, ...options };
  }

  get trained(): boolean {
    return this.fitted !== undefined;
  }

  train(examples: LabelledText[]): void {
    const usable = examples.filter((e) => e.text.trim() && e.label);
    this.labels = [...new Set(usable.map((e) => e.label))].sort();
    if (this.labels.length === 0) {
      this.fitted = undefined;
      return;
    }
    this.temperature = this.options.calibrate ? this.calibrationTemperature(usable) : 1;
    this.fitted = this.fit(usable);
  }

  /** Per-label probabilities (calibrated), in `labels` order. */
  probabilities(text: string): Float64Array {
    if (!this.fitted) return new Float64Array(0);
    const scores = softmaxLogits(this.fitted.model, this.fitted.vectorizer.transform(text));
    softmaxInPlace(scores, this.temperature);
    return scores;
  }

  predict(text: string): Prediction {
    const noMatch = this.options.noMatchLabel;
    const probs = this.probabilities(text);
    let best = -1;
    let top = -1;
    for (let c = 0; c < probs.length; c++) {
      if (top < 0 || probs[c] > probs[top]) top = c;
      if (this.labels[c] !== noMatch && (best < 0 || probs[c] > probs[best])) best = c;
    }
    if (best < 0) return { label: noMatch, confidence: top < 0 ? 0 : probs[top], bestLabel: noMatch, bestConfidence: 0 };
    const bestLabel = this.labels[best];
    const bestConfidence = probs[best];
    if (this.labels[top] === noMatch) return { label: noMatch, confidence: probs[top], bestLabel, bestConfidence };
    if (bestConfidence < this.options.threshold) {
      return { label: noMatch, confidence: 1 - bestConfidence, bestLabel, bestConfidence };
    }
    return { label: bestLabel, confidence: bestConfidence, bestLabel, bestConfidence };
  }

  private fit(examples: LabelledText[]): Fitted {
    const index = new Map(this.labels.map((l, i) => [l, i]));
    const vectorizer = new TfidfVectorizer(this.options.vectorizer);
    const xs = vectorizer.fit(examples.map((e) => e.text));
    const ys = examples.map((e) => index.get(e.label) ?? 0);
    const model = trainSoftmax(xs, ys, vectorizer.size, this.labels.length, this.options.softmax, this.sampleWeights(ys));
    return { vectorizer, model };
  }

  private sampleWeights(ys: number[]): Float32Array | undefined {
    if (this.options.balance === 0) return undefined;
    const counts = new Float64Array(this.labels.length);
    for (const y of ys) counts[y]++;
    const mean = ys.length / this.labels.length;
    return Float32Array.from(ys, (y) => Math.pow(mean / counts[y], this.options.balance));
  }

  /** Hold out every fifth example of each label (labels with ≥ 3 examples) and fit T on them. */
  private calibrationTemperature(examples: LabelledText[]): number {
    const seen = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const e of examples) totals.set(e.label, (totals.get(e.label) ?? 0) + 1);
    const fitRows: LabelledText[] = [];
    const heldOut: LabelledText[] = [];
    for (const e of examples) {
      const k = (seen.get(e.label) ?? 0) + 1;
      seen.set(e.label, k);
      if ((totals.get(e.label) ?? 0) >= 3 && k % 5 === 3) heldOut.push(e);
      else fitRows.push(e);
    }
    if (heldOut.length < 10) return 1;
    const fitted = this.fit(fitRows);
    const index = new Map(this.labels.map((l, i) => [l, i]));
    const logits: Float64Array[] = [];
    const gold: number[] = [];
    for (const e of heldOut) {
      logits.push(softmaxLogits(fitted.model, fitted.vectorizer.transform(e.text)));
      gold.push(index.get(e.label) ?? 0);
    }
    return fitTemperature(logits, gold);
  }
}

export type { SparseVector };
