import { t } from '@/lib/i18n';
import { METRIC_NAMES, type MetricName } from '@/lib/metrics/popup-metrics';

const KEY: Record<MetricName, string> = {
  'first-response-minutes': 'metricFirstResponse',
  'resolution-minutes': 'metricResolution',
  'within-sla-percent': 'metricWithinSla',
  'csat-percent': 'metricCsat',
  'churn-percent': 'metricChurn',
  'retention-percent': 'metricRetention',
  'cost-per-ticket': 'metricCostPerTicket',
};

/** The seven metrics (CONTRACT §4); a metric with nothing to average shows a dash and no value. */
export function MetricList({ metrics }: { metrics: Record<MetricName, number | undefined> }) {
  return (
    <dl className="facts metrics">
      {METRIC_NAMES.map((name) => {
        const value = metrics[name];
        return (
          <div key={name} data-testid="metric" data-metric={name} data-value={value ?? ''} style={{ display: 'contents' }}>
            <dt>{t(KEY[name])}</dt>
            <dd>{value === undefined ? '–' : value.toFixed(2)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
