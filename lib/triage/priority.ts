import type { Level, Priority } from '../categories';

/**
 * The method article's priority queue ("优先级队列算法"): urgency × importance decide the queue.
 * P1 urgent+important and P2 urgent-only both go to the fast queue (P1 first); P3 important-only
 * waits for the expert queue; P4 is the normal queue.
 */
export function priorityOf(urgency: Level, importance: Level): Priority {
  if (urgency === 'high') return importance === 'high' ? 'P1' : 'P2';
  return importance === 'high' ? 'P3' : 'P4';
}

export const QUEUE_OF: Record<Priority, 'fast' | 'expert' | 'normal'> = {
  P1: 'fast',
  P2: 'fast',
  P3: 'expert',
  P4: 'normal',
};
