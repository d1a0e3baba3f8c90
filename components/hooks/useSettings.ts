import { useEffect, useState } from 'react';
import { loadSettings, SETTINGS_KEY, settingsSchema, type Settings } from '@/lib/settings';

/** Settings from storage.local, kept current when the options page changes them; the defaults until read. */
export function useSettings(): Settings {
  return useStoredSettings() ?? DEFAULTS;
}

const DEFAULTS = settingsSchema.parse({});

/** The stored settings, or undefined until they are read (for figures the defaults would get wrong). */
export function useStoredSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      loadSettings().then((s) => {
        // The same object while nothing changed: figures keyed on the settings are not recomputed.
        if (!cancelled) setSettings((old) => (old && JSON.stringify(old) === JSON.stringify(s) ? old : s));
      });
    void refresh();
    // Only the settings' own key: the popup's cached figures live in the same storage area.
    const onChanged = (changes: Record<string, unknown>) => {
      if (SETTINGS_KEY in changes) void refresh();
    };
    browser.storage.local.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}
