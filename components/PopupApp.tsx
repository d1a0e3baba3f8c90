import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import { openCountsByPriority, PRIORITIES } from '@/lib/store/queue';

function openPanel() {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome;
  void browser.windows.getCurrent().then((win) => {
    if (chromeApi?.sidePanel && win.id !== undefined) return chromeApi.sidePanel.open({ windowId: win.id }).then(() => window.close());
  });
}

export function PopupApp() {
  const counts = useLiveQuery(openCountsByPriority, []);
  return (
    <main className="panel popup">
      <h1>{t('popupTitle')}</h1>
      <div className="queues">
        {PRIORITIES.map((p) => (
          <div key={p} className={`queue priority-${p}`} data-testid="queue-count" data-priority={p} data-count={counts?.[p] ?? 0}>
            <strong>{p}</strong> <span>{counts?.[p] ?? '…'}</span>
          </div>
        ))}
      </div>
      <button type="button" onClick={openPanel}>
        {t('openPanel')}
      </button>
    </main>
  );
}
