import { PRIORITIES, type Priority } from '../categories';
import { db, type Conversation, type Customer, type FactsDay, type StoredMessage } from '../db';
import type { Order } from '../customers/order';
import { conversationFactsOf, startDayOf, withConversationPart, type ConversationFacts, type RecordedConversation } from '../metrics/conversation-facts';
import { blockOf, joinOrderBlocks, orderBlocksOf, orderDaysOf, type OrderBlock, type OrderDays, type OrderDaysHeader } from '../metrics/order-days';

/**
 * Derived tables (schema v4, v5): each conversation's metric facts (by id, and grouped by start
 * day for the popup), the counted-order summary (a header and blocks of days), the customers at
 * risk and the open conversations per queue.
 * They are written in the same transaction as the rows they come from (a saved thread, a changed
 * conversation, an orders import, a restore), so the popup can trust them; `fillDerived` builds
 * what a database from before v4 lacks. Until the facts are complete the popup reads the mail itself.
 */

export const FACTS_COMPLETE = 'conversationFactsComplete';
export const ORDER_DAYS = 'orderDays';
const AT_RISK = 'atRiskCustomers';
export const QUEUE_COUNTS = 'queueCounts';

/** A saved thread's facts; call inside its transaction (with conversationFacts and factsByDay). */
export async function putConversationFacts(conversation: Conversation, messages: readonly StoredMessage[]): Promise<void> {
  const facts = conversationFactsOf(conversation, messages);
  // Both reads issued together: the panel waits for the save's transaction.
  const [before, row] = await Promise.all([db.conversationFacts.get(facts.id), db.factsByDay.get(startDayOf(facts))]);
  await putFacts(facts, before, row);
}

/**
 * A changed conversation's part of its facts (priority, state, resolution, rating); call inside
 * the change's transaction (with conversationFacts and factsByDay). No facts yet: left to the fill.
 */
export async function updateConversationFacts(conversation: RecordedConversation): Promise<void> {
  const before = await db.conversationFacts.get(conversation.id);
  // The conversation's part never moves the start, so the facts stay in their day's row.
  if (before) await putFacts(withConversationPart(before, conversation), before, await db.factsByDay.get(startDayOf(before)));
}

/**
 * Writes a conversation's facts over `before` (the stored ones) and puts them in their start
 * day's `row`, taking them out of the old day's row if the start moved. Facts equal to the stored
 * ones are left alone, so re-opening an unchanged thread writes nothing here.
 */
async function putFacts(facts: ConversationFacts, before: ConversationFacts | undefined, row: FactsDay | undefined): Promise<void> {
  if (before && JSON.stringify(before) === JSON.stringify(facts)) return;
  const day = startDayOf(facts);
  const writes: Promise<unknown>[] = [
    db.conversationFacts.put(facts),
    db.factsByDay.put({ day, facts: [...(row?.facts.filter((f) => f.id !== facts.id) ?? []), facts] }),
  ];
  if (before && startDayOf(before) !== day) writes.push(dropFromDay(before));
  await Promise.all(writes);
}

async function dropFromDay(facts: ConversationFacts): Promise<void> {
  const day = startDayOf(facts);
  const rest = (await db.factsByDay.get(day))?.facts.filter((f) => f.id !== facts.id) ?? [];
  await (rest.length > 0 ? db.factsByDay.put({ day, facts: rest }) : db.factsByDay.delete(day));
}

/** The items by key, each group in the items' order. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Rows in primary-key order, as reading a whole table gives them: the popup's averages add up in that order. */
export const inIdOrder = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The facts grouped into their start days' rows. */
export function factsByDayOf(facts: readonly ConversationFacts[]): FactsDay[] {
  return [...groupBy(facts, startDayOf)].map(([day, list]) => ({ day, facts: list }));
}

/** The facts of the conversations that started at or after `from` (ms), in id order. */
export async function storedFactsSince(from: number): Promise<ConversationFacts[]> {
  return factsSince(await db.factsByDay.where('day').aboveOrEqual(startDayOf({ startedAt: from })).toArray(), from);
}

/** The facts started at or after `from` in these day rows (which must hold every day from `from` on), in id order. */
export function factsSince(days: readonly FactsDay[], from: number): ConversationFacts[] {
  return days
    .flatMap((d) => d.facts)
    .filter((f) => f.startedAt >= from)
    .sort(inIdOrder);
}

/** The facts of every conversation of a restored backup, from its rows. */
export function conversationFactsOfRows(conversations: readonly Conversation[], messages: readonly StoredMessage[]): ConversationFacts[] {
  const threads = groupBy(messages, (m) => m.conversationId);
  return conversations.map((c) => conversationFactsOf(c, (threads.get(c.id) ?? []).sort((a, b) => a.index - b.index)));
}

/**
 * Marks the facts complete and stores the summaries of these orders and customers (a restore, or
 * none at all after deleting); call inside a transaction with the summaries table.
 */
