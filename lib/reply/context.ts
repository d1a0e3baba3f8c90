import type { Conversation, StoredMessage } from '../db';
import { buildTemplateContext } from '../kb/variables';
import type { TemplateContext } from '../kb/template';
import type { MailMessage } from '../mail/mail-site';
import type { Settings } from '../settings';

export function mailMessagesOf(messages: StoredMessage[]): MailMessage[] {
  return messages.map((m) => ({
    from: { name: m.fromName, email: m.fromEmail },
    date: m.date,
    body: m.body,
    fromMe: m.fromMe,
    headerOnly: m.headerOnly,
  }));
}

/** The variables a canned reply can use for this stored conversation. */
export function replyContextFor(conversation: Conversation, messages: StoredMessage[], settings: Settings): TemplateContext {
  return buildTemplateContext({
    thread: { subject: conversation.subject, messages: mailMessagesOf(messages) },
    settings: { agentName: settings.agentName, companyName: settings.companyName },
    locale: conversation.triage?.lang,
  });
}
