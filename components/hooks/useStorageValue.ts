import { useEffect, useState } from 'react';
import type { Early } from '@/lib/early';

/**
 * A value kept in storage.local, read once and again whenever its own key changes (other keys of
 * the area, such as the popup's cached figures, do not wake it; storage.local.clear() does).
 * Undefined until first read. With `same`, an equal value read again keeps the old identity, so
 * what depends on it is not recomputed. `read` must be stable (a module-level function).
 * `early` is a value read before the page rendered (the popup's prefetch). If it is there by the
 * first render, that render uses it; if it comes later but before this hook's own first read, it
 * is shown until that read answers; if it comes after, it is ignored.
 */
export function useStorageValue<T>(key: string, read: () => Promise<T>, same?: (old: T, next: T) => boolean, early?: Early<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => early?.value);
  useEffect(() => {
    let cancelled = false;
    let answered = false;
    const apply = (next: T) => setValue((old) => (old !== undefined && same?.(old, next) ? old : next));
    const refresh = () =>
      read().then((next) => {
        answered = true;
        if (!cancelled) apply(next);
      });
    early?.promise.then((next) => !cancelled && !answered && next !== undefined && apply(next)).catch(() => {});
    void refresh();
    const onChanged = (changes: Record<string, unknown>) => {
      if (key in changes) void refresh();
    };
    browser.storage.local.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, [key, read, same, early]);
  return value;
}
