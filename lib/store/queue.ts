import type { Priority } from '../categories';
import { countQueues, storedQueueCounts } from './derived';

/**
 * Open (not resolved) conversations per priority queue: the summary kept with every conversation
 * change (one small row), or the index counted while it is not built yet (lib/store/derived.ts).
 */
export async function openCountsByPriority(): Promise<Record<Priority, number>> {
  return (await storedQueueCounts()) ?? countQueues();
}
