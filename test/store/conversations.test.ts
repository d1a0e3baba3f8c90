import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { latestOpening, saveOpenedThread, saveTriage, setCorrectedCategory } from '../../lib/store/conversations';
import { loadPanelView } from '../../lib/store/panel-view';
import { openCountsByPriority } from '../../lib/store/queue';
import { mailThread as thread } from '../helpers/thread';

const triage = {
  category: 'refund',
  confidence: 0.8,
  urgency: 'high' as const,
  importance: 'low' as const,
  priority: 'P2' as const,
  sentiment: 'negative' as const,
  lang: 'en',
  reasons: ['urgency:deadline'],
  suggestions: [{ id: 'a1', score: 0.9 }],
  at: 1,
  engine: 'lexical',
};

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('conversation store', () => {
  it('stores the thread, its messages and customer before any triage', async () => {
    const saved = await saveOpenedThread(thread('t1', [['ann@x.com', 'Where is my refund?']]), { tabId: 1, windowId: 10 });
    expect(saved.id).toBe('gmail:t1');
    expect(saved.triage).toBeUndefined();
    expect(await db.messages.where('conversationId').equals('gmail:t1').count()).toBe(1);
    expect((await db.customers.get('ann@x.com'))?.name).toBe('ann');
  });

  it('marks a conversation whose last message is ours as waiting on the customer', async () => {
    const saved = await saveOpenedThread(thread('t2', [['ann@x.com', 'q'], ['me@shop.com', 'a', true]]), { tabId: 1, windowId: 10 });
    expect(saved.state).toBe('waiting');
  });

  it('follows the newest opening per window, or in any window', async () => {
    await saveOpenedThread(thread('a', [['a@x.com', '1']]), { tabId: 1, windowId: 10 }, 1000);
    await saveOpenedThread(thread('b', [['b@x.com', '2']]), { tabId: 2, windowId: 20 }, 2000);
    expect((await latestOpening(10))?.conversationId).toBe('gmail:a');
    expect((await latestOpening(20))?.conversationId).toBe('gmail:b');
    expect((await latestOpening(undefined))?.conversationId).toBe('gmail:b');
  });

  it('keeps a category correction across a re-triage', async () => {
    await saveOpenedThread(thread('c', [['c@x.com', 'x']]), { tabId: 1, windowId: 10 });
    await saveTriage('gmail:c', triage);
    await setCorrectedCategory('gmail:c', 'invoice');
    await saveTriage('gmail:c', { ...triage, at: 2 });
    expect((await db.conversations.get('gmail:c'))?.triage?.correctedCategory).toBe('invoice');
  });

  it('drops message rows beyond a thread that shrank', async () => {
    await saveOpenedThread(thread('d', [['d@x.com', '1'], ['d@x.com', '2']]), { tabId: 1, windowId: 10 });
    await saveOpenedThread(thread('d', [['d@x.com', '1']]), { tabId: 1, windowId: 10 });
    expect(await db.messages.where('conversationId').equals('gmail:d').count()).toBe(1);
  });

  it('builds the panel view with suggested articles in ranked order', async () => {
    await db.articles.bulkPut([
      { id: 'a1', title: 'Refunds', body: 'b', examples: [], category: 'refund', lang: 'en', tags: [], source: 'user', updatedAt: 1 },
    ]);
    await saveOpenedThread(thread('e', [['e@x.com', 'refund?']]), { tabId: 3, windowId: 30 });
    await saveTriage('gmail:e', { ...triage, suggestions: [{ id: 'gone', score: 0.95 }, { id: 'a1', score: 0.9 }] });
    const view = await loadPanelView(30);
    expect(view.conversation?.subject).toBe('Subject e');
    expect(view.suggestions.map((s) => s.article.id)).toEqual(['a1']);
  });

  it('offers the category’s articles in other languages when none matched the mail’s language', async () => {
    await db.articles.bulkPut([
      { id: 'en1', title: 'Prices', body: 'b', examples: [], category: 'pre-sales', lang: 'en', tags: [], source: 'user', updatedAt: 1 },
      { id: 'de1', title: 'Preise', body: 'b', examples: [], category: 'pre-sales', lang: 'de', tags: [], source: 'user', updatedAt: 1 },
    ]);
    await saveOpenedThread(thread('h', [['h@x.de', 'Rabatt?']]), { tabId: 3, windowId: 50 });
    await saveTriage('gmail:h', { ...triage, category: 'pre-sales', lang: 'de', suggestions: [] });
    expect((await loadPanelView(50)).otherLanguage.map((a) => a.id)).toEqual(['en1']);
  });

  it('shows a layout notice only when the miss is newer than the last opened conversation', async () => {
    await saveOpenedThread(thread('f', [['f@x.com', '1']]), { tabId: 3, windowId: 40 }, 1000);
    await db.layoutMisses.add({ site: 'gmail', selector: '.a3s', structure: 'div', at: 500, tabId: 3, windowId: 40 });
    expect((await loadPanelView(40)).layoutMiss).toBeUndefined();
    await db.layoutMisses.add({ site: 'gmail', selector: '.a3s', structure: 'div', at: 1500, tabId: 3, windowId: 40 });
    expect((await loadPanelView(40)).layoutMiss?.selector).toBe('.a3s');
  });

  it('counts open conversations per priority queue', async () => {
    await saveOpenedThread(thread('g', [['g@x.com', '1']]), { tabId: 1, windowId: 1 });
    await saveTriage('gmail:g', triage);
    expect(await openCountsByPriority()).toEqual({ P1: 0, P2: 1, P3: 0, P4: 0 });
  });
});
