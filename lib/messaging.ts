import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import type { InsertResult, MailThread } from './mail/mail-site';

/**
 * The one protocol between contexts. Content scripts are untrusted: the background decides who sent
 * a message from what the browser fills in (`sender`), never from the message, and validates every
 * payload with the schemas below.
 */

/** The most a content script may send of a thread: the background refuses more, `fitThreadPayload` cuts to it. */
const MAX = { name: 500, email: 320, id: 500, date: 100, threadId: 500, subject: 5_000, messages: 2_000, userEmails: 50, url: 5_000 } as const;

const person = z.object({ name: z.string().max(MAX.name), email: z.string().max(MAX.email) });

const mailMessage = z.object({
  id: z.string().max(MAX.id).optional(),
  from: person,
  date: z.string().max(MAX.date).optional(),
  body: z.string(),
  fromMe: z.boolean(),
  headerOnly: z.boolean(),
});

export const threadSchema = z.object({
  site: z.enum(['gmail', 'outlook']),
  threadId: z.string().min(1).max(MAX.threadId),
  subject: z.string().max(MAX.subject),
  messages: z.array(mailMessage).max(MAX.messages),
  userEmails: z.array(z.string().max(MAX.email)).max(MAX.userEmails),
  url: z.string().max(MAX.url),
});

/**
 * The thread cut to what `threadSchema` accepts, so that a hostile mail (a 20,000-character sender
 * name, a 2,001-message thread) is still stored and triaged instead of refused whole. Strings keep
 * their beginning; a thread keeps its newest messages.
 */
export function fitThreadPayload(thread: MailThread): ThreadPayload {
  const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
  const cutOptional = (text: string | undefined, max: number) => (text === undefined ? undefined : cut(text, max));
  return {
    site: thread.site,
    threadId: cut(thread.threadId, MAX.threadId),
    subject: cut(thread.subject, MAX.subject),
    messages: thread.messages.slice(-MAX.messages).map((m) => ({
      ...m,
      id: cutOptional(m.id, MAX.id),
      date: cutOptional(m.date, MAX.date),
      from: { name: cut(m.from.name, MAX.name), email: cut(m.from.email, MAX.email) },
    })),
    userEmails: thread.userEmails.slice(0, MAX.userEmails).map((e) => cut(e, MAX.email)),
    url: cut(thread.url, MAX.url),
  };
}

export const selectorMissSchema = z.object({
  site: z.enum(['gmail', 'outlook']),
  selector: z.string().max(1_000),
  structure: z.string().max(20_000),
});

export const correctCategorySchema = z.object({
  conversationId: z.string().min(1).max(600),
  category: z.string().min(1).max(100),
});

export const conversationRefSchema = z.object({ conversationId: z.string().min(1).max(600) });

export const articlePickedSchema = z.object({
  conversationId: z.string().min(1).max(600),
  articleId: z.string().min(1).max(300),
});

/** A model URL (http/https) or a `folder:<model id>` source installed by the options page. */
export const modelEnableSchema = z.object({
  source: z
    .string()
    .min(1)
    .max(2_000)
    .refine((s) => /^https?:\/\//.test(s) || /^folder:use-[0-9a-z-]+$/.test(s), 'an http(s) URL or folder:<model id>'),
});

/** What modelStatus/modelEnable/modelDisable answer (lib/background/model-host.ts fills it in). */
export interface ModelStatusPayload {
  enabled: boolean;
  cached: boolean;
  loaded: boolean;
  source: string;
  modelId?: string;
  backend?: string;
  bytes?: number;
  downloadMs?: number;
  loadMs?: number;
  embedMs?: number;
  error?: string;
}

export const insertTextSchema = z.object({ text: z.string().min(1).max(200_000) });
export const forwardToSchema = z.object({ to: z.email().max(320), text: z.string().min(1).max(20_000) });

export type ThreadPayload = z.infer<typeof threadSchema>;

/** Messages handled by the background (from content scripts and extension pages). */
export interface BackgroundProtocol {
  /** Content script: a conversation was opened or changed on the mail page. */
  threadOpened(data: { thread: ThreadPayload }): { conversationId: string };
  /** Content script: a required selector found nothing on a page that should have it. */
  layoutMiss(data: z.infer<typeof selectorMissSchema>): void;
  /** Extension page: the user corrected the category of a conversation. */
  correctCategory(data: z.infer<typeof correctCategorySchema>): void;
  /** Extension page: the user inserted this article into the reply of that conversation. */
  articlePicked(data: z.infer<typeof articlePickedSchema>): void;
  /** Extension page: the panel shows a conversation with no triage (a worker stopped mid-triage): triage it now. */
  ensureTriaged(data: z.infer<typeof conversationRefSchema>): boolean;
  /** Extension page: is the sentence encoder enabled, cached, loaded, and on which backend. */
  modelStatus(): ModelStatusPayload;
  /** Extension page: download (unless cached) and turn on the sentence encoder; progress in Dexie. */
  modelEnable(data: z.infer<typeof modelEnableSchema>): ModelStatusPayload;
  /** Extension page: turn the sentence encoder off and remove it from the cache. */
  modelDisable(): ModelStatusPayload;
}

/** Messages handled by the content script (sent by extension pages to one mail tab). */
export interface ContentProtocol {
  /** Is a live content script attached to this tab (none after an extension update until the tab reloads). */
  ping(): true;
  insertText(data: z.infer<typeof insertTextSchema>): InsertResult;
  /** Escalation: forward the open conversation to `to` with `text` (a summary) on top. */
  forwardTo(data: z.infer<typeof forwardToSchema>): InsertResult;
}

// The library logs every message to the console by default; mail content must not reach logs.
const quiet = { debug() {}, log() {}, warn() {}, error() {} };

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>({ logger: quiet });
const contentLibrary = defineExtensionMessaging<ContentProtocol>({ logger: quiet });
let nextId = Math.floor(Math.random() * 10_000);

/** An error sent back by the content script's handler (the library's serialised form). */
function errorFrom(sent: unknown): Error {
  const { name, message } = (sent ?? {}) as { name?: unknown; message?: unknown };
  const error = new Error(typeof message === 'string' ? message : 'The content script failed');
  if (typeof name === 'string') error.name = name;
  return error;
}

/**
 * Messages to one mail tab. Received with the library (onMessage), but sent with the browser's own
 * promise API in the library's message shape: the library's tab send drops the browser's reason
 * when no content script answers (it says only "No response") and leaves an "Unchecked
 * runtime.lastError" in the console. This way a tab left with an orphaned script after an update
 * rejects with "Receiving end does not exist", which the panel turns into its reconnect notice.
 */
export const contentMessenger = {
  onMessage: contentLibrary.onMessage,
  async sendMessage<K extends keyof ContentProtocol>(
    type: K,
    data: Parameters<ContentProtocol[K]>[0],
    tabId: number,
  ): Promise<ReturnType<ContentProtocol[K]>> {
    nextId += 1;
    const answer = (await browser.tabs.sendMessage(tabId, { id: nextId, type, data, timestamp: Date.now() })) as
      | { res?: ReturnType<ContentProtocol[K]>; err?: unknown }
      | undefined;
    if (!answer) throw new Error('No response');
    if (answer.err != null) throw errorFrom(answer.err);
    return answer.res as ReturnType<ContentProtocol[K]>;
  },
};
