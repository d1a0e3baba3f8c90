/**
 * The one interface every mail site (Gmail, Outlook on the web) implements.
 * Feature code talks to `MailSite` only and never branches on the site.
 */

export interface Person {
  name: string;
  /** Lower-cased address; empty when the page does not show one. */
  email: string;
}

export interface MailMessage {
  /** The site's own message id when the page exposes one. */
  id?: string;
  from: Person;
  /** ISO 8601 date, when it could be read. */
  date?: string;
  /** Plain text of this message, without quoted history and signature. Empty when collapsed. */
  body: string;
  /** True when the user sent this message (their address or a configured alias). */
  fromMe: boolean;
  /** True when only the header (sender, date) could be read because the message is collapsed. */
  headerOnly: boolean;
}

export interface MailThread {
  site: SiteId;
  /** Stable id of the conversation on its site (Gmail thread id, Outlook conversation id). */
  threadId: string;
  subject: string;
  messages: MailMessage[];
  /** The user's own addresses as seen on the page (lower-cased). */
  userEmails: string[];
  /** URL of the page the thread was read on. */
  url: string;
}

export type SiteId = 'gmail' | 'outlook';

export interface InsertResult {
  ok: boolean;
  /** Set when ok is false: why the text could not be inserted. */
  error?: 'no-editor' | 'not-inserted';
  /** True when the reply box had to be opened first. */
  openedReply?: boolean;
}

/** A required selector that found nothing on a page that should have it. */
export interface SelectorMiss {
  site: SiteId;
  selector: string;
  /** Censored structure of where it was looked for: tags and classes, no text. */
  structure: string;
}

export interface MailSite {
  id: SiteId;
  /** Whether this site handles the page at `url` at all. */
  matchesHost(url: URL): boolean;
  /**
   * Reads the conversation currently open on the page, or null when none is open.
   * Throws `LayoutError` when a conversation is evidently open but a required part cannot be read.
   */
  readThread(doc: Document, options?: ReadOptions): MailThread | null;
  /** Inserts plain text at the caret of the open reply box, opening Reply first when needed. */
  insertReply(doc: Document, text: string, signal?: AbortSignal): Promise<InsertResult>;
  /**
   * Opens Forward on the open conversation, addresses it to `to` and puts `text` at the top
   * (escalation to an expert). Recipients are touched only here, never by insertReply.
   */
  forward?(doc: Document, to: string, text: string, signal?: AbortSignal): Promise<InsertResult>;
  /** The element whose subtree changes when a conversation opens, changes or grows. */
  observeRoot(doc: Document): Element | null;
  /** Rows of the conversation list with their elements, so chips can be shown on them (Gmail only for now). */
  readInboxRows?(doc: Document): InboxRow[];
}

/** One row of the conversation list (Gmail `tr.zA`). */
export interface InboxRow {
  /** The row element, to attach a priority chip to. */
  element: Element;
  /** Thread id when the row exposes one (Gmail 2018+ `data-legacy-thread-id`). */
  threadId?: string;
  /** First participant shown (usually the original sender). */
  from: Person;
  /** Every distinct participant shown in the row. */
  participants: Person[];
  subject: string;
  /** ISO 8601 from the row's date `title`, when readable. */
  date?: string;
  unread: boolean;
}

export interface ReadOptions {
  /** Extra addresses the user configured as their own (aliases). */
  ownAddresses?: string[];
}

/** A conversation is on the page but its layout could not be read. */
export class LayoutError extends Error {
  constructor(readonly miss: SelectorMiss) {
    super(`SoloDesk can't read this layout: ${miss.site} ${miss.selector}`);
    this.name = 'LayoutError';
  }
}