export async function putSummaries(orders: readonly Order[], customers: readonly Customer[], conversations: readonly QueuedConversation[]): Promise<void> {
  await putOrderDays(orderDaysOf(orders));
  await db.summaries.bulkPut([
    { key: FACTS_COMPLETE, value: true },
    { key: AT_RISK, value: atRiskEmailsOf(customers) },
    { key: QUEUE_COUNTS, value: queueCountsOf(conversations) },
  ]);
}

/** Open (not resolved) conversations per priority queue; untriaged ones are not in a queue yet. */
export type QueueCounts = Record<Priority, number>;
type QueuedConversation = Pick<Conversation, 'state' | 'triage'>;

function queueOf(conversation: QueuedConversation | undefined): Priority | undefined {
  return conversation && conversation.state !== 'resolved' ? conversation.triage?.priority : undefined;
}

export function queueCountsOf(conversations: readonly QueuedConversation[]): QueueCounts {
  const counts = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as QueueCounts;
  for (const c of conversations) {
    const queue = queueOf(c);
    if (queue) counts[queue]++;
  }
  return counts;
}

function isQueueCounts(value: unknown): value is QueueCounts {
  return !!value && typeof value === 'object' && PRIORITIES.every((p) => Number.isInteger((value as QueueCounts)[p]) && (value as QueueCounts)[p] >= 0);
}

/** The stored queue counts (undefined: not built yet, or damaged). */
export async function storedQueueCounts(): Promise<QueueCounts | undefined> {
  return storedQueueCountsOf((await db.summaries.get(QUEUE_COUNTS))?.value);
}

/** Stored queue counts, if the value is one. */
export function storedQueueCountsOf(value: unknown): QueueCounts | undefined {
  return isQueueCounts(value) ? value : undefined;
}

/**
 * Moves a conversation between the queue counts as its row changes from `before` to `after`; call
 * inside that change's transaction (with the summaries table). Counts not built yet stay unbuilt:
 * the worker builds them from the index (rebuildQueueCounts).
 */
export async function moveInQueueCounts(before: QueuedConversation | undefined, after: QueuedConversation | undefined): Promise<void> {
  const from = queueOf(before);
  const to = queueOf(after);
  if (from === to) return;
  const counts = await storedQueueCounts();
  if (!counts) return;
  if (from) counts[from] = Math.max(0, counts[from] - 1);
  if (to) counts[to]++;
  await db.summaries.put({ key: QUEUE_COUNTS, value: counts });
}

/** The queue counts from the `[state+triage.priority]` index: eight index counts, no row read. */
export async function countQueues(): Promise<QueueCounts> {
  const index = db.conversations.where('[state+triage.priority]');
  const counts = await Promise.all(PRIORITIES.map((p) => Promise.all([index.equals(['open', p]).count(), index.equals(['waiting', p]).count()])));
  return Object.fromEntries(PRIORITIES.map((p, i) => [p, counts[i][0] + counts[i][1]])) as QueueCounts;
}

/** Counts the queues afresh and stores them; call inside a transaction with conversations and summaries. */
export async function rebuildQueueCounts(): Promise<void> {
  await db.summaries.put({ key: QUEUE_COUNTS, value: await countQueues() });
}

function atRiskEmailsOf(customers: readonly Customer[]): string[] {
  return customers.filter((c) => c.behaviour?.atRisk).map((c) => c.email);
}

/** The customers at risk after a re-tiering; call inside its transaction (with the summaries table). */
export async function putAtRiskCustomers(customers: readonly Customer[]): Promise<void> {
  await db.summaries.put({ key: AT_RISK, value: atRiskEmailsOf(customers) });
}

/** Addresses of the customers whose orders say they may be slipping away (undefined: not built yet). */
export async function storedAtRiskEmails(): Promise<string[] | undefined> {
  const value = (await db.summaries.get(AT_RISK))?.value;
  return Array.isArray(value) && value.every((e) => typeof e === 'string') ? value : undefined;
}

/** Stores the order summary as its header and blocks; call inside a transaction with summaries and orderBlocks. */
async function putOrderDays(days: OrderDays): Promise<void> {
  const header: OrderDaysHeader = { orders: days.orders, customers: days.customers };
  await db.orderBlocks.clear();
  await db.orderBlocks.bulkPut(orderBlocksOf(days));
  await db.summaries.put({ key: ORDER_DAYS, value: header });
}

/** Rebuilds the order summary from every stored order; call inside a transaction with orders, summaries and orderBlocks. */
export async function rebuildOrderDays(): Promise<void> {
  await putOrderDays(orderDaysOf(await db.orders.toArray()));
}

function isHeader(value: unknown): value is OrderDaysHeader {
  const v = value as Partial<OrderDaysHeader> | undefined;
  return !!v && Number.isInteger(v.orders) && Number.isInteger(v.customers);
}

