/**
 * What the popup's figures need of one conversation: from its messages (without their text) and
 * from the conversation row (priority, state, rating). Stored per conversation with every write of
 * either (lib/store/derived.ts), so the popup reads a month of these small rows and nothing else.
 */
import type { Priority } from '../categories';
import type { ConversationRecord } from './metrics';
import { inTimeOrder, slaMetOf, waitingSummaryInOrder, type SlaMessage, type SlaSettings, type WaitingSummary } from './sla';

export interface ThreadStats extends WaitingSummary {
  /** The conversation's id. */
  id: string;
  /**
   * When the conversation counts as created, ms: the customer's first dated message, else the
   * first dated message, else when SoloDesk first stored it.
   */
  startedAt: number;
  /** Our first message after the customer's first one, ms. */
  firstResponseAt?: number;
}

/** The fields of a stored conversation a metric record takes (not its messages). */
export interface RecordedConversation {
  id: string;
  state: 'open' | 'waiting' | 'resolved';
  resolvedAt?: number;
  triage?: { priority: Priority };
  rating?: { value: number };
}

/** The conversation's own part of its facts; `priority` is absent until the first triage. */
export interface ConversationPart {
  state: RecordedConversation['state'];
  priority?: Priority;
  resolvedAt?: number;
  rating?: number;
}

export type ConversationFacts = ThreadStats & ConversationPart;

/** Every field present, absent ones as undefined: as an update, it also clears what was removed. */
export function conversationPart(conversation: RecordedConversation): { state: ConversationPart['state']; priority: Priority | undefined; resolvedAt: number | undefined; rating: number | undefined } {
  return {
    state: conversation.state,
    priority: conversation.triage?.priority,
    resolvedAt: conversation.state === 'resolved' ? conversation.resolvedAt : undefined,
    rating: conversation.rating?.value,
  };
}

export function conversationFactsOf(conversation: RecordedConversation & { createdAt: number }, messages: readonly Partial<SlaMessage>[]): ConversationFacts {
  return withConversationPart(threadStatsOf(conversation.id, messages, conversation.createdAt), conversation);
}

/** Facts (or bare thread stats) with the conversation's part as it is now: a field it no longer has is removed. */
export function withConversationPart(stats: ThreadStats, conversation: RecordedConversation): ConversationFacts {
  const facts: Record<string, unknown> = { ...stats };
  for (const [key, value] of Object.entries(conversationPart(conversation))) {
    if (value === undefined) delete facts[key];
    else facts[key] = value;
  }
  return facts as unknown as ConversationFacts;
}

const MS_PER_DAY = 86_400_000;

/** The UTC day (since 1970-01-01) a conversation started on: its row in `factsByDay`. */
export const startDayOf = (facts: Pick<ThreadStats, 'startedAt'>): number => Math.floor(facts.startedAt / MS_PER_DAY);

/** A thread's stats; `storedAt` is when SoloDesk first stored it (the start of an undated thread). */
export function threadStatsOf(id: string, messages: readonly Partial<SlaMessage>[], storedAt: number): ThreadStats {
  const sorted = inTimeOrder(messages);
  const firstCustomer = sorted.find((m) => !m.fromMe);
  const firstResponse = firstCustomer && sorted.find((m) => m.fromMe && m.at > firstCustomer.at);
  const stats: ThreadStats = { id, startedAt: firstCustomer?.at ?? sorted[0]?.at ?? storedAt, ...waitingSummaryInOrder(sorted) };
  if (firstResponse) stats.firstResponseAt = firstResponse.at;
  return stats;
}

/** A conversation as the metric formulas see it (dates from the mail, not from storage). */
export function recordOf(facts: ConversationFacts, settings: SlaSettings, now: Date): ConversationRecord {
  const priority = facts.priority ?? 'P4';
  const record: ConversationRecord = { id: facts.id, priority, createdAt: new Date(facts.startedAt).toISOString() };
  if (facts.firstResponseAt !== undefined) record.firstResponseAt = new Date(facts.firstResponseAt).toISOString();
  if (facts.state === 'resolved' && facts.resolvedAt) record.resolvedAt = new Date(facts.resolvedAt).toISOString();
  const met = slaMetOf(facts, { priority, settings, now });
  if (met !== undefined) record.slaMet = met;
  if (facts.rating !== undefined) record.rating = facts.rating;
  return record;
}
