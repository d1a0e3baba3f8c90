import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SoloDeskDB } from '../lib/db';
import { V1 } from './helpers/released-schemas';

describe('database upgrades', () => {
  it('opens a version 1 database with its data at the current version, no row lost', async () => {
    const name = `upgrade-v1-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1);
    await old.table('articles').bulkPut([
      { id: 'a1', title: 'T', body: 'B', examples: ['q'], category: 'refund', lang: 'en', tags: [], source: 'user', updatedAt: 1 },
    ]);
    await old.table('conversations').put({ id: 'gmail:t', subject: 's', customerEmail: 'a@x.com', state: 'open', updatedAt: 1, lastMessageAt: 1 });
    await old.table('feedback').add({ kind: 'correction', conversationId: 'gmail:t', text: 'x', label: 'invoice', at: 1 });
    old.close();

    const current = new SoloDeskDB(name);
    await current.open();
    expect(current.verno).toBeGreaterThan(1);
    expect(await current.articles.get('a1')).toMatchObject({ title: 'T', examples: ['q'] });
    expect(await current.conversations.count()).toBe(1);
    expect(await current.feedback.count()).toBe(1);
    expect(await current.embeddings.count()).toBe(0);
    current.close();
  });
});
