import type { MailMessage, MailThread } from '../mail/mail-site';
import { parseCustomerName } from './customer-name';
import { findOrderId } from './order-id';
import type { TemplateContext } from './template';

/** What the user told us about themselves in the options page. */
export interface AgentSettings {
  agentName?: string;
  companyName?: string;
}

export interface VariableSource {
  thread?: Pick<MailThread, 'subject' | 'messages'>;
  settings?: AgentSettings;
  /** The user's own values for `{{custom.*}}` (names without the `custom.` prefix). */
  custom?: Record<string, string>;
  /** Defaults to the current time; tests pass a fixed one. */
  now?: Date;
  /** Locale `{{today}}` is written in, e.g. the article's or the mail's language. */
  locale?: string;
  timeZone?: string;
}

/** The values a conversation provides, as named in templates. Absent values are left out. */
export interface ConversationVariables {
  customer: { name?: string; firstName?: string; email?: string };
  order: { id?: string };
  agent: { name?: string };
  company: { name?: string };
  today: string;
  custom: Record<string, string>;
}

function customerMessages(messages: readonly MailMessage[]): MailMessage[] {
  return messages.filter((m) => !m.fromMe);
}

/**
 * The order number the conversation is about: the most recent customer message that names
 * one wins (a customer correcting a typo writes the right number last), then the subject, then
 * our own messages (we may have quoted it back).
 */
export function orderIdOfThread(thread: Pick<MailThread, 'subject' | 'messages'>): string | undefined {
  const newestFirst = [...thread.messages].reverse();
  for (const message of customerMessages(newestFirst)) {
    const id = findOrderId(message.body);
    if (id) return id;
  }
  return (
    findOrderId(thread.subject) ??
    newestFirst.filter((m) => m.fromMe).map((m) => findOrderId(m.body)).find((id) => id !== undefined)
  );
}

export function formatToday(now: Date, locale = 'en', timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(now);
  } catch {
    // An unknown locale or time zone from settings must not break inserting a reply.
    return new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(now);
  }
}

function compact<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v.trim() !== ''),
  ) as Partial<T>;
}

/** The template context for one conversation (see `template.ts` for how names are looked up). */
export function conversationVariables(source: VariableSource): ConversationVariables {
  const messages = source.thread?.messages ?? [];
  const latestCustomer = customerMessages(messages).at(-1);
  const email = latestCustomer?.from.email || undefined;
  // The latest message may come without a display name (a reply from a phone); an earlier
  // message of the same address may have one.
  const named = customerMessages(messages)
    .reverse()
    .find((m) => m.from.name.trim() !== '' && (!email || m.from.email === email));
  const person = parseCustomerName(named?.from.name);
  return {
    customer: compact({ name: person.name, firstName: person.firstName, email }),
    order: compact({ id: source.thread ? orderIdOfThread(source.thread) : undefined }),
    agent: compact({ name: source.settings?.agentName }),
    company: compact({ name: source.settings?.companyName }),
    today: formatToday(source.now ?? new Date(), source.locale, source.timeZone),
    custom: { ...(source.custom ?? {}) },
  };
}

/** `conversationVariables` as a `TemplateContext` for `fillTemplate`. */
export function buildTemplateContext(source: VariableSource): TemplateContext {
  const vars = conversationVariables(source);
  return { ...vars, customer: { ...vars.customer }, order: { ...vars.order } };
}
