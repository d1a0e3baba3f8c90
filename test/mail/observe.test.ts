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

  it('with leading, also runs right after the task that started the burst, and once more at its end', async () => {
    const calls: number[] = [];
    observeMutations(root(), controller.signal, () => calls.push(Date.now()), { debounceMs: 25, leading: true });
    const start = Date.now();
    await mutate();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([start]);
    await vi.advanceTimersByTimeAsync(10);
    await mutate(); // same burst: no second leading call
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toEqual([start]);
    await vi.advanceTimersByTimeAsync(25);
    expect(calls).toEqual([start, start + 35]);
    // A new burst after the quiet time leads again.
    await mutate();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(3);
  });

  it('stops on abort, including a pending leading call', async () => {
    const calls: number[] = [];
    observeMutations(root(), controller.signal, () => calls.push(Date.now()), { debounceMs: 25, leading: true });
    await mutate();
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    await mutate();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([]);
  });
});
