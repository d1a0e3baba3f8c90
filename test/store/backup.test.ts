import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { createBackup, deleteAllData, restoreBackup } from '../../lib/store/backup';
import { seedStarterArticles } from '../../lib/store/articles';

async function seed() {
  await db.articles.put({ id: 'a1', title: '退款', body: 'Hi {{customer.firstName}}', examples: ['where is my refund'], category: 'refund', lang: 'zh', tags: ['x'], source: 'user', updatedAt: 1 });
  await db.customers.put({ email: 'ann@x.com', name: 'Ann', firstSeenAt: 1, lastSeenAt: 2, clv: 12.5, tier: 'vip' });
  await db.orders.put({ id: 'plain:1', email: 'ann@x.com', date: '2026-01-01T00:00:00.000Z', total: 10, refunded: 0, status: 'paid', source: 'plain' });
  await db.feedback.add({ kind: 'pick', conversationId: 'gmail:t', text: 'q', label: 'a1', at: 3 });
  await db.settings.put({ key: 'starterSeeded', value: 1 });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('backup, restore and delete all', () => {
  it('restores a backup to exactly the same data', async () => {
    await seed();
    const before = await createBackup(new Date(0));
    const text = JSON.stringify(before);
    await deleteAllData();
    expect(await db.articles.count()).toBe(0);
    expect(await restoreBackup(text)).toEqual({ ok: true, rows: 5 });
    expect(await createBackup(new Date(0))).toEqual(before);
  });

  it.each([
    ['not JSON', '{"format":"solodesk-backup",'],
    ['another format', JSON.stringify({ format: 'solodesk-kb', version: 1, articles: [] })],
    ['a missing table', JSON.stringify({ format: 'solodesk-backup', version: 1, exportedAt: 'x', tables: { articles: [] } })],
  ])('refuses %s and changes nothing', async (_name, text) => {
    await seed();
    const before = await createBackup(new Date(0));
    const result = await restoreBackup(text);
    expect(result.ok).toBe(false);
    expect(await createBackup(new Date(0))).toEqual(before);
  });

  it('deletes everything, the embeddings cache included', async () => {
    await seed();
    await db.embeddings.put({ key: 'm:1', modelId: 'm', vector: new Float32Array([1]), usedAt: 1 });
    await deleteAllData();
    const nonEmpty = db.tables.filter((table) => table.name !== 'settings');
    const counts = await Promise.all(nonEmpty.map((table) => table.count()));
    expect(counts.every((n) => n === 0)).toBe(true);
    expect((await db.settings.toArray()).map((row) => row.key)).toEqual(['starterSeeded']);
  });

  it('does not bring the starter articles back when the worker starts again after deleting', async () => {
    await seed();
    await deleteAllData();
    expect(await seedStarterArticles()).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });
});
