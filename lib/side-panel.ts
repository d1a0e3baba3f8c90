import { reportError } from './log';

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
  setOptions(options: { path?: string; enabled?: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

/**
 * Opens the side panel (Chrome `sidePanel`) or sidebar (Firefox `sidebarAction`). Both only work
 * inside the handler of a user action (a command, a click in the popup).
 */
export async function openSidePanel(windowId: number | undefined, path = 'sidepanel.html'): Promise<void> {
  const api = globalThis as { chrome?: { sidePanel?: ChromeSidePanel }; browser?: { sidebarAction?: FirefoxSidebar } };
  const sidePanel = api.chrome?.sidePanel;
  if (sidePanel && windowId !== undefined) {
    // Not awaited: open() must run in the same turn as the user's gesture.
    sidePanel.setOptions({ path }).catch((error: unknown) => reportError('sidepanel', error));
    await sidePanel.open({ windowId }).catch((error: unknown) => reportError('sidepanel', error));
    return;
  }
  await api.browser?.sidebarAction?.open().catch((error: unknown) => reportError('sidebar', error));
}
