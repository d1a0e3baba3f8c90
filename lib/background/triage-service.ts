import { db } from '../db';
import { triageInputOf } from '../conversation/thread';
import type { MailThread } from '../mail/mail-site';
import { saveOpenedThread, saveTriage, setCorrectedCategory, type TabRef } from '../store/conversations';
import { addFeedback } from '../store/feedback';
import { recordMailRating } from '../store/metrics';
import { getEngine } from './engine-host';
import { mailMessagesOf } from '../reply/context';

/** Persist first, then triage: a worker stopped mid-triage loses nothing but the triage. */
export async function handleThreadOpened(thread: MailThread, tab: TabRef): Promise<string> {
  const conversation = await saveOpenedThread(thread, tab);
  // A customer's reply may carry a rating (CSAT without links); a failure must not stop triage.
  await recordMailRating(conversation.id).catch(() => undefined);
  const input = triageInputOf(thread);
  const engine = await getEngine();
  const customer = await db.customers.get(conversation.customerEmail);
  const result = await engine.triage({ ...input, customerTier: customer?.tier });
  await saveTriage(conversation.id, { ...result, at: Date.now(), engine: 'lexical', truncated: input.truncated });
  return conversation.id;
}

async function conversationText(conversationId: string): Promise<string> {
  const conversation = await db.conversations.get(conversationId);
  if (!conversation) throw new Error(`Unknown conversation ${conversationId}`);
  const messages = await db.messages.where('conversationId').equals(conversationId).sortBy('index');
  const input = triageInputOf({ subject: conversation.subject, messages: mailMessagesOf(messages) });
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
