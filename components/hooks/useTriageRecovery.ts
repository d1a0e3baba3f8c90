import { useEffect } from 'react';
import type { Conversation } from '@/lib/db';
import { reportError } from '@/lib/log';
import { backgroundMessenger } from '@/lib/messaging';

/**
 * A shown conversation without a triage may have lost it to a stopped service worker: ask the
 * background to triage it. Harmless while a triage is running (the background joins that one),
 * and the message itself wakes a stopped worker.
 */
export function useTriageRecovery(conversation: Conversation | undefined): void {
  const pendingId = conversation && !conversation.triage ? conversation.id : undefined;
  useEffect(() => {
    if (!pendingId) return;
    backgroundMessenger.sendMessage('ensureTriaged', { conversationId: pendingId }).catch((error: unknown) => reportError('recover', error));
  }, [pendingId]);
}
