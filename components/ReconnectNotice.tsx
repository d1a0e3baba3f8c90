import { useState } from 'react';
import { t } from '@/lib/i18n';
import { reportError } from '@/lib/log';
import { reloadTab } from '@/lib/tab-connection';

/** The mail tab still runs the script of the previous SoloDesk version: offer to reload it. */
export function ReconnectNotice({ tabId }: { tabId: number }) {
  const [reloading, setReloading] = useState(false);
  const reload = () => {
    setReloading(true);
    reloadTab(tabId).catch((error: unknown) => {
      setReloading(false);
      reportError('reconnect', error);
    });
  };
  return (
    <div className="notice" role="alert" data-testid="reconnect-tab">
      <p>{t('reconnectTab')}</p>
      <button type="button" data-testid="reconnect-tab-reload" disabled={reloading} onClick={reload}>
        {t('reconnectTabReload')}
      </button>
    </div>
  );
}
