import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeMutations } from '@/lib/mail/observe';

/** Mutation bursts in virtual time: when the callback runs is the behaviour under test. */
describe('observeMutations', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    document.body.innerHTML = '<div id="root"></div>';
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const root = () => document.getElementById('root')!;
  const mutate = async () => {
    root().append(document.createElement('p'));
    await Promise.resolve(); // the observer's callback runs as a microtask
  };

  it('runs once after the burst is quiet for debounceMs (trailing only by default)', async () => {
    const calls: number[] = [];
    observeMutations(root(), controller.signal, () => calls.push(Date.now()), { debounceMs: 25 });
    const start = Date.now();
    await mutate();
    await vi.advanceTimersByTimeAsync(10);
    await mutate();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(25);
    expect(calls).toEqual([start + 35]); // 25 ms after the second mutation
  });

  it('with debounceMs 0, calls back from the observer itself, once per batch of mutations', async () => {
    const calls: number[] = [];
    observeMutations(root(), controller.signal, () => calls.push(Date.now()), { debounceMs: 0 });
    root().append(document.createElement('p'), document.createElement('p'));
    await Promise.resolve();
    expect(calls).toHaveLength(1); // no timer needed
    await mutate();
    expect(calls).toHaveLength(2);
  });

  it('stops on abort, including a pending call', async () => {
    const calls: number[] = [];
    observeMutations(root(), controller.signal, () => calls.push(Date.now()), { debounceMs: 25 });
    await mutate();
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    await mutate();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([]);
  });
});
