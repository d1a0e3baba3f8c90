import { describe, expect, it } from 'vitest';
import { priorityOf, QUEUE_OF } from '../../lib/triage/priority';

describe('priorityOf', () => {
  it.each([
    ['high', 'high', 'P1', 'fast'],
    ['high', 'low', 'P2', 'fast'],
    ['low', 'high', 'P3', 'expert'],
    ['low', 'low', 'P4', 'normal'],
  ] as const)('maps urgency %s × importance %s to %s in the %s queue', (urgency, importance, priority, queue) => {
    expect(priorityOf(urgency, importance)).toBe(priority);
    expect(QUEUE_OF[priorityOf(urgency, importance)]).toBe(queue);
  });
});
