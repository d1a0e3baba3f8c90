/** The storage.local hook behind the settings and the network log: its own key only, identity kept when equal. */
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStorageValue } from '@/components/hooks/useStorageValue';

let reads = 0;
const readWatched = async () => {
  reads++;
  return { n: ((await browser.storage.local.get('watched')).watched as number | undefined) ?? 0 };
};
const sameN = (a: { n: number }, b: { n: number }) => a.n === b.n;

beforeEach(async () => {
  reads = 0;
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
});
