/** Built-in categories (CONTRACT §5), grouped by the method article's three kinds of problem. */
export const CATEGORY_IDS = [
  'invoice',
  'refund',
  'order-status',
  'account',
  'shipping-address',
  'cancellation',
  'pre-sales',
  'feedback',
  'other',
  'product-fault',
  'after-sales',
  'technical-support',
  'order-delay',
  'lost-package',
  'system-outage',
] as const;

export type BuiltInCategory = (typeof CATEGORY_IDS)[number];
export type CategoryKind = 'simple' | 'complex' | 'urgent';

export const CATEGORY_KIND: Record<BuiltInCategory, CategoryKind> = {
  invoice: 'simple',
  refund: 'simple',
  'order-status': 'simple',
  account: 'simple',
  'shipping-address': 'simple',
  cancellation: 'simple',
  'pre-sales': 'simple',
  feedback: 'simple',
  other: 'simple',
  'product-fault': 'complex',
  'after-sales': 'complex',
  'technical-support': 'complex',
  'order-delay': 'urgent',
  'lost-package': 'urgent',
  'system-outage': 'urgent',
};

export type Level = 'high' | 'low';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];
export type Sentiment = 'negative' | 'neutral' | 'positive';
export type CustomerTier = 'vip' | 'regular' | 'new';
