import { t } from '@/lib/i18n';
import { ConversationView } from './ConversationView';
import { LayoutNotice } from './LayoutNotice';
import { usePanelView } from './hooks/usePanelView';
import { useSettings } from './hooks/useSettings';

export function SidePanelApp() {
  const view = usePanelView();
  const settings = useSettings();
  if (view === undefined) return <p className="muted">{t('panelLoading')}</p>;
  const { opening, conversation } = view;
  return (
    <main className="panel">
      {view.layoutMiss && <LayoutNotice />}
      {opening && conversation ? (
        <ConversationView view={{ ...view, opening, conversation }} settings={settings} />
      ) : (
        !view.layoutMiss && <p className="muted">{t('panelEmpty')}</p>
      )}
    </main>
  );
}
