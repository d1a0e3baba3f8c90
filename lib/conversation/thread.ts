import type { MailMessage, MailThread } from '../mail/mail-site';
import type { TriageInput } from '../triage/types';

/** Pure helpers that turn a thread read from the page into what the engine and the store need. */

export function conversationIdOf(thread: Pick<MailThread, 'site' | 'threadId'>): string {
  return `${thread.site}:${thread.threadId}`;
}

/** The customer: the newest sender who is not the user; the first sender when every message is ours. */
export function customerOf(messages: MailMessage[]): MailMessage['from'] {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (!messages[i].fromMe && messages[i].from.email) return messages[i].from;
  }
  return messages[0]?.from ?? { name: '', email: '' };
}

/** Customer messages after the user's last reply (the ones still waiting for an answer). */
export function unansweredMessages(messages: MailMessage[]): MailMessage[] {
  let lastMine = -1;
  messages.forEach((m, i) => {
    if (m.fromMe) lastMine = i;
  });
  return messages.slice(lastMine + 1).filter((m) => !m.fromMe);
}

/** Longest text the engine reads; longer bodies are cut (and the panel says so). */
export const MAX_TRIAGE_CHARS = 20_000;

export function triageInputOf(thread: Pick<MailThread, 'subject' | 'messages'>): TriageInput & { truncated: boolean } {
  const waiting = unansweredMessages(thread.messages);
  // When the user already answered everything, triage the newest customer message anyway.
  const lastCustomer = [...thread.messages].reverse().find((m) => !m.fromMe);
  const relevant = waiting.length > 0 ? waiting : lastCustomer ? [lastCustomer] : [];
  const joined = relevant
    .map((m) => m.body)
    .filter(Boolean)
    .join('\n\n');
  const customer = customerOf(thread.messages);
  return {
    subject: thread.subject,
    body: joined.slice(0, MAX_TRIAGE_CHARS),
    from: customer.email,
    date: relevant.at(-1)?.date,
    previousMessages: Math.max(0, waiting.length - 1),
    truncated: joined.length > MAX_TRIAGE_CHARS,
  };
}
