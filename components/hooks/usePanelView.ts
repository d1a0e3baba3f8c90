import { useLiveQuery } from 'dexie-react-hooks';
import { loadPanelView, type PanelView } from '@/lib/store/panel-view';
import { usePanelWindow } from './usePanelWindow';

/** The side panel's data, live. `undefined` while loading. */
export function usePanelView(): PanelView | undefined {
  const windowId = usePanelWindow();
  return useLiveQuery(async () => (windowId === null ? undefined : loadPanelView(windowId)), [windowId]);
}
