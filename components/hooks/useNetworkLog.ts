import { useEffect, useState } from 'react';
import { NETWORK_LOG_KEY, readNetworkLog, type NetworkLog } from '@/lib/network-log';

/** The network log from storage.local, kept current as the background records requests; undefined while loading. */
export function useNetworkLog(): NetworkLog | undefined {
  const [log, setLog] = useState<NetworkLog>();
  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      readNetworkLog().then((next) => {
        if (!cancelled) setLog(next);
      });
    void refresh();
    // Also fires on storage.local.clear() ("delete all my data"), which removes the log.
    const onChanged = (changes: Record<string, unknown>) => {
      if (NETWORK_LOG_KEY in changes) void refresh();
    };
    browser.storage.local.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, []);
  return log;
}
