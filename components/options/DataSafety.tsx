import { useState } from 'react';
import { t } from '@/lib/i18n';
import { createBackup, deleteAllData } from '@/lib/store/backup';
import { downloadFile } from '../download';
import { NetworkActivity } from './NetworkActivity';

/**
 * One-file backup of everything, "delete all my data" (restore goes through the import input), and
 * the record of everything the extension ever fetched.
 */
export function DataSafety() {
  const [confirming, setConfirming] = useState(false);
  // Deleting waits for the background's open reads of the same tables, which can take a second.
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);

  const backup = async () => {
    const data = await createBackup();
    downloadFile(`solodesk-backup-${data.exportedAt.slice(0, 10)}.json`, [JSON.stringify(data)], 'application/json');
  };

  const remove = async () => {
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setDeleting(true);
    try {
      await deleteAllData();
      await browser.storage.local.clear();
      setDeleted(true);
    } finally {
      setConfirming(false);
      setDeleting(false);
    }
  };

  return (
    <section className="settings">
      <h2>{t('dataTitle')}</h2>
      <p className="muted">{t('dataHint')}</p>
      <div className="row">
        <button type="button" data-testid="backup" onClick={() => void backup()}>{t('dataBackup')}</button>
        <button type="button" data-testid="delete-all" className={confirming ? 'danger' : undefined} disabled={deleting} onClick={() => void remove()}>
          {confirming ? t('dataDeleteConfirm') : t('dataDelete')}
        </button>
        {deleted && <span className="ok" role="status">{t('dataDeleted')}</span>}
      </div>
      <NetworkActivity />
    </section>
  );
}
