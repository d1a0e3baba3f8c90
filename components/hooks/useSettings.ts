import { loadSettings, SETTINGS_KEY, settingsSchema, type Settings } from '@/lib/settings';
import type { Early } from '@/lib/early';
import { measured } from '@/lib/timing';
import { useStorageValue } from './useStorageValue';

/** Settings from storage.local, kept current when the options page changes them; the defaults until read. */
export function useSettings(): Settings {
  return useStoredSettings() ?? DEFAULTS;
}

const DEFAULTS = settingsSchema.parse({});

const readSettings = () => measured('settings', loadSettings);

const sameSettings = (old: Settings, next: Settings) => JSON.stringify(old) === JSON.stringify(next);

/**
 * The stored settings, or undefined until they are read (for figures the defaults would get
 * wrong). The same object while nothing changed: figures keyed on the settings are not recomputed.
 */
export function useStoredSettings(early?: Early<Settings>): Settings | undefined {
  return useStorageValue(SETTINGS_KEY, readSettings, sameSettings, early);
}
