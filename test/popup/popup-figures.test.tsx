/**
 * The popup with a store too large to answer at once: the last figures are shown, marked as
 * updating, until the fresh ones arrive. The rows are held back at the module boundary (the fresh
 * figures "take seconds" for as long as the test keeps the promise pending), and the figures of
 * each row set are the test's own.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopupData, PopupRows } from '@/lib/metrics/popup-figures';
import { loadCachedPopupData, saveCachedPopupData } from '@/lib/store/popup-cache';

const pending: Array<(rows: PopupRows) => void> = [];
let failWith: Error | undefined;
const figuresOf = new Map<PopupRows, PopupData>();
vi.mock('@/lib/store/metrics', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/store/metrics')>()),
  readPopupRows: () => (failWith ? Promise.reject(failWith) : new Promise<PopupRows>((resolve) => pending.push(resolve))),
}));
vi.mock('@/lib/metrics/popup-figures', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/metrics/popup-figures')>()),
  popupFigures: (rows: PopupRows) => figuresOf.get(rows),
}));

const { PopupApp } = await import('@/components/PopupApp');
const { startPopupReads } = await import('@/components/popup/reads');

function figures(firstResponse: number): PopupData {
  return {
    metrics: {
      'first-response-minutes': firstResponse,
      'resolution-minutes': 90,
      'within-sla-percent': 80,
      'csat-percent': 100,
      'churn-percent': 5,
      'retention-percent': 95,
      'cost-per-ticket': 2.5,
    },
    trend: [],
    heatmap: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0)),
  };
}

/** Rows whose figures are `data`. */
function rowsFor(data: PopupData): PopupRows {
  const rows: PopupRows = { now: new Date(), days: 30, recent: { facts: [] }, retention: { initial: 0, retained: 0, churned: 0 } };
  figuresOf.set(rows, data);
  return rows;
}

const firstResponse = () => screen.getAllByTestId('metric').find((m) => m.dataset.metric === 'first-response-minutes')?.dataset.value;

let reads: ReturnType<typeof startPopupReads>;
beforeEach(async () => {
  pending.length = 0;
  failWith = undefined;
  await browser.storage.local.clear();
  reads = startPopupReads();
});
afterEach(() => {
  reads.stop();
  cleanup();
});

describe('popup figures on a slow store', () => {
  it('shows the last figures, marked as updating, then replaces them with the fresh ones and keeps those', async () => {
    await saveCachedPopupData(30, figures(12), Date.UTC(2026, 10, 20));
    render(<PopupApp reads={reads} />);
    await waitFor(() => expect(firstResponse()).toBe('12'));
    expect(screen.getByTestId('metrics-updating')).toBeTruthy();

    await waitFor(() => expect(pending.length).toBeGreaterThan(0));
    pending.at(-1)!(rowsFor(figures(7)));
    await waitFor(() => expect(firstResponse()).toBe('7'));
    expect(screen.queryByTestId('metrics-updating')).toBeNull();
    await waitFor(async () => expect((await loadCachedPopupData(30))?.data.metrics['first-response-minutes']).toBe(7));
    // Saving them (in the storage area the settings live in) must not start the figures over.
    const calls = pending.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(pending.length).toBe(calls);
    expect(firstResponse()).toBe('7');
    expect(screen.queryByTestId('metrics-updating')).toBeNull();
  });

  it('shows nothing rather than a guess when there are no last figures yet', async () => {
    render(<PopupApp reads={reads} />);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryAllByTestId('metric')).toHaveLength(0);
  });
});

describe('popup figures when the store cannot be read', () => {
  it('says so instead of showing nothing', async () => {
    reads.stop();
    failWith = new Error('the disk is gone');
    reads = startPopupReads();
    render(<PopupApp reads={reads} />);
    expect((await screen.findByTestId('popup-error')).textContent).toContain('the disk is gone');
    expect(screen.queryAllByTestId('metric')).toHaveLength(0);
  });
});

describe('popup figures cache', () => {
  it('ignores figures of another period and damaged entries', async () => {
    await saveCachedPopupData(7, figures(1));
    expect(await loadCachedPopupData(30)).toBeUndefined();
    await browser.storage.local.set({ popupFigures: { days: 30, computedAt: 1, data: { metrics: 'x' } } });
    expect(await loadCachedPopupData(30)).toBeUndefined();
    await browser.storage.local.set({ popupFigures: 'garbage' });
    expect(await loadCachedPopupData(30)).toBeUndefined();
  });
});