/**
 * The order summary (undefined: not built yet, or damaged), with the orders dated from the block
 * of `since` on: all of them by default; the popup asks for its lookback year and period only.
 */
export async function storedOrderDays(since = -Infinity): Promise<OrderDays | undefined> {
  const [header, blocks] = await Promise.all([
    db.summaries.get(ORDER_DAYS),
    since === -Infinity ? db.orderBlocks.toArray() : db.orderBlocks.where('block').aboveOrEqual(blockOf(since)).toArray(),
  ]);
  return orderDaysOfParts(header?.value, blocks);
}

/** The order summary from a stored header and blocks; undefined when the header is not one or the blocks do not fit it. */
export function orderDaysOfParts(header: unknown, blocks: readonly OrderBlock[]): OrderDays | undefined {
  return isHeader(header) ? joinOrderBlocks(header, blocks) : undefined;
}

/** True once every stored conversation has its facts. */
export async function conversationFactsComplete(): Promise<boolean> {
  return (await db.summaries.get(FACTS_COMPLETE))?.value === true;
}

/** Rows read or written per step while filling. */
const CHUNK = 2_000;

/**
 * Builds whatever derived rows are missing (a database from before v4): the facts of conversations
 * without them, then the order summary. Cheap once done: two small reads.
 */
export async function fillDerived(chunk = CHUNK): Promise<{ conversations: number; orderDays: boolean; atRisk: boolean }> {
  const conversations = (await conversationFactsComplete()) ? 0 : await fillConversationFacts(chunk);
  const orderDays = await db.transaction('rw', [db.orders, db.summaries, db.orderBlocks], async () => {
    if (await storedOrderDays()) return false;
    await rebuildOrderDays();
    return true;
  });
  const atRisk = await db.transaction('rw', [db.customers, db.summaries], async () => {
    if (await storedAtRiskEmails()) return false;
    await putAtRiskCustomers(await db.customers.toArray());
    return true;
  });
  // Always, at a few ms: a count that ever went wrong is put right by the next worker start.
  await db.transaction('rw', [db.conversations, db.summaries], rebuildQueueCounts);
  return { conversations, orderDays, atRisk };
}

/**
 * Facts for the conversations without them. The messages are read once, in key order and in
 * chunks (not one query per conversation: 20,000 of those took minutes in a busy worker); each
 * chunk of facts is then written in a transaction that skips a conversation whose facts a save
 * wrote meanwhile, so it never overwrites them with what was read before that save.
 */
async function fillConversationFacts(chunkSize: number): Promise<number> {
  const [conversationIds, factIds] = await Promise.all([db.conversations.toCollection().primaryKeys(), db.conversationFacts.toCollection().primaryKeys()]);
  const have = new Set(factIds);
  const missing = conversationIds.filter((id) => !have.has(id));
  let filled = 0;
  if (missing.length > 0) {
    const wanted = new Set(missing);
    const threads = new Map<string, Pick<StoredMessage, 'date' | 'fromMe' | 'index'>[]>();
    let after: string | undefined;
    for (;;) {
      const chunk = await (after === undefined ? db.messages.orderBy(':id') : db.messages.where(':id').above(after)).limit(chunkSize).toArray();
      for (const m of chunk) {
        if (!wanted.has(m.conversationId)) continue;
        const thread = threads.get(m.conversationId) ?? [];
        thread.push({ date: m.date, fromMe: m.fromMe, index: m.index });
        threads.set(m.conversationId, thread);
      }
      if (chunk.length < chunkSize) break;
      after = chunk[chunk.length - 1].id;
    }
    for (let i = 0; i < missing.length; i += chunkSize) {
      const ids = missing.slice(i, i + chunkSize);
      filled += await db.transaction('rw', [db.conversations, db.conversationFacts], async () => {
        const [conversations, present] = await Promise.all([db.conversations.bulkGet(ids), db.conversationFacts.bulkGet(ids)]);
        const todo = conversations.filter((c, k): c is Conversation => c !== undefined && present[k] === undefined);
        await db.conversationFacts.bulkPut(todo.map((c) => conversationFactsOf(c, (threads.get(c.id) ?? []).sort((a, b) => a.index - b.index))));
        return todo.length;
      });
    }
  }
  // Complete only if no conversation came without facts meanwhile (every save writes its own),
  // and with every day's row built from the facts as they are now (the fill wrote facts alone).
  await db.transaction('rw', [db.conversations, db.conversationFacts, db.factsByDay, db.summaries], async () => {
    const [conversations, facts] = await Promise.all([db.conversations.count(), db.conversationFacts.toArray()]);
    if (conversations !== facts.length) return;
    await db.factsByDay.clear();
    await db.factsByDay.bulkPut(factsByDayOf(facts));
    await db.summaries.put({ key: FACTS_COMPLETE, value: true });
  });
  return filled;
}
