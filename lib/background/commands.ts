import { db } from '../db';
import { reportError } from '../log';
import { contentMessenger } from '../messaging';
import { replyContextFor } from '../reply/context';
import { fillReply } from '../reply/tidy';
import { loadSettings } from '../settings';
import { latestOpening } from '../store/conversations';
import { withCsatInvite } from '../store/metrics';
import { openSidePanel } from '../side-panel';
import { handleArticlePicked } from './triage-service';

/** Keyboard commands (manifest `commands`): open the panel, search articles, insert the top suggestion. */
export function onCommand(command: string, windowId: number | undefined): void {
  if (command === 'open-panel') void openSidePanel(windowId);
  if (command === 'search-articles') void openSidePanel(windowId, 'sidepanel.html#search');
  if (command === 'insert-top-suggestion') {
    insertTopSuggestion(windowId).catch((error: unknown) => reportError('command', error));
  }
}

/**
 * Inserts the best suggestion for the conversation last opened in this window. When the reply
 * needs values nobody knows (the fill-in form) or nothing is suggested, it opens the panel instead.
 */
export async function insertTopSuggestion(windowId: number | undefined): Promise<boolean> {
  const opening = await latestOpening(windowId);
  const conversation = opening && (await db.conversations.get(opening.conversationId));
  const top = conversation?.triage?.suggestions[0];
  const article = top && (await db.articles.get(top.id));
  if (!opening || !conversation || !article) {
    void openSidePanel(windowId);
    return false;
  }
  const settings = await loadSettings();
  const messages = await db.messages.where('conversationId').equals(conversation.id).sortBy('index');
  const filled = fillReply(article.body, replyContextFor(conversation, messages, settings));
  if (!filled.ok) {
    void openSidePanel(windowId);
    return false;
  }
  const text = withCsatInvite(filled.text, settings, conversation.triage?.lang ?? 'en', conversation.csatOptOut);
  const result = await contentMessenger.sendMessage('insertText', { text }, opening.tabId);
  if (result.ok) await handleArticlePicked(conversation.id, article.id);
  return result.ok;
}
