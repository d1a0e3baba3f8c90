/**
 * A live store with an early value (the popup's prefetch): shown until the live query answers,
 * kept (same object) when the answer is the same, replaced when it is not, and never shown over
 * an answer that came first. The live query is real Dexie on fake-indexeddb.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { startLiveStore, type LiveStore, type LiveStoreState } from '../../lib/store/live-store';

type Count = { n: number };
const count = async (): Promise<Count> => ({ n: await db.articles.count() });
const sameCount = (a: Count, b: Count) => a.n === b.n;

/** Every state the store publishes, in order. */
function record<T>(store: LiveStore<T>): LiveStoreState<T>[] {
  const states: LiveStoreState<T>[] = [];
  store.subscribe(() => states.push(store.getSnapshot()));
  return states;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

const article = (id: string) => ({ id, title: id, body: 'b', category: 'other', lang: 'en', tags: [], source: 'manual', updatedAt: 1 }) as never;

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('a live store with an early value', () => {
  it('shows the early value first and keeps that same object when the query answers the same', async () => {
    await db.articles.bulkAdd([article('a'), article('b')]);
    const early = { n: 2 };
    const store = startLiveStore(count, { promise: Promise.resolve(early), same: sameCount });
    const states = record(store);
    await until(() => states.length > 0);
    expect(states[0]).toEqual({ status: 'ready', value: early });
    await new Promise((r) => setTimeout(r, 100));
    expect(states).toHaveLength(1);
    expect(store.getSnapshot()).toEqual({ status: 'ready', value: early });
    expect((store.getSnapshot() as { value: Count }).value).toBe(early);
    // It is still live.
    await db.articles.add(article('c'));
    await until(() => states.length === 2);
    expect(store.getSnapshot()).toEqual({ status: 'ready', value: { n: 3 } });
    store.stop();
  });

  it('replaces an early value the query answers differently', async () => {
    await db.articles.bulkAdd([article('a'), article('b')]);
    const store = startLiveStore(count, { promise: Promise.resolve({ n: 5 }), same: sameCount });
    const states = record(store);
    await until(() => states.length === 2);
    expect(states.map((s) => s.status === 'ready' && s.value.n)).toEqual([5, 2]);
    store.stop();
  });

  it('never shows an early value that comes after the answer', async () => {
    await db.articles.add(article('a'));
    let release!: (value: Count) => void;
    const store = startLiveStore(count, { promise: new Promise<Count>((resolve) => (release = resolve)), same: sameCount });
    const states = record(store);
    // The early value is late: the query answers first, and the late value is not shown over it.
    await until(() => states.length === 1);
    release({ n: 9 });
    await new Promise((r) => setTimeout(r, 50));
    expect(states.map((s) => s.status === 'ready' && s.value.n)).toEqual([1]);
    store.stop();
  });

  it('answers from the query when there is no early value', async () => {
    await db.articles.add(article('a'));
    const store = startLiveStore(count, { promise: Promise.resolve(undefined), same: sameCount });
    const states = record(store);
    await until(() => states.length === 1);
    expect(store.getSnapshot()).toEqual({ status: 'ready', value: { n: 1 } });
    store.stop();
  });

  it('publishes nothing once stopped, not even an early value arriving then', async () => {
    let release!: (value: Count) => void;
    const store = startLiveStore(count, { promise: new Promise<Count>((resolve) => (release = resolve)), same: sameCount });
    const states = record(store);
    store.stop();
    release({ n: 4 });
    await new Promise((r) => setTimeout(r, 50));
    expect(states).toEqual([]);
  });
});
