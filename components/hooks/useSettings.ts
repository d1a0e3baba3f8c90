import { useEffect, useState } from 'react';
import { loadSettings, settingsSchema, type Settings } from '@/lib/settings';

/** Settings from storage.local, kept current when the options page changes them. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(() => settingsSchema.parse({}));
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
