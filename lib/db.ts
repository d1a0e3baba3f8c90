import Dexie, { type EntityTable } from 'dexie';
import type { CustomerTier } from './categories';
import type { Order } from './customers/order';
import type { SelectorMiss, SiteId } from './mail/mail-site';
import type { ConversationFacts } from './metrics/conversation-facts';
import type { OrderBlock } from './metrics/order-days';
import type { TriageResult } from './triage/types';

/**
 * The one Dexie schema. Open it only in extension contexts (background, extension pages): a
 * content script would get the mail site's IndexedDB instead of ours.
 *
 * Versions are declared oldest first; a released version is never edited, changes go into a new
 * `version(n)` with an `upgrade()`.
 */

export type ArticleSource = 'starter' | 'user' | 'import' | 'learned';

export interface Article {
  id: string;
  title: string;
  body: string;
  /** Example customer questions this article answers, one per entry. */
  examples: string[];
  category: string;
  lang: string;
  tags: string[];
  shortcut?: string;
  source: ArticleSource;
  updatedAt: number;
}

export interface Customer {
  /** Lower-cased address: one record per address. */
  email: string;
  name: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Customer lifetime value (CONTRACT §6), set when orders are imported. */
  clv?: number;
  tier?: CustomerTier;
  /** BG/NBD + Gamma-Gamma prediction at the last orders import (absent below 20 customers). */
  behaviour?: CustomerBehaviour;
}

export interface CustomerBehaviour {
  pAlive: number;
  expectedPurchasesNextYear: number;
  predictiveClv: number;
  /** Valuable, and P(alive) low or falling (lib/customers/customer-behaviour.ts atRiskCustomers). */
  atRisk: boolean;
}

/** Orders are stored exactly as the importers normalise them (lib/customers/order.ts). */
export type { Order };

export type ConversationState = 'open' | 'waiting' | 'resolved';

export interface StoredTriage extends TriageResult {
  /** When the triage ran, ms since epoch. */
  at: number;
  /** What produced it: `lexical` or an embedding model id. */
  engine: string;
  /** A category the user chose, overriding the predicted one. */
  correctedCategory?: string;
  /** The mail was longer than the engine reads; only its start was triaged. */
  truncated?: boolean;
}

export interface Conversation {
  /** `${site}:${threadId}` */
  id: string;
  site: SiteId;
  threadId: string;
  subject: string;
  customerEmail: string;
  customerName: string;
  messageCount: number;
  url: string;
  state: ConversationState;
  createdAt: number;
  updatedAt: number;
  /** Date of the newest message, ms since epoch. */
  lastMessageAt: number;
  /** Missing until the first triage finished (the conversation is stored before it is triaged). */
  triage?: StoredTriage;
  /** When it was last marked resolved, ms since epoch (cleared when it reopens). */
  resolvedAt?: number;
  /** Customer satisfaction, read from a reply or set by hand (not indexed). */
  rating?: ConversationRating;
  /** The user turned the CSAT invitation off for this conversation. */
  csatOptOut?: boolean;
}

export interface ConversationRating {
  value: 1 | 2 | 3 | 4 | 5;
  at: number;
  source: 'mail' | 'manual';
}

export interface StoredMessage {
  /** `${conversationId}#${index}` */
  id: string;
  conversationId: string;
  index: number;
  fromName: string;
  fromEmail: string;
  date?: string;
  body: string;
  fromMe: boolean;
  headerOnly: boolean;
}

/** What the user taught the engine: category corrections and picked articles. */
export interface Feedback {
  id?: number;
  kind: 'correction' | 'pick';
  conversationId: string;
  text: string;
  /** Category id (correction) or article id (pick). */
  label: string;
  at: number;
}

/** Where and when a conversation was opened: the side panel follows the newest one. */
export interface Opening {
  id?: number;
  conversationId: string;
  tabId: number;
  windowId: number;
  at: number;
}

export interface LayoutMissRecord extends SelectorMiss {
  id?: number;
  at: number;
  tabId: number;
  windowId: number;
}

