import { beforeEach, describe, expect, it } from 'vitest';
import { storedOrderDays, conversationFactsComplete } from '../../lib/store/derived';
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

  it('restores each row byte for byte, its fields in the order the backup has them', async () => {
    await seed();
    const text = JSON.stringify(await createBackup(new Date(0))).replace('"id":"a1","title":"退款"', '"title":"退款","id":"a1"');
    expect((await restoreBackup(text)).ok).toBe(true);
    expect(JSON.stringify(await createBackup(new Date(0)))).toBe(text);
  });

  it('names the line of a JSON syntax error', async () => {
    const result = await restoreBackup('{\n"format": "solodesk-backup",\n"version": 1 "tables": {}\n}');
    expect(result.ok ? 'restored' : result.error).toMatch(/^line 3: not JSON: /);
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

  /** The seeded database's backup with `edit` applied to its parsed JSON. */
  async function editedBackup(edit: (backup: { tables: Record<string, Record<string, unknown>[]> }) => void): Promise<string> {
    const backup = JSON.parse(JSON.stringify(await createBackup(new Date(0))));
    edit(backup);
    return JSON.stringify(backup);
  }

  it.each<[string, (b: { tables: Record<string, Record<string, unknown>[]> }) => void, RegExp]>([
    ['a row with a field of the wrong type', (b) => (b.tables.articles[0].title = 5), /^tables\.articles\.0\.title: /],
    ['a row without its key', (b) => delete b.tables.orders[0].id, /^tables\.orders\.0\.id: is missing$/],
    ['an order with a negative total', (b) => (b.tables.orders[0].total = -5), /^tables\.orders\.0\.total: /],
    ['a key that appears twice', (b) => b.tables.customers.push({ ...b.tables.customers[0] }), /^tables\.customers\.1\.email: "ann@x\.com" appears twice/],
  ])('refuses %s with the table, row and field, and changes nothing', async (_name, edit, message) => {
    await seed();
    const before = await createBackup(new Date(0));
    const result = await restoreBackup(await editedBackup(edit));
    expect(result.ok ? 'restored' : result.error).toMatch(message);
    expect(await createBackup(new Date(0))).toEqual(before);
  });

  it('refuses a setting nested 10,000 levels deep (a stack overflow for zod and IndexedDB) and changes nothing', async () => {
    await seed();
    const before = await createBackup(new Date(0));
    const text = (await editedBackup(() => {})).replace('"value":1', `"value":${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const result = await restoreBackup(text);
    expect(result.ok ? 'restored' : result.error).toMatch(/^file\.tables\.settings\.0\.value\.0\.0\.0.*: nested more than 64 levels deep/);
    expect(await createBackup(new Date(0))).toEqual(before);
  });

  it.each([
    ['the file', (text: string) => text.replace('{', '{"__proto__":{"polluted":1},'), /^file: a "__proto__" key/],
    ['a row', (text: string) => text.replace('"key":"starterSeeded"', '"__proto__":{"polluted":1},"key":"starterSeeded"'), /^file\.tables\.settings\.0: a "__proto__" key/],
  ])('refuses a __proto__ key in %s, leaving Object.prototype and the data alone', async (_where, edit, message) => {
    await seed();
    const before = await createBackup(new Date(0));
    const result = await restoreBackup(edit(await editedBackup(() => {})));
    expect(result.ok ? 'restored' : result.error).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await createBackup(new Date(0))).toEqual(before);
  });

  it('restores "constructor" and "prototype" keys as plain data', async () => {
    await seed();
    const text = (await editedBackup(() => {})).replace('"value":1', '"value":{"constructor":{"prototype":{"polluted":1}}}');
    expect((await restoreBackup(text)).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await db.settings.get('starterSeeded'))?.value).toEqual({ constructor: { prototype: { polluted: 1 } } });
  });

  it('deletes everything, the embeddings cache included', async () => {
    await seed();
    await db.embeddings.put({ key: 'm:1', modelId: 'm', vector: new Float32Array([1]), usedAt: 1 });
    await deleteAllData();
    const nonEmpty = db.tables.filter((table) => table.name !== 'settings' && table.name !== 'summaries');
    const counts = await Promise.all(nonEmpty.map((table) => table.count()));
    expect(counts.every((n) => n === 0)).toBe(true);
    expect((await db.settings.toArray()).map((row) => row.key)).toEqual(['starterSeeded']);
    // What remains of the summaries describes the empty store: no order, stats for all 0 conversations.
    expect((await storedOrderDays())?.orders).toBe(0);
    expect(await conversationFactsComplete()).toBe(true);
  });

  it('does not bring the starter articles back when the worker starts again after deleting', async () => {
    await seed();
    await deleteAllData();
    expect(await seedStarterArticles()).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });
});
