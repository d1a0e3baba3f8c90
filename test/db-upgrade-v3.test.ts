import { describe, expect, it } from 'vitest';
import { SoloDeskDB } from '../lib/db';
import { releasedDexie, releasedTriage } from './helpers/released-schemas';


/** A released database with a row in every table (and conversations in every queue state). */
async function released(version: 1 | 2): Promise<string> {
  const name = `upgrade-v${version}-to-v3-${Math.random()}`;
  const old = releasedDexie(name, version);
  await old.table('articles').put({ id: 'a1', title: 'T', body: 'B', examples: ['q'], category: 'refund', lang: 'en', tags: ['x'], source: 'user', updatedAt: 1 });
  await old.table('customers').put({ email: 'a@x.com', name: 'A', firstSeenAt: 1, lastSeenAt: 2, clv: 10, tier: 'vip' });
  await old.table('orders').put({ id: 'plain:1', email: 'a@x.com', date: '2026-01-01T00:00:00.000Z', total: 10, refunded: 0, status: 'paid', source: 'plain' });
  await old.table('conversations').bulkPut([
    { id: 'gmail:1', state: 'open', customerEmail: 'a@x.com', updatedAt: 1, lastMessageAt: 1, triage: releasedTriage('P1') },
    { id: 'gmail:2', state: 'waiting', customerEmail: 'a@x.com', updatedAt: 1, lastMessageAt: 1, triage: releasedTriage('P1') },
    { id: 'gmail:3', state: 'resolved', customerEmail: 'a@x.com', updatedAt: 1, lastMessageAt: 1, triage: releasedTriage('P3') },
    { id: 'gmail:4', state: 'open', customerEmail: 'a@x.com', updatedAt: 1, lastMessageAt: 1 },
  ]);
  await old.table('messages').bulkPut([
    { id: 'gmail:1#0', conversationId: 'gmail:1', index: 0, fromName: '', fromEmail: 'a@x.com', date: '2026-11-01T10:00:00.000Z', body: 'hi', fromMe: false, headerOnly: false },
    { id: 'gmail:1#1', conversationId: 'gmail:1', index: 1, fromName: '', fromEmail: 'a@x.com', body: 'undated', fromMe: false, headerOnly: false },
  ]);
  await old.table('feedback').add({ kind: 'correction', conversationId: 'gmail:1', text: 'x', label: 'invoice', at: 1 });
  await old.table('openings').add({ conversationId: 'gmail:1', tabId: 1, windowId: 1, at: 1 });
  await old.table('layoutMisses').add({ at: 1, tabId: 1, windowId: 1 });
  await old.table('settings').put({ key: 'starterSeeded', value: 1 });
  if (version === 2) await old.table('embeddings').put({ key: 'm:h', modelId: 'm', vector: new Float32Array([1, 2]), usedAt: 1 });
  old.close();
  return name;
}

describe('upgrade to version 3 (queue index) and on', () => {
  it.each([1, 2] as const)('opens a version %i database at the current version with every row kept and the queue index built', async (version) => {
    const name = await released(version);
    const current = new SoloDeskDB(name);
    await current.open();
    expect(current.verno).toBe(5);
    const counts = Object.fromEntries(await Promise.all(current.tables.map(async (t) => [t.name, await t.count()])));
    expect(counts).toEqual({
      articles: 1, customers: 1, orders: 1, conversations: 4, messages: 2, feedback: 1, openings: 1, layoutMisses: 1, settings: 1,
      embeddings: version === 2 ? 1 : 0, conversationFacts: 0, summaries: 0, factsByDay: 0, orderBlocks: 0,
    });
    expect(await current.customers.get('a@x.com')).toMatchObject({ clv: 10, tier: 'vip' });
    expect(await current.conversations.where('[state+triage.priority]').equals(['open', 'P1']).primaryKeys()).toEqual(['gmail:1']);
    expect(await current.messages.where('date').aboveOrEqual('2026-10-01').primaryKeys()).toEqual(['gmail:1#0']);
    // Every stored triage above suggested nothing: all three are KB-gap candidates, the untriaged one is not.
    expect(await current.conversations.where('triage.suggestions.length').equals(0).primaryKeys()).toEqual(['gmail:1', 'gmail:2', 'gmail:3']);
    current.close();
  });
});
