import { t } from '@/lib/i18n';
import type { NetworkLogEntry } from '@/lib/network-log';
import { useNetworkLog } from '../hooks/useNetworkLog';

/** Everything the extension ever fetched, newest first; each request is listed before it is sent. */
export function NetworkActivity() {
  const log = useNetworkLog();
  const entries = log ? [...log.entries].reverse() : [];
  return (
    <div data-testid="network-log" data-count={log ? log.entries.length + log.dropped : undefined}>
      <h3>{t('networkTitle')}</h3>
      {log && entries.length === 0 && <p data-testid="network-log-empty">{t('networkNever')}</p>}
      {entries.length > 0 && (
        <table>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="network-log-entry" data-url={entry.url} data-state={stateOf(entry)}>
                <td>{new Date(entry.at).toLocaleString()}</td>
                <td className="network-url">{entry.url}</td>
                <td className={entry.ok === false ? 'error' : entry.ok ? 'ok' : 'muted'}>{outcome(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log && log.dropped > 0 && <p className="muted">{t('networkDropped', log.dropped)}</p>}
    </div>
  );
}

function stateOf(entry: NetworkLogEntry): 'ok' | 'failed' | 'pending' {
  return entry.ok === undefined ? 'pending' : entry.ok ? 'ok' : 'failed';
}

function outcome(entry: NetworkLogEntry): string {
  const state = stateOf(entry);
  if (state === 'pending') return t('networkPending');
  const detail = entry.status !== undefined ? `HTTP ${entry.status}` : (entry.error ?? '');
  const size = entry.bytes !== undefined ? ` · ${t('networkBytes', (entry.bytes / 1e6).toFixed(2))}` : '';
  return `${t(state === 'ok' ? 'networkOk' : 'networkFailed')} (${detail})${size}`;
}
