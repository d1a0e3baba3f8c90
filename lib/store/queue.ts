import type { Priority } from '../categories';
import { db } from '../db';

export const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

/** Open (not resolved) conversations per priority queue; untriaged ones are not counted yet. */
export async function openCountsByPriority(): Promise<Record<Priority, number>> {
  const counts: Record<Priority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  await db.conversations
    .where('state')
    .anyOf('open', 'waiting')
    .each((c) => {
      if (c.triage) counts[c.triage.priority]++;
    });
  return counts;
}
