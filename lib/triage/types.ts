import type { CustomerTier, Level, Priority, Sentiment } from '../categories';

/** A knowledge-base article as the engine sees it (CONTRACT §2 KB rows, plus optional metadata). */
export interface KbArticle {
  id: string;
  title: string;
  body: string;
  examples: string[];
  /** Category id this article answers (built-in or the user's own). */
  category?: string;
  /** BCP 47 language of title/body, e.g. `en`, `zh`. */
  lang?: string;
}

/** A labelled text: a category example, a user's correction, or a training row. */
export interface LabelledText {
  text: string;
  label: string;
}

/** One mail to triage (CONTRACT §2b input row). */
export interface TriageInput {
  subject: string;
  body: string;
  from?: string;
  date?: string;
  customerTier?: CustomerTier;
  /** Earlier customer messages in the thread without a reply from us. */
  previousMessages?: number;
}

export interface Suggestion {
  id: string;
  score: number;
}

/** CONTRACT §2b output row (without the id). */
export interface TriageResult {
  category: string;
  confidence: number;
  urgency: Level;
  importance: Level;
  priority: Priority;
  sentiment: Sentiment;
  lang: string;
  /** Short machine-readable reason codes, e.g. `urgency:deadline`, `importance:vip`. */
  reasons: string[];
  suggestions: Suggestion[];
}
