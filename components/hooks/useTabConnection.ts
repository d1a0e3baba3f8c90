import { useEffect, useState } from 'react';
import { tabConnection, type TabConnection } from '@/lib/tab-connection';

/**
 * Whether the tab of the shown opening still runs a live content script, asked again for every
 * new opening (`openingId`). `undefined` while asking or when there is no tab.
 */
export function useTabConnection(tabId: number | undefined, openingId: number | undefined): TabConnection | undefined {
  const [state, setState] = useState<TabConnection | undefined>();
  useEffect(() => {
    setState(undefined);
    if (tabId === undefined) return;
    let cancelled = false;
    void tabConnection(tabId).then((result) => {
      if (!cancelled) setState(result);
    });
    return () => {
      cancelled = true;
    };
  }, [tabId, openingId]);
  return state;
}
