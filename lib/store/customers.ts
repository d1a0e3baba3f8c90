import { customerValue } from '../customers/clv';
import type { CustomerTier } from '../categories';
import { db, type Conversation, type ConversationRating } from '../db';
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
  const customers = await db.customers.toArray();
  const byEmail = new Map(customers.map((c) => [c.email, c]));
  const entries = new Map<string, AtRiskEntry>();
  for (const c of customers) {
    if (c.behaviour?.atRisk) entries.set(c.email, { email: c.email, name: c.name, clv: c.clv ?? 0, tier: c.tier ?? 'new', reason: 'inactive', pAlive: c.behaviour.pAlive });
  }
  const open = await db.conversations.where('state').anyOf('open', 'waiting').toArray();
  for (const c of open) {
    const row = byEmail.get(c.customerEmail);
    if (c.triage?.sentiment !== 'negative' || !row || (row.tier !== 'vip' && row.tier !== 'regular') || entries.has(row.email)) continue;
    entries.set(row.email, { email: row.email, name: row.name, clv: row.clv ?? 0, tier: row.tier, reason: 'negative-conversation' });
  }
  return [...entries.values()].sort((a, b) => b.clv - a.clv);
}
