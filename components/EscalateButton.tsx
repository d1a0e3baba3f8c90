import { useState } from 'react';
import type { Conversation, Opening, StoredMessage } from '@/lib/db';
import { t } from '@/lib/i18n';
import { reportError } from '@/lib/log';
import { contentMessenger } from '@/lib/messaging';
import { escalationSummary } from '@/lib/reply/escalation';

interface Props {
  opening: Opening;
  conversation: Conversation;
  messages: StoredMessage[];
  expertAddress: string;
  tier?: string;
}

/** Escalation to the expert queue: Forward to the expert address with a summary on top. */
export function EscalateButton({ opening, conversation, messages, expertAddress, tier }: Props) {
  const [state, setState] = useState<'idle' | 'ok' | 'error'>('idle');
  if (!expertAddress) return <p className="muted">{t('escalateNoAddress')}</p>;
  const escalate = async () => {
    try {
      const text = escalationSummary(conversation, messages, tier);
      const result = await contentMessenger.sendMessage('forwardTo', { to: expertAddress, text }, opening.tabId);
      setState(result.ok ? 'ok' : 'error');
    } catch (error) {
      reportError('escalate', error);
      setState('error');
    }
  };
  return (
    <div className="row">
      <button type="button" data-testid="escalate" onClick={() => void escalate()}>
        {t('escalate', expertAddress)}
      </button>
      {state !== 'idle' && (
        <span className={state} role="status" data-testid="escalate-status" data-state={state}>
          {t(state === 'ok' ? 'escalateDone' : 'escalateFailed')}
        </span>
      )}
    </div>
  );
}
