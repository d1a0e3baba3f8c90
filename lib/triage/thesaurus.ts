import { stem } from './tokenize';

/**
 * A small support-desk thesaurus. Customers and knowledge-base replies name the same thing
 * differently ("reimbursement" vs "refund", "purchase" vs "order", "PIN" vs "password"); without
 * example questions, BM25 over title and body only sees exact words. Each group links every member
 * to the others (after stemming), so a query term also matches its synonyms.
 */
const GROUPS: string[][] = [
  ['refund', 'reimbursement', 'reimburse', 'rebate', 'restitution', 'repayment', 'compensation', 'money'],
  ['order', 'purchase', 'buy'],
  ['cancel', 'cancellation', 'withdraw', 'withdrawal', 'terminate', 'termination'],
  ['fee', 'penalty', 'charge', 'cost'],
  ['invoice', 'bill', 'receipt'],
  ['password', 'pin', 'passcode', 'credentials', 'key'],
  ['account', 'profile'],
  ['shipping', 'delivery', 'shipment', 'parcel', 'package'],
  ['service', 'support', 'assistance', 'helpdesk'],
  ['human', 'agent', 'person', 'somebody', 'someone', 'representative', 'operator'],
  ['complaint', 'complain', 'claim', 'reclamation', 'grievance'],
  ['review', 'feedback', 'opinion', 'comment', 'rating'],
  ['newsletter', 'mailing', 'subscription', 'subscribe', 'unsubscribe'],
  ['payment', 'pay', 'paying'],
  ['register', 'registration', 'signup', 'enrol', 'enroll'],
  ['delete', 'remove', 'removal', 'close', 'deletion'],
  ['edit', 'change', 'modify', 'update', 'correct', 'amend'],
  ['track', 'locate', 'status', 'where'],
  ['recover', 'reset', 'restore', 'retrieve', 'forgot', 'forgotten'],
  ['problem', 'issue', 'trouble', 'error', 'difficulty'],
  ['policy', 'conditions', 'terms', 'rules'],
  ['option', 'method', 'choice'],
];

const SYNONYMS = new Map<string, string[]>();
for (const group of GROUPS) {
  const stems = [...new Set(group.map(stem))];
  for (const term of stems) SYNONYMS.set(term, [...(SYNONYMS.get(term) ?? []), ...stems.filter((t) => t !== term)]);
}

/** The query's terms plus the synonyms of each (the originals first). */
export function expandQuery(terms: string[]): string[] {
  const out = [...terms];
  for (const term of terms) for (const synonym of SYNONYMS.get(term) ?? []) out.push(synonym);
  return out;
}
