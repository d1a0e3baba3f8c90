import { assessSignals, type Signals } from '../../../lib/triage/signals';
import type { TriageInput } from '../../../lib/triage/types';

/** Signals of a mail given as one text (first line = subject), no category help by default. */
export function signalsOf(text: string, extra: Partial<TriageInput> = {}, category = { id: 'other', confidence: 0 }): Signals {
  const [subject, ...rest] = text.split('\n');
  return assessSignals({ subject, body: rest.join('\n'), ...extra }, category);
}
