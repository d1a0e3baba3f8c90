import { useLiveQuery } from 'dexie-react-hooks';
import { readKbIndexStatus } from '@/lib/store/kb-index';
import { t } from '@/lib/i18n';

/** Whether the background is re-indexing the knowledge base after a change, and how long it took. */
export function KbIndexStatus() {
  const status = useLiveQuery(readKbIndexStatus, []);
  if (!status) return null;
  return (
    <p className="muted" role="status" data-testid="kb-index-status" data-state={status.running ? 'running' : 'ok'}>
      {status.running ? (
        <>
          <progress /> {t('kbIndexRunning', status.articles)}
        </>
      ) : (
        t('kbIndexDone', status.articles, status.ms ?? 0)
      )}
    </p>
  );
}
