import { db, type Article, type Conversation, type LayoutMissRecord, type Opening, type StoredMessage } from '../db';
import { latestOpening } from './conversations';

export interface PanelView {
  opening?: Opening;
  conversation?: Conversation;
  messages: StoredMessage[];
  /** Suggested articles, best first (the triage's order). */
  suggestions: Array<{ article: Article; score: number }>;
  /**
   * When nothing matched in the mail's language: the predicted category's articles in other
   * languages (the customer's language has no article yet).
   */
  otherLanguage: Article[];
  /** A layout the content script could not read, newer than the last opened conversation. */
  layoutMiss?: LayoutMissRecord;
}

/** Everything the side panel shows, for its window (or any window when undefined). Dexie only. */
export async function loadPanelView(windowId: number | undefined): Promise<PanelView> {
  const opening = await latestOpening(windowId);
  const miss =
    windowId === undefined
      ? await db.layoutMisses.orderBy('at').last()
      : await db.layoutMisses.where('[windowId+at]').between([windowId, -Infinity], [windowId, Infinity]).last();
  const layoutMiss = miss && (!opening || miss.at > opening.at) ? miss : undefined;
  if (!opening) return { messages: [], suggestions: [], otherLanguage: [], layoutMiss };

  const conversation = await db.conversations.get(opening.conversationId);
  const messages = await db.messages.where('conversationId').equals(opening.conversationId).sortBy('index');
  const ranked = conversation?.triage?.suggestions ?? [];
  const articles = await db.articles.bulkGet(ranked.map((s) => s.id));
  const suggestions = ranked.flatMap((s, i) => {
    const article = articles[i];
    return article ? [{ article, score: s.score }] : [];
  });
  const otherLanguage = suggestions.length === 0 && conversation?.triage ? await otherLanguageArticles(conversation.triage) : [];
  return { opening, conversation, messages, suggestions, otherLanguage, layoutMiss };
}

/** Up to three articles of the (corrected) category that are not in the mail's language. */
async function otherLanguageArticles(triage: { category: string; correctedCategory?: string; lang: string }): Promise<Article[]> {
  const category = triage.correctedCategory ?? triage.category;
  if (category === 'other') return [];
  const articles = await db.articles.where('category').equals(category).toArray();
  return articles.filter((a) => a.lang.split('-')[0] !== triage.lang.split('-')[0]).slice(0, 3);
}
