import { liveQuery } from 'dexie';

/**
 * A Dexie live query started at once, before any component asks for it: a page can begin its
 * reads while React is still starting (the popup's first figures wait on nothing but the store).
 * It holds the latest result; `subscribe` and `getSnapshot` fit React's useSyncExternalStore.
 */
export interface LiveStore<T> {
  getSnapshot(): LiveStoreState<T>;
  subscribe(listener: () => void): () => void;
  stop(): void;
}

export type LiveStoreState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

export function startLiveStore<T>(query: () => Promise<T>): LiveStore<T> {
  let state: LiveStoreState<T> = { status: 'loading' };
  const listeners = new Set<() => void>();
  const update = (next: LiveStoreState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const subscription = liveQuery(query).subscribe({
    next: (value) => update({ status: 'ready', value }),
    error: (error: unknown) => update({ status: 'failed', error }),
  });
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => subscription.unsubscribe(),
  };
}
