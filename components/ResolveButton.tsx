import type { Conversation } from '@/lib/db';
import { t } from '@/lib/i18n';
import { setConversationState } from '@/lib/store/conversations';

/** Marks the conversation resolved, or reopens it. */
export function ResolveButton({ conversation }: { conversation: Conversation }) {
  const resolved = conversation.state === 'resolved';
  return (
    <button
      type="button"
      data-testid="resolve"
      data-state={conversation.state}
      onClick={() => void setConversationState(conversation.id, resolved ? 'open' : 'resolved')}
    >
      {t(resolved ? 'reopen' : 'markResolved')}
    </button>
  );
}
