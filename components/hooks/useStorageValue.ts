import { useEffect, useState } from 'react';

/**
 * A value kept in storage.local, read once and again whenever its own key changes (other keys of
 * the area, such as the popup's cached figures, do not wake it; storage.local.clear() does).
 * Undefined until first read. With `same`, an equal value read again keeps the old identity, so
 * what depends on it is not recomputed. `read` must be stable (a module-level function).
 */
export function useStorageValue<T>(key: string, read: () => Promise<T>, same?: (old: T, next: T) => boolean): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      read().then((next) => {
        if (!cancelled) setValue((old) => (old !== undefined && same?.(old, next) ? old : next));
      });
    void refresh();
    const onChanged = (changes: Record<string, unknown>) => {
      if (key in changes) void refresh();
    };
    browser.storage.local.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, [key, read, same]);
  return value;
}
