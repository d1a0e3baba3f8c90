import { customerValue } from '../customers/clv';
import { fitBehaviourModel, predictCustomers, type BehaviourModel } from '../customers/customer-behaviour';
import type { CustomerTier } from '../categories';
import { db, type Conversation, type ConversationRating } from '../db';
import { allOrders } from './orders';

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

// The fit walks every order; keep it until the orders change (count + newest id as the key).
let fitted: { key: string; model: BehaviourModel | undefined } | undefined;

function behaviourModel(orders: Awaited<ReturnType<typeof allOrders>>, now: Date): BehaviourModel | undefined {
  const key = `${orders.length}:${orders.at(-1)?.id ?? ''}:${now.toISOString().slice(0, 10)}`;
  if (fitted?.key !== key) fitted = { key, model: fitBehaviourModel(orders, now) };
  return fitted.model;
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
  const value = customerValue(email, own as Awaited<ReturnType<typeof allOrders>>, now);
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
  if (value.countedOrders > 0) {
    const orders = await allOrders();
    const model = behaviourModel(orders, now);
    const prediction = model && predictCustomers(model, orders, now).get(email);
    if (prediction) card.behaviour = { pAlive: prediction.pAlive, expectedPurchasesNextYear: prediction.expectedPurchasesNextYear, predictiveClv: prediction.predictiveClv };
  }
  return card;
}
