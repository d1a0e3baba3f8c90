/** The storage.local hook behind the settings and the network log: its own key only, identity kept when equal. */
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStorageValue } from '@/components/hooks/useStorageValue';
import { early } from '@/lib/early';

let reads = 0;
let answered = 0;
const readWatched = async () => {
  reads++;
  const value = { n: ((await browser.storage.local.get('watched')).watched as number | undefined) ?? 0 };
  answered++;
  return value;
};
const sameN = (a: { n: number }, b: { n: number }) => a.n === b.n;

beforeEach(async () => {
  reads = 0;
  answered = 0;
  await browser.storage.local.clear();
});
afterEach(cleanup);

describe('useStorageValue', () => {
  it('is undefined until read, then follows its own key and nothing else, and keeps an equal value', async () => {
    await browser.storage.local.set({ watched: 1 });
    const { result } = renderHook(() => useStorageValue('watched', readWatched, sameN));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual({ n: 1 }));
    const first = result.current;

    await act(() => browser.storage.local.set({ other: 'popup figures' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toBe(1);

    await act(() => browser.storage.local.set({ watched: 1, other: 'again' }));
    await waitFor(() => expect(reads).toBe(2));
    expect(result.current).toBe(first);

    await act(() => browser.storage.local.set({ watched: 2 }));
    await waitFor(() => expect(result.current).toEqual({ n: 2 }));
  });

  it('reads again when the whole area is cleared ("delete all my data")', async () => {
    await browser.storage.local.set({ watched: 5 });
    const { result } = renderHook(() => useStorageValue('watched', readWatched));
    await waitFor(() => expect(result.current).toEqual({ n: 5 }));
    await act(() => browser.storage.local.clear());
    await waitFor(() => expect(result.current).toEqual({ n: 0 }));
  });

  it('starts from an early value already there, keeps it when the read agrees, and takes the read when not', async () => {
    await browser.storage.local.set({ watched: 3 });
    const ahead = early(Promise.resolve({ n: 3 }));
    await ahead.promise;
    const { result } = renderHook(() => useStorageValue('watched', readWatched, sameN, ahead));
    expect(result.current).toBe(ahead.value);
    await waitFor(() => expect(answered).toBe(1));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(result.current).toBe(ahead.value);

    const stale = early(Promise.resolve({ n: 1 }));
    await stale.promise;
    const second = renderHook(() => useStorageValue('watched', readWatched, sameN, stale));
    expect(second.result.current).toEqual({ n: 1 });
    await waitFor(() => expect(second.result.current).toEqual({ n: 3 }));
  });

  it('ignores an early value that arrives after its own read', async () => {
    await browser.storage.local.set({ watched: 4 });
    let release!: (value: { n: number }) => void;
    const late = early(new Promise<{ n: number }>((resolve) => (release = resolve)));
    const { result } = renderHook(() => useStorageValue('watched', readWatched, sameN, late));
    await waitFor(() => expect(result.current).toEqual({ n: 4 }));
    await act(async () => release({ n: 9 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(result.current).toEqual({ n: 4 });
  });
});
