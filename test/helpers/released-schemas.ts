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