/** A text's embedding, keyed by the model that made it and the text's content hash. */
export interface StoredEmbedding {
  /** `${modelId}:${contentHash}` — a new model or changed text is simply a different key. */
  key: string;
  modelId: string;
  vector: Float32Array;
  usedAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** Figures derived from other tables and kept with them (never backed up: rebuilt from them). */
export interface Summary {
  key: string;
  value: unknown;
}

export type { ConversationFacts };

/** The facts of the conversations that started on one UTC day: the popup reads a month as ~31 rows. */
export interface FactsDay {
  /** Days since 1970-01-01 UTC of `startedAt`. */
  day: number;
  facts: ConversationFacts[];
}

/** The counted orders of one block of days (lib/metrics/order-days.ts), so the popup reads only its year and month. */
export type { OrderBlock };

export class SoloDeskDB extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  customers!: EntityTable<Customer, 'email'>;
  orders!: EntityTable<Order, 'id'>;
  conversations!: EntityTable<Conversation, 'id'>;
  messages!: EntityTable<StoredMessage, 'id'>;
  feedback!: EntityTable<Feedback, 'id'>;
  openings!: EntityTable<Opening, 'id'>;
  layoutMisses!: EntityTable<LayoutMissRecord, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  embeddings!: EntityTable<StoredEmbedding, 'key'>;
  conversationFacts!: EntityTable<ConversationFacts, 'id'>;
  summaries!: EntityTable<Summary, 'key'>;
  factsByDay!: EntityTable<FactsDay, 'day'>;
  orderBlocks!: EntityTable<OrderBlock, 'block'>;

  constructor(name = 'solodesk') {
    super(name);
    this.version(1).stores({
      articles: 'id, category, lang, *tags, source, updatedAt',
      customers: 'email, lastSeenAt',
      orders: 'id, email, date',
      conversations: 'id, customerEmail, state, updatedAt, lastMessageAt',
      messages: 'id, conversationId, [conversationId+index]',
      feedback: '++id, kind, conversationId, at',
      openings: '++id, at, [windowId+at], conversationId',
      layoutMisses: '++id, at, [windowId+at]',
      settings: 'key',
    });
    // v2 (2026-11-26): embeddings cache; no existing data changes.
    this.version(2).stores({
      embeddings: 'key, modelId, usedAt',
    });
    // v3 (2026-11-26): indexes for scale, no existing data changes (IndexedDB builds them from the
    // rows): the popup's queue counts are index counts instead of reading every open conversation;
    // the KB-gaps view finds conversations whose triage suggested nothing without reading them all
    // (an IndexedDB key path may end in an array's `length`); the popup reads a month of messages
    // by their (ISO) date instead of one query per conversation.
    this.version(3).stores({
      conversations: 'id, customerEmail, state, updatedAt, lastMessageAt, [state+triage.priority], triage.suggestions.length',
      messages: 'id, conversationId, [conversationId+index], date',
    });
    // v4 (2026-11-26): derived tables for the popup, empty at first (lib/store/derived.ts fills
    // them outside the upgrade, so opening the database stays quick): each conversation's metric
    // facts by start date, and summaries (the counted orders by date for churn and retention, the
    // customers at risk). Open conversations by tone, for the at-risk list.
    this.version(4).stores({
      conversations: 'id, customerEmail, state, updatedAt, lastMessageAt, [state+triage.priority], triage.suggestions.length, [state+triage.sentiment]',
      conversationFacts: 'id, startedAt',
      summaries: 'key',
    });
    // v5 (2026-11-26): the popup's month of facts by start day, and the counted orders in blocks
    // of days, so the popup reads ~31 + ~14 rows by primary key instead of ~850 facts through an
    // index and the whole order summary. Both are rebuilt by the next fill (lib/store/derived.ts):
    // the upgrade drops the marks that said the derived rows were complete, and the old one-row
    // order summary.
    this.version(5)
      .stores({ factsByDay: 'day', orderBlocks: 'block' })
      .upgrade((tx) => tx.table('summaries').bulkDelete(['conversationFactsComplete', 'orderDays']));
  }
}

export const db = new SoloDeskDB();
