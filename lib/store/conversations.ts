import { db, type Conversation, type StoredMessage, type StoredTriage } from '../db';
import { conversationIdOf, customerOf } from '../conversation/thread';
import type { MailThread } from '../mail/mail-site';
import { moveInQueueCounts, putConversationFacts, updateConversationFacts } from './derived';

export interface TabRef {
  tabId: number;
  windowId: number;
}

function timeOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const t = Date.parse(date);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Stores a thread read from the page, its messages and customer, and records that it was opened in
 * this tab — before any triage runs, so nothing is lost if the worker stops mid-triage.
 */
export async function saveOpenedThread(thread: MailThread, tab: TabRef, now = Date.now()): Promise<Conversation> {
  const id = conversationIdOf(thread);
  const customer = customerOf(thread.messages);
  const dates = thread.messages.map((m) => timeOf(m.date)).filter((t): t is number => t !== undefined);
  const messages: StoredMessage[] = thread.messages.map((m, index) => ({
    id: `${id}#${index}`,
    conversationId: id,
    index,
    fromName: m.from.name,
    fromEmail: m.from.email,
    date: m.date,
    body: m.body,
    fromMe: m.fromMe,
    headerOnly: m.headerOnly,
  }));

  return db.transaction('rw', [db.conversations, db.messages, db.conversationFacts, db.factsByDay, db.summaries, db.customers, db.openings], async () => {
    const existing = await db.conversations.get(id);
    const conversation: Conversation = {
      id,
      site: thread.site,
      threadId: thread.threadId,
      subject: thread.subject,
      customerEmail: customer.email,
      customerName: customer.name,
      messageCount: thread.messages.length,
      url: thread.url,
      state: thread.messages.at(-1)?.fromMe ? 'waiting' : existing?.state === 'resolved' && !hasNewCustomerMail(existing, thread) ? 'resolved' : 'open',
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      lastMessageAt: dates.length ? Math.max(...dates) : (existing?.lastMessageAt ?? now),
      triage: existing?.triage,
    };
    // Kept across re-reads of the thread: the rating, the CSAT opt-out, and when it was resolved.
    if (existing?.rating) conversation.rating = existing.rating;
    if (existing?.csatOptOut) conversation.csatOptOut = existing.csatOptOut;
    if (conversation.state === 'resolved' && existing?.resolvedAt) conversation.resolvedAt = existing.resolvedAt;
    // Issued together, not one round trip after another: each touches its own rows (the panel
    // waits for this transaction before it shows the conversation).
    await Promise.all([
      db.conversations.put(conversation),
      moveInQueueCounts(existing, conversation),
      // A thread can shrink when the site hides messages; drop stale rows beyond its new length.
      db.messages.where('conversationId').equals(id).and((m) => m.index >= messages.length).delete(),
      db.messages.bulkPut(messages),
      putConversationFacts(conversation, messages),
      customer.email ? rememberCustomer(customer, now) : undefined,
      db.openings.add({ conversationId: id, tabId: tab.tabId, windowId: tab.windowId, at: now }),
    ]);
    return conversation;
  });
}

/** The sender as a customer; call inside a transaction with customers. */
async function rememberCustomer(customer: { email: string; name: string }, now: number): Promise<void> {
  const known = await db.customers.get(customer.email);
  // Spread the known row first: its CLV and tier come from the orders import and must survive.
  await db.customers.put({
    ...known,
    email: customer.email,
    name: customer.name || known?.name || '',
    firstSeenAt: known?.firstSeenAt ?? now,
    lastSeenAt: now,
  });
}

function hasNewCustomerMail(existing: Conversation, thread: MailThread): boolean {
  return thread.messages.length > existing.messageCount && !thread.messages.at(-1)?.fromMe;
}

/**
 * Changes a stored conversation and, in the same transaction, its metric facts (priority, state,
 * resolution, rating) and the queue counts: every change to a conversation row goes through here
 * or saveOpenedThread.
 */
export async function updateConversation(conversationId: string, change: (c: Conversation) => void): Promise<void> {
  await db.transaction('rw', [db.conversations, db.conversationFacts, db.factsByDay, db.summaries], async () => {
    const before = await db.conversations.get(conversationId);
    if (!before) return;
    await db.conversations.update(conversationId, change);
    const conversation = await db.conversations.get(conversationId);
    if (!conversation) return;
    await updateConversationFacts(conversation);
    await moveInQueueCounts(before, conversation);
  });
}

export async function saveTriage(conversationId: string, triage: StoredTriage): Promise<void> {
  await updateConversation(conversationId, (c) => {
    c.triage = { ...triage, correctedCategory: c.triage?.correctedCategory };
  });
}

export async function setCorrectedCategory(conversationId: string, category: string): Promise<void> {
  await updateConversation(conversationId, (c) => {
    if (c.triage) c.triage.correctedCategory = category;
  });
}

export async function setConversationState(conversationId: string, state: Conversation['state']): Promise<void> {
  const now = Date.now();
  await updateConversation(conversationId, (c) => {
    c.state = state;
    c.updatedAt = now;
    if (state === 'resolved') c.resolvedAt = now;
    else delete c.resolvedAt;
  });
}

/** The newest opening in a window, or in any window when `windowId` is undefined. */
export async function latestOpening(windowId: number | undefined) {
  if (windowId === undefined) return db.openings.orderBy('at').last();
  return db.openings
    .where('[windowId+at]')
    .between([windowId, -Infinity], [windowId, Infinity])
    .last();
}
