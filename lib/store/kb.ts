import { db, type Article as StoredArticle, type ArticleSource } from '../db';
import { messagesByConversation } from './metrics';
import { type Article, hashId } from '../kb/article';
import type { CustomerHistory, QuestionReplyPair } from '../kb/mbox';

/**
 * The options page's knowledge-base store. The page edits `lib/kb` articles (ISO `updatedAt`,
 * no `source`); Dexie keeps `db.Article` (ms `updatedAt`, `source`). Every write lands in
 * db.articles, whose live query in the background re-indexes the engine.
 */

export function toKbArticle(stored: StoredArticle): Article {
  const article: Article = {
    id: stored.id,
    title: stored.title,
    body: stored.body,
    examples: [...stored.examples],
    category: stored.category,
    lang: stored.lang,
    tags: [...stored.tags],
  };
  if (stored.shortcut) article.shortcut = stored.shortcut;
  if (Number.isFinite(stored.updatedAt)) article.updatedAt = new Date(stored.updatedAt).toISOString();
  return article;
}

export function toStoredArticle(article: Article, source: ArticleSource, now: number): StoredArticle {
  const parsed = article.updatedAt ? Date.parse(article.updatedAt) : Number.NaN;
  const stored: StoredArticle = {
    id: article.id,
    title: article.title,
    body: article.body,
    examples: [...article.examples],
    category: article.category ?? 'other',
    lang: article.lang,
    tags: [...article.tags],
    source,
    updatedAt: Number.isFinite(parsed) ? parsed : now,
  };
  if (article.shortcut) stored.shortcut = article.shortcut;
  return stored;
}

const WRITE_CHUNK = 1_000;

/** A fresh id for an article written in the editor. */
export function newArticleId(now = Date.now()): string {
  return `user-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Saves an edit made by the user: the edit time is now, whatever the article carried. */
export async function saveUserArticle(article: Article, now = Date.now()): Promise<StoredArticle> {
  const stored = toStoredArticle({ ...article, updatedAt: undefined }, 'user', now);
  await db.articles.put(stored);
  return stored;
}

/** Deletes and returns the article so that the page can offer to undo. */
export async function deleteArticle(id: string): Promise<StoredArticle | undefined> {
  return db.transaction('rw', db.articles, async () => {
    const existing = await db.articles.get(id);
    if (existing) await db.articles.delete(id);
    return existing;
  });
}

export async function restoreArticle(article: StoredArticle): Promise<void> {
  await db.articles.put(article);
}

/**
 * Writes imported articles all-or-nothing in one transaction: an article with an existing id is
 * replaced, the others are kept (importing an export of the same KB changes nothing).
 */
export async function putImportedArticles(
  articles: readonly Article[],
  now = Date.now(),
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const rows = articles.map((a) => toStoredArticle(a, 'import', now));
  await db.transaction('rw', db.articles, async () => {
    // Chunks only to report progress: a failure in any chunk still aborts the whole transaction.
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      await db.articles.bulkPut(rows.slice(start, start + WRITE_CHUNK));
      onProgress?.(Math.min(start + WRITE_CHUNK, rows.length), rows.length);
    }
  });
  return rows.length;
}

/** The whole knowledge base as `lib/kb` articles, in a stable order (by id) for export. */
export async function loadKbArticles(): Promise<Article[]> {
  const rows = await db.articles.orderBy('id').toArray();
  return rows.map(toKbArticle);
}

/** A question the knowledge base could not answer, with the reply the user sent. */
export interface KbGap {
  key: string;
  question: string;
  reply: string;
  from: { name: string; email: string };
  subject: string;
  origin: 'conversation' | 'mbox';
}

const MBOX_GAPS_KEY = 'kbGapCandidates';
const MAX_MBOX_GAPS = 2_000;

/** Conversations whose triage suggested nothing and in which the user has already replied. */
export async function conversationGaps(): Promise<KbGap[]> {
  const conversations = await db.conversations.where('triage.suggestions.length').equals(0).toArray();
  // All their threads at once rather than one after the other (hundreds of them at scale).
  const threads = await messagesByConversation(conversations.map((c) => c.id));
  const gaps: KbGap[] = [];
  for (const conversation of conversations) {
    const messages = (threads.get(conversation.id) ?? []).sort((a, b) => a.index - b.index);
    const replyIndex = messages.findIndex((m, i) => m.fromMe && i > 0 && messages.slice(0, i).some((q) => !q.fromMe));
    if (replyIndex < 0) continue;
    const question = messages.slice(0, replyIndex).filter((m) => !m.fromMe);
    const asked = question.at(-1)!;
    gaps.push({
      key: conversation.id,
      question: question.map((m) => m.body).join('\n\n'),
      reply: messages[replyIndex].body,
      from: { name: asked.fromName, email: asked.fromEmail },
      subject: conversation.subject,
      origin: 'conversation',
    });
  }
  return gaps;
}

export async function mboxGaps(): Promise<KbGap[]> {
  const row = await db.settings.get(MBOX_GAPS_KEY);
  return Array.isArray(row?.value) ? (row.value as KbGap[]) : [];
}

/** The id `draftArticleFromPair` gives the article drafted from this gap. */
export function gapArticleId(gap: Pick<KbGap, 'question'>): string {
  return `gap-${hashId(gap.question)}`;
}

/** Every gap not yet turned into an article: conversations first, then mbox candidates. */
export async function openKbGaps(): Promise<KbGap[]> {
  const done = new Set(await db.articles.where('id').startsWith('gap-').primaryKeys());
  const gaps = [...(await conversationGaps()), ...(await mboxGaps())];
  return gaps.filter((gap) => !done.has(gapArticleId(gap)));
}

export async function dismissMboxGap(key: string): Promise<void> {
  const gaps = await mboxGaps();
  await db.settings.put({ key: MBOX_GAPS_KEY, value: gaps.filter((g) => g.key !== key) });
}

function dateMs(iso: string | undefined, fallback: number): number {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? ms : fallback;
}

/**
 * Keeps what an mbox import found: its question→reply pairs as KB-gap candidates (newest
 * first, capped) and its correspondents as customers (merged with those already known).
 * A mailbox with no pairs leaves the candidates of an earlier import as they are: a mailbox of
 * only newsletters or only sent mail is no reason to lose them.
 */
export async function saveMboxImport(pairs: readonly QuestionReplyPair[], customers: readonly CustomerHistory[], now = Date.now()): Promise<void> {
  const candidates: KbGap[] = [...pairs]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, MAX_MBOX_GAPS)
    .map((p, i) => ({
      key: `mbox:${p.threadId}:${i}`,
      question: p.question,
      reply: p.reply,
      from: p.questionFrom,
      subject: p.subject,
      origin: 'mbox',
    }));
  await db.transaction('rw', db.customers, db.settings, async () => {
    if (candidates.length > 0) await db.settings.put({ key: MBOX_GAPS_KEY, value: candidates });
    for (const c of customers) {
      const email = c.email.toLowerCase();
      const known = await db.customers.get(email);
      const first = dateMs(c.firstDate, now);
      const last = dateMs(c.lastDate, first);
      await db.customers.put({
        ...known,
        email,
        name: known?.name || c.name,
        firstSeenAt: Math.min(known?.firstSeenAt ?? first, first),
        lastSeenAt: Math.max(known?.lastSeenAt ?? last, last),
      });
    }
  });
}
