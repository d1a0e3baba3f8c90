import { useSyncExternalStore } from 'react';
import type { LiveStore, LiveStoreState } from '@/lib/store/live-store';

/** A live store's latest state: loading until its first read, then ready (or failed) as it changes. */
export function useLiveStore<T>(store: LiveStore<T>): LiveStoreState<T> {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
