import type { Person } from '../mail/mail-site';

/** What the mbox import keeps of one message (the raw mail is dropped right after parsing). */
export interface ParsedMail {
  /** Position in the file: orders messages with equal or missing dates. */
  index: number;
  messageId?: string;
  /** Message-IDs from References and In-Reply-To. */
  references: string[];
  /** Gmail's thread id (X-GM-THRID), when the mail came from Takeout. */
  gmailThreadId?: string;
  from: Person;
  to: Person[];
  subject: string;
  /** ISO 8601, when the Date header could be read. */
  date?: string;
  /** New text only: quotes and signature removed. */
  text: string;
  /** Bulk or automatic mail (newsletters, notifications): never a customer question. */
  automatic: boolean;
  /** Gmail filed it under Sent. */
  sentLabel: boolean;
}

export interface QuestionReplyPair {
  question: string;
  questionFrom: Person;
  reply: string;
  /** When the reply was sent (ISO 8601), when known. */
  date?: string;
  subject: string;
  threadId: string;
}

export interface CustomerHistory {
  email: string;
  name: string;
  messageCount: number;
  threadCount: number;
  firstDate?: string;
  lastDate?: string;
}

/**
 * Compares addresses the way mail delivery does for the user's own aliases: case-insensitive,
 * without a `+tag`, and for Gmail without dots (`s.am+shop@gmail.com` is `sam@gmail.com`).
 */
export function canonicalAddress(address: string): string {
  const [local = '', domain = ''] = address.trim().toLowerCase().split(/@(?=[^@]*$)/);
  let user = local.replace(/\+.*$/, '');
  if (domain === 'gmail.com' || domain === 'googlemail.com') user = user.replace(/\./g, '');
  return domain ? `${user}@${domain === 'googlemail.com' ? 'gmail.com' : domain}` : user;
}

export function ownMatcher(ownAddresses: Iterable<string>): (address: string) => boolean {
  const own = new Set([...ownAddresses].map(canonicalAddress));
  return (address) => own.has(canonicalAddress(address));
}

const REPLY_PREFIX = /^(?:\s*(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|r|rif|回复|回覆|答复|转发|轉寄)\s*(?:\[\d+\])?\s*[:：]\s*)+/i;

export function normalizeSubject(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function byDate(a: ParsedMail, b: ParsedMail): number {
  const da = a.date ? Date.parse(a.date) : Number.NaN;
  const db = b.date ? Date.parse(b.date) : Number.NaN;
  if (!Number.isNaN(da) && !Number.isNaN(db) && da !== db) return da - db;
  return a.index - b.index;
}

/**
 * Conversations: Gmail's thread id when there is one; otherwise messages linked by Message-ID
 * references, and messages with the same subject (without Re:/回复:) with the same customer.
 */
export function groupThreads(mails: readonly ParsedMail[], isOwn: (address: string) => boolean): Map<string, ParsedMail[]> {
  const sets = new UnionFind();
  for (const mail of mails) {
    const node = `#${mail.index}`;
    if (mail.gmailThreadId) {
      sets.union(`g:${mail.gmailThreadId}`, node);
      continue;
    }
    if (mail.messageId) sets.union(`m:${mail.messageId}`, node);
    for (const ref of mail.references) sets.union(`m:${ref}`, node);
    const counterpart = isOwn(mail.from.email) ? mail.to.find((p) => !isOwn(p.email))?.email : mail.from.email;
    const subject = normalizeSubject(mail.subject);
    if (subject && counterpart) sets.union(`s:${subject}|${canonicalAddress(counterpart)}`, node);
  }
  const threads = new Map<string, ParsedMail[]>();
  for (const mail of mails) {
    const root = sets.find(`#${mail.index}`);
    const list = threads.get(root) ?? [];
    list.push(mail);
    threads.set(root, list);
  }
  for (const list of threads.values()) list.sort(byDate);
  return threads;
}

function threadId(root: string, mails: ParsedMail[]): string {
  return mails.find((m) => m.gmailThreadId)?.gmailThreadId ?? mails[0].messageId ?? root;
}

/**
 * A pair for every reply of the user that follows customer messages: the customer's messages
 * since the user's previous message are the question (joined), the user's message the reply.
 */
export function buildPairs(threads: Map<string, ParsedMail[]>, isOwn: (address: string) => boolean): QuestionReplyPair[] {
  const pairs: QuestionReplyPair[] = [];
  for (const [root, mails] of threads) {
    let pending: ParsedMail[] = [];
    for (const mail of mails) {
      if (isOwn(mail.from.email)) {
        const question = pending.map((m) => m.text).filter(Boolean).join('\n\n');
        const asker = pending.at(-1);
        if (asker && question && mail.text) {
          pairs.push({
            question,
            questionFrom: asker.from,
            reply: mail.text,
            date: mail.date,
            subject: mail.subject,
            threadId: threadId(root, mails),
          });
        }
        pending = [];
      } else if (!mail.automatic) {
        pending.push(mail);
      }
    }
  }
  return pairs.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** Per customer address: how often and when they wrote (automatic mail left out). */
export function customerHistory(threads: Map<string, ParsedMail[]>, isOwn: (address: string) => boolean): CustomerHistory[] {
  const byAddress = new Map<string, CustomerHistory & { threads: Set<string> }>();
  for (const [root, mails] of threads) {
    for (const mail of mails) {
      if (mail.automatic || isOwn(mail.from.email) || !mail.from.email) continue;
      const key = mail.from.email.toLowerCase();
      const entry = byAddress.get(key) ?? { email: key, name: '', messageCount: 0, threadCount: 0, threads: new Set<string>() };
      entry.messageCount++;
      entry.threads.add(root);
      if (mail.from.name) entry.name = mail.from.name;
      if (mail.date && (!entry.firstDate || mail.date < entry.firstDate)) entry.firstDate = mail.date;
      if (mail.date && (!entry.lastDate || mail.date > entry.lastDate)) entry.lastDate = mail.date;
      byAddress.set(key, entry);
    }
  }
  return [...byAddress.values()]
    .map(({ threads, ...rest }) => ({ ...rest, threadCount: threads.size }))
    .sort((a, b) => b.messageCount - a.messageCount || a.email.localeCompare(b.email));
}
