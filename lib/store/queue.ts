import type { Priority } from '../categories';
import { db } from '../db';

export const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

/**
 * Open (not resolved) conversations per priority queue; untriaged ones are not counted yet (they
 * have no key in the `[state+triage.priority]` index). Eight index counts, no row read.
 */
export async function openCountsByPriority(): Promise<Record<Priority, number>> {
  const index = db.conversations.where('[state+triage.priority]');
  const counts = await Promise.all(PRIORITIES.map((p) => Promise.all([index.equals(['open', p]).count(), index.equals(['waiting', p]).count()])));
  return Object.fromEntries(PRIORITIES.map((p, i) => [p, counts[i][0] + counts[i][1]])) as Record<Priority, number>;
}
