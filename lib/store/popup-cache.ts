import type { PopupData } from '../metrics/popup-figures';

/**
 * The popup's last computed figures, kept in extension storage (not IndexedDB, so showing them
 * costs one small read). With a large history the fresh figures take seconds to read; the popup
 * shows these meanwhile, marked as updating. "Delete all my data" clears extension storage too.
 */

const KEY = 'popupFigures';

export interface CachedPopupData {
  days: number;
  computedAt: number;
  data: PopupData;
}

export async function saveCachedPopupData(days: number, data: PopupData, now = Date.now()): Promise<void> {
  const entry: CachedPopupData = { days, computedAt: now, data };
  await browser.storage.local.set({ [KEY]: entry });
}

function isPopupData(value: unknown): value is PopupData {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.metrics === 'object' && v.metrics !== null && Array.isArray(v.trend) && Array.isArray(v.heatmap);
}

/** The last figures for a period of `days` days, or undefined (none yet, another period, damaged). */
export async function loadCachedPopupData(days: number): Promise<CachedPopupData | undefined> {
  const entry = (await browser.storage.local.get(KEY))[KEY] as Partial<CachedPopupData> | undefined;
  if (!entry || entry.days !== days || typeof entry.computedAt !== 'number' || !isPopupData(entry.data)) return undefined;
  return { days, computedAt: entry.computedAt, data: entry.data };
}
