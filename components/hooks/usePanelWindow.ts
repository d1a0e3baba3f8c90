import { useEffect, useState } from 'react';

/**
 * The window whose conversations the panel follows: its own window when it is a side panel,
 * `undefined` (any window) when it was opened as an ordinary tab. `null` while unknown.
 */
export function usePanelWindow(): number | undefined | null {
  const [windowId, setWindowId] = useState<number | undefined | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tab = await browser.tabs.getCurrent();
      const id = tab ? undefined : (await browser.windows.getCurrent()).id;
      if (!cancelled) setWindowId(id);
    })().catch(() => {
      if (!cancelled) setWindowId(undefined);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return windowId;
}
