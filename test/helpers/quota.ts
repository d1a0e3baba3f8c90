import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach } from 'vitest';

/**
 * Makes IndexedDB behave like a disk that fills up: after `allowed` more writes, every put/add on
 * any object store throws the DOMException a browser throws when the origin's quota is exhausted.
 * Patched on fake-indexeddb's object store, the edge of the world below Dexie.
 */
const original = { put: IDBObjectStore.prototype.put, add: IDBObjectStore.prototype.add };

export function fillStorageAfter(allowed: number): void {
  let left = allowed;
  const guarded = (write: typeof original.put) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof original.put>) {
      if (left <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      left -= 1;
      return write.apply(this, args);
    };
  IDBObjectStore.prototype.put = guarded(original.put);
  IDBObjectStore.prototype.add = guarded(original.add);
}

export function freeStorage(): void {
  IDBObjectStore.prototype.put = original.put;
  IDBObjectStore.prototype.add = original.add;
}

afterEach(freeStorage);
