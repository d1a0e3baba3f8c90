import Dexie from 'dexie';

/**
 * The Dexie schema of every released version, copied here on purpose: upgrade tests open an old
 * database with exactly what shipped, and must not follow edits of lib/db.ts.
 */
export const V1 = {
  articles: 'id, category, lang, *tags, source, updatedAt',
  customers: 'email, lastSeenAt',
  orders: 'id, email, date',
  conversations: 'id, customerEmail, state, updatedAt, lastMessageAt',
  messages: 'id, conversationId, [conversationId+index]',
  feedback: '++id, kind, conversationId, at',
  openings: '++id, at, [windowId+at], conversationId',
  layoutMisses: '++id, at, [windowId+at]',
  settings: 'key',
};

/** v2 (2026-11-26): the embeddings cache. */
export const V2 = { embeddings: 'key, modelId, usedAt' };

/** v3 (2026-11-26): indexes for scale (queue counts, KB gaps, messages by date). */
export const V3 = {
  conversations: 'id, customerEmail, state, updatedAt, lastMessageAt, [state+triage.priority], triage.suggestions.length',
  messages: 'id, conversationId, [conversationId+index], date',
};

/** v4 (2026-11-26): derived tables for the popup; open conversations by tone. */
export const V4 = {
  conversations: 'id, customerEmail, state, updatedAt, lastMessageAt, [state+triage.priority], triage.suggestions.length, [state+triage.sentiment]',
  conversationFacts: 'id, startedAt',
  summaries: 'key',
};

const RELEASED = [V1, V2, V3, V4];

/** A Dexie on `name` declaring every released schema up to `version`, as those releases did. */
export function releasedDexie(name: string, version: 1 | 2 | 3 | 4): Dexie {
  const old = new Dexie(name);
  RELEASED.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  return old;
}

/** A stored triage as every release wrote it, in the given queue. */
export const releasedTriage = (priority: string) => ({ category: 'other', confidence: 1, urgency: 'low', importance: 'low', priority, sentiment: 'neutral', lang: 'en', reasons: [], suggestions: [], at: 1, engine: 'lexical' });
