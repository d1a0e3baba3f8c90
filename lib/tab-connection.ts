import { contentMessenger } from './messaging';
import { reportError } from './log';

/**
 * Is SoloDesk's content script alive in a mail tab? After an extension update the tab keeps its old,
 * orphaned script (without the `scripting` permission the new version cannot inject one) until the
 * tab is reloaded; the browser then says there is no receiving end.
 */
export type TabConnection = 'live' | 'detached' | 'gone';

export async function tabConnection(tabId: number): Promise<TabConnection> {
  try {
    await contentMessenger.sendMessage('ping', undefined, tabId);
    return 'live';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/No tab with id/i.test(message)) return 'gone';
    if (/Receiving end does not exist|Could not establish connection/i.test(message)) return 'detached';
    // Anything else says nothing about the tab: do not nag the user about it.
    reportError('ping', error);
    return 'live';
  }
}

/** Reloads a mail tab so the current content script attaches (tabs.reload needs no `tabs` permission). */
export async function reloadTab(tabId: number): Promise<void> {
  await browser.tabs.reload(tabId);
}
