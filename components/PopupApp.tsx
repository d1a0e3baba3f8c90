import { PRIORITIES } from '@/lib/categories';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { openSidePanel } from '@/lib/side-panel';
import { allConversationRecords } from '@/lib/store/metrics';
import { slaSettingsOf } from '@/lib/metrics/popup-figures';
import { useLiveStore } from './hooks/useLiveStore';
import { usePopupData } from './hooks/usePopupData';
import { useStoredSettings } from './hooks/useSettings';
import { AtRiskList } from './popup/AtRiskList';
import { Heatmap } from './popup/Heatmap';
import { MetricList } from './popup/MetricList';
import { PERIOD_DAYS, type PopupReads } from './popup/reads';
import { TrendChart } from './popup/TrendChart';
import { conversationsCsv, download, metricsCsv } from './popup/export-csv';

function openPanel() {
  void browser.windows
    .getCurrent()
    .then((win) => openSidePanel(win.id))
    .then(() => window.close());
}

/** Every conversation, not only the period's: read on demand, the popup itself needs a month. */
async function exportConversations(settings: Settings, stamp: string): Promise<void> {
  const records = await allConversationRecords(slaSettingsOf(settings));
  download(`solodesk-conversations-${stamp}.csv`, conversationsCsv(records));
}

/** The popup: queue counts and the period's figures, from reads the page started (popup/reads.ts). */
export function PopupApp({ reads }: { reads: PopupReads }) {
  const countsState = useLiveStore(reads.counts);
  const rowsState = useLiveStore(reads.rows);
  const counts = countsState.status === 'ready' ? countsState.value : undefined;
  const settings = useStoredSettings(reads.settings);
  const figures = usePopupData(rowsState.status === 'ready' ? rowsState.value : undefined, settings, PERIOD_DAYS);
  const data = figures?.data;
  const failed = [countsState, rowsState].find((state) => state.status === 'failed');
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <main className="panel popup">
      <h1>{t('popupTitle')}</h1>
      <div className="queues">
        {/* No queue-count element before the counts are read: a 0 shown while loading would be a lie. */}
        {counts
          ? PRIORITIES.map((p) => (
              <div key={p} className={`queue priority-${p}`} data-testid="queue-count" data-priority={p} data-count={counts[p]}>
                <strong>{p}</strong> <span>{counts[p]}</span>
              </div>
            ))
          : <span className="muted">…</span>}
      </div>
      <button type="button" onClick={openPanel}>
        {t('openPanel')}
      </button>
      <h2>{t('metricsTitle', PERIOD_DAYS)}</h2>
      {failed && (
        <p className="error" role="alert" data-testid="popup-error">
          {t('popupReadFailed', String(failed.error instanceof Error ? failed.error.message : failed.error))}
        </p>
      )}
      {data ? (
        <>
          {figures && !figures.fresh && (
            <p className="muted" data-testid="metrics-updating">
              {t('metricsUpdating', new Date(figures.computedAt).toLocaleString())}
            </p>
          )}
          <MetricList metrics={data.metrics} />
          <TrendChart weeks={data.trend} />
          <Heatmap grid={data.heatmap} />
          <AtRiskList />
          <div className="actions">
            <button type="button" data-testid="export-conversations" disabled={!settings} onClick={() => settings && void exportConversations(settings, stamp)}>
              {t('exportConversations')}
            </button>
            <button
              type="button"
              data-testid="export-metrics"
              onClick={() => download(`solodesk-metrics-${stamp}.csv`, metricsCsv(data.metrics, new Date(Date.now() - PERIOD_DAYS * 86_400_000), new Date()))}
            >
              {t('exportMetrics')}
            </button>
          </div>
        </>
      ) : (
        <p className="muted">{t('panelLoading')}</p>
      )}
    </main>
  );
}
