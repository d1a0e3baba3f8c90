import { customerValue } from '../customers/clv';
import type { CustomerTier } from '../categories';
import { db, type Conversation, type ConversationRating, type Customer } from '../db';
import { storedAtRiskEmails } from './derived';
import type { Order } from '../customers/order';

export interface CustomerCardData {
  email: string;
  name: string;
  /** Counted orders (CONTRACT §6). */
  orders: number;
  totalSpend: number;
  aov: number;
  firstOrderAt?: string;
  lastOrderAt?: string;
  clv: number;
  tier: CustomerTier;
  pastConversations: Array<Pick<Conversation, 'id' | 'subject' | 'state' | 'lastMessageAt' | 'url'>>;
  lastRating?: ConversationRating;
  /** BG/NBD prediction, only when enough customers have orders to fit the model. */
  behaviour?: { pAlive: number; expectedPurchasesNextYear: number; predictiveClv: number };
}

/**
 * What the side panel's customer card shows. CLV and tier are the stored ones (computed over all
 * customers at import, the same values triage uses); a customer without orders is new, worth 0.
 */
export async function customerCard(address: string, currentConversationId: string, now = new Date()): Promise<CustomerCardData> {
  const email = address.toLowerCase();
  const [row, own, conversations] = await Promise.all([
    db.customers.get(email),
    db.orders.where('email').equals(email).toArray(),
    db.conversations.where('customerEmail').equals(email).toArray(),
  ]);
  const value = customerValue(email, own as Order[], now);
  const rated = conversations.filter((c) => c.rating).sort((a, b) => (b.rating?.at ?? 0) - (a.rating?.at ?? 0));
  const card: CustomerCardData = {
    email,
    name: row?.name || value.name || '',
    orders: value.countedOrders,
    totalSpend: value.totalSpend,
    aov: value.aov,
    firstOrderAt: value.firstOrderAt,
    lastOrderAt: value.lastOrderAt,
    clv: row?.clv ?? 0,
    tier: row?.tier ?? 'new',
    pastConversations: conversations
      .filter((c) => c.id !== currentConversationId)
      .sort((a, b) => b.lastMessageAt - a.lastMessageAt)
      .map(({ id, subject, state, lastMessageAt, url }) => ({ id, subject, state, lastMessageAt, url })),
    lastRating: rated[0]?.rating,
  };
  if (row?.behaviour && value.countedOrders > 0) {
    const { pAlive, expectedPurchasesNextYear, predictiveClv } = row.behaviour;
    card.behaviour = { pAlive, expectedPurchasesNextYear, predictiveClv };
  }
  return card;
}

export interface AtRiskEntry {
  email: string;
  name: string;
  clv: number;
  tier: CustomerTier;
  /** Why: P(alive) low or falling (orders), or an open conversation with a negative tone. */
  reason: 'inactive' | 'negative-conversation';
  pAlive?: number;
}

/**
 * Valuable customers to look after (the method article's 客户行为分析): those whose probability of
 * still buying is low or falling, and those with an open conversation in a negative tone.
 */
export async function atRiskList(): Promise<AtRiskEntry[]> {
  // The customers at risk from their summary (written with every re-tiering), the negative open
  // conversations from the tone index: a few rows, where reading every customer took 20,000.
  const [atRisk, negative] = await Promise.all([
    storedAtRiskEmails(),
    db.conversations.where('[state+triage.sentiment]').anyOf([['open', 'negative'], ['waiting', 'negative']]).toArray(),
  ]);
  const emails = [...new Set([...(atRisk ?? []), ...negative.map((c) => c.customerEmail)])];
  const customers = atRisk ? (await db.customers.bulkGet(emails)).filter((c): c is Customer => c !== undefined) : await db.customers.toArray();
  return atRiskEntries(customers, negative);
}

/** The at-risk list from customer rows and the open conversations with a negative tone. */
export function atRiskEntries(customers: readonly Customer[], negative: readonly Conversation[]): AtRiskEntry[] {
  const byEmail = new Map(customers.map((c) => [c.email, c]));
  const entries = new Map<string, AtRiskEntry>();
  // By address, as the table is keyed: customers of equal value keep one order however they were read.
  for (const c of [...customers].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))) {
    if (c.behaviour?.atRisk) entries.set(c.email, { email: c.email, name: c.name, clv: c.clv ?? 0, tier: c.tier ?? 'new', reason: 'inactive', pAlive: c.behaviour.pAlive });
  }
  for (const c of negative) {
    const row = byEmail.get(c.customerEmail);
    if (!row || (row.tier !== 'vip' && row.tier !== 'regular') || entries.has(row.email)) continue;
    entries.set(row.email, { email: row.email, name: row.name, clv: row.clv ?? 0, tier: row.tier, reason: 'negative-conversation' });
  }
  return [...entries.values()].sort((a, b) => b.clv - a.clv);
}
