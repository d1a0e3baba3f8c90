import type { TriageInput, TriageResult } from '../types';
import { CATEGORY_KIND, type BuiltInCategory, type Level, type Priority, type Sentiment } from '../../categories';
import { priorityOf } from '../priority';
import { IMPORTANCE_CUES } from './importance-cues';
import { detectLanguage } from './language';
import type { ReasonCode } from './reasons';
import { assessSentiment } from './sentiment';
import { findCues, foldText, splitSentences, stripQuoted } from './text';
import { NO_RUSH_CUES, URGENCY_CUES } from './urgency-cues';

export { REASON_CODES, describeReason, isReasonCode, type ReasonCode } from './reasons';
export { detectLanguage } from './language';

/** The part of a triage result the signals decide (everything but category and suggestions). */
export type Signals = Omit<TriageResult, 'category' | 'confidence' | 'suggestions'>;

/** Below this the classifier's category is a guess; signals then rely on the text alone. */
export const CATEGORY_TRUST = 0.5;

// What the customer's own "no rush" cannot undo: our shop being down, or a customer already
// waiting on an unanswered message.
const SURVIVES_NO_RUSH: ReadonlySet<ReasonCode> = new Set(['urgency:outage', 'urgency:repeat-contact']);
// Threats count as complaining for sentiment, whatever words carry them.
const COMPLAINT_CODES: ReadonlySet<ReasonCode> = new Set([
  'importance:chargeback',
  'importance:public-complaint',
  'importance:formal-complaint',
  'importance:legal',
]);

function kindOf(categoryId: string): string | undefined {
  return categoryId in CATEGORY_KIND ? CATEGORY_KIND[categoryId as BuiltInCategory] : undefined;
}

/**
 * Urgency, importance, priority (P1–P4), sentiment and language of one mail, each decision
 * backed by reason codes (see reasons.ts). Pure and synchronous: the classifier calls it with
 * its category guess.
 */
export function assessSignals(input: TriageInput, category: { id: string; confidence: number }): Signals {
  const text = stripQuoted(`${input.subject}\n${input.body}`);
  const folded = foldText(text);
  const sentences = splitSentences(folded);
  const trusted = category.confidence >= CATEGORY_TRUST ? category.id : undefined;

  const urgencyHits = findCues(URGENCY_CUES, sentences, folded);
  const noRush = findCues(NO_RUSH_CUES, sentences, folded).length > 0;
  const urgency = new Set<ReasonCode>();
  for (const hit of urgencyHits) if (!noRush || SURVIVES_NO_RUSH.has(hit.cue.code)) urgency.add(hit.cue.code);
  if ((input.previousMessages ?? 0) >= 1) urgency.add('urgency:repeat-contact');
  if (urgency.size === 0 && !noRush && trusted && kindOf(trusted) === 'urgent') urgency.add('urgency:category');

  const importance = new Set<ReasonCode>();
  if (input.customerTier === 'vip') importance.add('importance:vip');
  for (const hit of findCues(IMPORTANCE_CUES, sentences, folded)) importance.add(hit.cue.code);
  if (urgency.has('urgency:outage') || trusted === 'system-outage') importance.add('importance:shop-outage');

  const low: ReasonCode[] = [];
  if (noRush) low.push('low:no-rush');
  if (urgency.size === 0 && importance.size === 0) {
    if (trusted === 'feedback') low.push('low:feedback');
    else if (trusted === 'pre-sales') low.push('low:pre-sales');
    else if (!noRush) low.push('low:routine');
  }

  let complaintWeight = 0;
  for (const code of importance) if (COMPLAINT_CODES.has(code)) complaintWeight += 2;
  if (urgencyHits.some((hit) => hit.cue.complaint)) complaintWeight += 2;

  const urgencyLevel: Level = urgency.size > 0 ? 'high' : 'low';
  const importanceLevel: Level = importance.size > 0 ? 'high' : 'low';
  return {
    urgency: urgencyLevel,
    importance: importanceLevel,
    priority: priorityOf(urgencyLevel, importanceLevel),
    sentiment: assessSentiment(folded, { complaintWeight }),
    lang: detectLanguage(text),
    reasons: [...urgency, ...importance, ...low],
  };
}
