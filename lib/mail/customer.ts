import type { MailThread } from './mail-site';

/**
 * The customer of a conversation: the first sender who is not the user (with an address). When
 * only the user wrote (an outgoing thread), undefined.
 */
export function customerEmail(thread: MailThread): string | undefined {
  return thread.messages.find((m) => !m.fromMe && m.from.email)?.from.email;
}
