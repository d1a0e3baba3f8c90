import { useEffect, useState } from 'react';
import { loadSettings, settingsSchema, type Settings } from '@/lib/settings';

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
        if (!cancelled) setSettings(s);
      });
    void refresh();
    const onChanged = () => void refresh();
    browser.storage.local.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}
