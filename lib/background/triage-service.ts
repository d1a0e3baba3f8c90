import { db, type Conversation } from '../db';
import { conversationIdOf, triageInputOf } from '../conversation/thread';
import type { MailThread } from '../mail/mail-site';
import { saveOpenedThread, saveTriage, setCorrectedCategory, type TabRef } from '../store/conversations';
import { addFeedback } from '../store/feedback';
import { recordMailRating } from '../store/metrics';
import { clearStorageFull, isStorageFull, noteStorageFull } from '../store/storage-errors';
import { reportError } from '../log';
import { getEngine } from './engine-host';
import { mailMessagesOf } from '../reply/context';

/**
 * Triage runs at most once at a time per conversation: an opening and a recovery (worker start, or
 * the panel asking) that meet on the same conversation share the one that is running.
 */
const running = new Map<string, Promise<unknown>>();

function track<T>(conversationId: string, work: Promise<T>): Promise<T> {
  running.set(conversationId, work);
  const done = () => {
    if (running.get(conversationId) === work) running.delete(conversationId);
  };
  work.then(done, done);
  return work;
}

/** A write refused because storage is full is told to the panel (it cannot go into the full database). */
async function persisting<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isStorageFull(error)) await noteStorageFull('conversation').catch((e: unknown) => reportError('storage', e));
    throw error;
  }
}

async function triageAndSave(conversationId: string, thread: Pick<MailThread, 'subject' | 'messages'>, customerEmail: string): Promise<void> {
  const input = triageInputOf(thread);
  const engine = await getEngine();
  const customer = await db.customers.get(customerEmail);
  const result = await engine.triage({ ...input, customerTier: customer?.tier });
  await persisting(saveTriage(conversationId, { ...result, at: Date.now(), engine: 'lexical', truncated: input.truncated }));
}

/** Persist first, then triage: a worker stopped mid-triage loses nothing but the triage. */
export function handleThreadOpened(thread: MailThread, tab: TabRef): Promise<string> {
  const id = conversationIdOf(thread);
  // Registered before the save, so a recovery asking meanwhile joins this triage.
  const previous = running.get(id);
  return track(
    id,
    (async () => {
      const conversation = await persisting(saveOpenedThread(thread, tab));
      // Saved, so storage is no longer full; not awaited, the panel is waiting for the triage.
      clearStorageFull().catch((error: unknown) => reportError('storage', error));
      // A customer's reply may carry a rating (CSAT without links); a failure must not stop triage.
      await recordMailRating(conversation.id).catch(() => undefined);
      // A triage of this conversation still running read older content: let it finish first.
      await previous?.catch(() => undefined);
      await triageAndSave(conversation.id, thread, conversation.customerEmail);
      return conversation.id;
    })(),
  );
}

/**
 * Triages a stored conversation that has none yet, from its stored messages. Idempotent: nothing
 * happens when it is triaged already or a triage of it is running. True when it triaged.
 */
export function ensureTriaged(conversationId: string): Promise<boolean> {
  const current = running.get(conversationId);
  if (current) return current.then(() => false, () => false);
  return track(
    conversationId,
    (async () => {
      const stored = await storedThread(conversationId);
      if (!stored || stored.conversation.triage) return false;
      await triageAndSave(conversationId, stored.thread, stored.conversation.customerEmail);
      return true;
    })(),
  );
}

/** Conversations opened this long ago or less are recovered; older ones wait until opened again. */
export const RECOVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A worker stopped between storing a conversation and storing its triage left it untriaged:
 * on the next start, triage every conversation opened recently that still has none (one by one).
 */
export async function recoverUntriaged(now = Date.now()): Promise<number> {
  const openings = await db.openings.where('at').aboveOrEqual(now - RECOVERY_WINDOW_MS).toArray();
  const ids = [...new Set(openings.map((o) => o.conversationId))];
  const conversations = await db.conversations.bulkGet(ids);
  let triaged = 0;
  for (const conversation of conversations) {
    if (!conversation || conversation.triage) continue;
    if (await ensureTriaged(conversation.id)) triaged += 1;
  }
  return triaged;
}

/** A stored conversation and its thread as read from the page, from the database. */
async function storedThread(conversationId: string): Promise<{ conversation: Conversation; thread: Pick<MailThread, 'subject' | 'messages'> } | undefined> {
  const conversation = await db.conversations.get(conversationId);
  if (!conversation) return undefined;
  const messages = await db.messages.where('conversationId').equals(conversationId).sortBy('index');
  return { conversation, thread: { subject: conversation.subject, messages: mailMessagesOf(messages) } };
}

async function conversationText(conversationId: string): Promise<string> {
  const stored = await storedThread(conversationId);
  if (!stored) throw new Error(`Unknown conversation ${conversationId}`);
  const input = triageInputOf(stored.thread);
  return `${input.subject}\n${input.body}`;
}

export async function handleCategoryCorrection(conversationId: string, category: string): Promise<void> {
  const text = await conversationText(conversationId);
  await setCorrectedCategory(conversationId, category);
  await addFeedback({ kind: 'correction', conversationId, text, label: category, at: Date.now() });
  (await getEngine()).addCorrection({ text, label: category });
}

export async function handleArticlePicked(conversationId: string, articleId: string): Promise<void> {
  const text = await conversationText(conversationId);
  await addFeedback({ kind: 'pick', conversationId, text, label: articleId, at: Date.now() });
  (await getEngine()).recordPick(articleId, text);
}
