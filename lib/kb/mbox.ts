import PostalMime, { type Address, type Email } from 'postal-mime';
import type { Person } from '../mail/mail-site';
import {
  buildPairs,
  canonicalAddress,
  type CustomerHistory,
  customerHistory,
  groupThreads,
  ownMatcher,
  type ParsedMail,
  type QuestionReplyPair,
} from './mail-threads';
import { htmlMailText, newText } from './mail-text';
import { type MboxSource, MboxFormatError, splitMbox, type RawMessage } from './mbox-split';

export { MboxFormatError, type MboxSource } from './mbox-split';
export type { CustomerHistory, QuestionReplyPair } from './mail-threads';

/**
 * Import of past mail from a Gmail Takeout `.mbox`: streamed message by message (see
 * mbox-split.ts), each parsed with postal-mime and reduced at once to the little the knowledge
 * base needs, then grouped into conversations to give question → reply pairs and each
 * customer's history.
 */
export interface MboxImportOptions {
  /** The user's own addresses; Gmail's "Sent" label adds the senders of sent mail. */
  ownAddresses?: readonly string[];
  /** The user's signatures, removed from their replies. */
  signatures?: readonly string[];
  onProgress?: (progress: MboxProgress) => void;
  signal?: AbortSignal;
}

export interface MboxProgress {
  bytesRead: number;
  /** Undefined for a stream of unknown length. */
  totalBytes?: number;
  messages: number;
}

export interface MboxStats {
  messages: number;
  threads: number;
  /** Messages that could not be parsed, or were larger than the limit, and were left out. */
  skipped: number;
  /** The addresses taken as the user's own (given and found through the Sent label). */
  ownAddresses: string[];
}

export type MboxImportResult =
  | { ok: true; pairs: QuestionReplyPair[]; customers: CustomerHistory[]; stats: MboxStats }
  | { ok: false; error: MboxFormatError };

const SENT_LABELS = /(?:^|,)\s*(?:Sent|Sent Mail|Gesendet|已发送邮件|已发邮件|寄件備份|Envoyés|Enviados)\s*(?:,|$)/i;
const NO_REPLY = /^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?|bounces?)[@+.-]/i;

function header(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value;
}

function person(address: Address | undefined): Person {
  const mailbox = address?.group ? address.group[0] : address;
  return { name: mailbox?.name?.trim() ?? '', email: mailbox?.address?.trim().toLowerCase() ?? '' };
}

function messageIds(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g)?.map((id) => id.toLowerCase()) ?? [];
}

function isoDate(value: string | undefined): string | undefined {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function isAutomatic(email: Email, from: Person): boolean {
  const auto = header(email, 'auto-submitted');
  const precedence = header(email, 'precedence');
  return (
    (auto !== undefined && auto.trim().toLowerCase() !== 'no') ||
    (precedence !== undefined && /bulk|list|junk/i.test(precedence)) ||
    header(email, 'list-unsubscribe') !== undefined ||
    NO_REPLY.test(from.email)
  );
}

async function parseMessage(message: RawMessage, signatures: readonly string[]): Promise<ParsedMail | null> {
  if (message.oversized) return null;
  let email: Email;
  try {
    email = await PostalMime.parse(message.raw, { attachmentEncoding: 'arraybuffer', maxRfc822NestingDepth: 0 });
  } catch {
    return null;
  }
  const from = person(email.from);
  const labels = header(email, 'x-gmail-labels') ?? '';
  if (/(?:^|,)\s*(?:Spam|Chat)\s*(?:,|$)/i.test(labels)) return null;
  const sentLabel = SENT_LABELS.test(labels);
  return {
    index: message.number,
    messageId: messageIds(email.messageId)[0],
    references: [...messageIds(email.references), ...messageIds(email.inReplyTo)],
    gmailThreadId: header(email, 'x-gm-thrid')?.trim() || undefined,
    from,
    to: [...(email.to ?? []), ...(email.cc ?? [])].map(person).filter((p) => p.email !== ''),
    subject: email.subject ?? '',
    date: isoDate(email.date),
    text: newText(email.text ?? htmlMailText(email.html ?? ''), { signatures: sentLabel ? signatures : [] }),
    automatic: isAutomatic(email, from),
    sentLabel,
  };
}

function sourceSize(source: MboxSource): number | undefined {
  if (typeof source === 'string') return undefined;
  if (source instanceof Uint8Array) return source.length;
  return 'size' in source ? source.size : undefined;
}

/** Reads an mbox into question → reply pairs and customer histories; never throws for bad input. */
export async function importMbox(source: MboxSource, options: MboxImportOptions = {}): Promise<MboxImportResult> {
  const mails: ParsedMail[] = [];
  let skipped = 0;
  let bytesRead = 0;
  const totalBytes = sourceSize(source);
  try {
    for await (const message of splitMbox(source, (p) => {
      bytesRead = p.bytesRead;
      options.onProgress?.({ bytesRead, totalBytes, messages: mails.length });
    })) {
      options.signal?.throwIfAborted();
      const mail = await parseMessage(message, options.signatures ?? []);
      if (mail) mails.push(mail);
      else skipped++;
    }
  } catch (error) {
    if (error instanceof MboxFormatError) return { ok: false, error };
    if (options.signal?.aborted) return { ok: false, error: new MboxFormatError('The import was cancelled.') };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new MboxFormatError(`The mailbox could not be read (${reason}).`) };
  }
  // Only spam, chat or unreadable messages: saying "0 pairs" as a success would hide the problem.
  if (mails.length === 0) {
    return { ok: false, error: new MboxFormatError(`No message could be read (${skipped} skipped: spam, chat, damaged or too large), so there is nothing to import.`) };
  }
  const own = new Set((options.ownAddresses ?? []).map(canonicalAddress));
  for (const mail of mails) if (mail.sentLabel && mail.from.email) own.add(canonicalAddress(mail.from.email));
  const isOwn = ownMatcher(own);
  const threads = groupThreads(mails, isOwn);
  options.onProgress?.({ bytesRead, totalBytes, messages: mails.length });
  return {
    ok: true,
    pairs: buildPairs(threads, isOwn),
    customers: customerHistory(threads, isOwn),
    stats: { messages: mails.length + skipped, threads: threads.size, skipped, ownAddresses: [...own].sort() },
  };
}
