import { t } from '@/lib/i18n';
import { ConversationView } from './ConversationView';
import { LayoutNotice } from './LayoutNotice';
import { ReconnectNotice } from './ReconnectNotice';
import { StorageFullNotice } from './StorageFullNotice';
import { usePanelView } from './hooks/usePanelView';
import { useSettings } from './hooks/useSettings';
import { useStorageFull } from './hooks/useStorageFull';
import { useTabConnection } from './hooks/useTabConnection';
import { useTriageRecovery } from './hooks/useTriageRecovery';

export function SidePanelApp() {
  const view = usePanelView();
  const settings = useSettings();
  const storageFull = useStorageFull();
  const connection = useTabConnection(view?.opening?.tabId, view?.opening?.id);
  useTriageRecovery(view?.conversation);
  if (view === undefined) return <p className="muted">{t('panelLoading')}</p>;
  const { opening, conversation } = view;
  return (
    <main className="panel">
      {storageFull && <StorageFullNotice />}
      {opening && connection === 'detached' && <ReconnectNotice tabId={opening.tabId} />}
      {view.layoutMiss && <LayoutNotice />}
      {opening && conversation ? (
        <ConversationView view={{ ...view, opening, conversation }} settings={settings} />
      ) : (
        !view.layoutMiss && <p className="muted">{t('panelEmpty')}</p>
      )}
    </main>
  );
}
