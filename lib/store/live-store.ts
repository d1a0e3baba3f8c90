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

/**
 * A value read before the live query answers (the popup's prefetch), shown until it does. When
 * the query's first answer is `same` as it, the early value stays, so nothing depending on it is
 * recomputed; otherwise the answer replaces it. One that comes after the answer is dropped.
 */
export interface EarlyValue<T> {
  promise: Promise<T | undefined>;
  same(early: T, answer: T): boolean;
}

export function startLiveStore<T>(query: () => Promise<T>, early?: EarlyValue<T>): LiveStore<T> {
  let state: LiveStoreState<T> = { status: 'loading' };
  let answered = false;
  let stopped = false;
  const listeners = new Set<() => void>();
  const update = (next: LiveStoreState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  early?.promise.then(
    (value) => {
      if (!answered && !stopped && value !== undefined) update({ status: 'ready', value });
    },
    () => {},
  );
  const subscription = liveQuery(query).subscribe({
    next: (value) => {
      const first = !answered;
      answered = true;
      if (first && early && state.status === 'ready' && early.same(state.value, value)) return;
      update({ status: 'ready', value });
    },
    error: (error: unknown) => {
      answered = true;
      update({ status: 'failed', error });
    },
  });
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      stopped = true;
      subscription.unsubscribe();
    },
  };
}
