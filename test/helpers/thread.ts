import type { MailThread } from '../../lib/mail/mail-site';

/**
 * A Gmail thread as the content script sends it, for store and background tests: one
 * `[email, body, fromMe?]` per message, the sender's name from the address, one date for all.
 */
export function mailThread(threadId: string, messages: Array<[email: string, body: string, fromMe?: boolean]>, subject = `Subject ${threadId}`): MailThread {
  return {
    site: 'gmail',
    threadId,
    subject,
    url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
    userEmails: ['me@shop.com'],
    messages: messages.map(([email, body, fromMe]) => ({
      from: { name: email.split('@')[0], email },
      body,
      date: '2026-11-20T10:00:00.000Z',
      fromMe: fromMe ?? false,
      headerOnly: false,
    })),
  };
}
