import type { WeekBucket } from '@/lib/metrics/metrics';
import { t } from '@/lib/i18n';

const W = 280;
const H = 80;

/** Conversations created (bars) and resolved (line) per week, as inline SVG. */
export function TrendChart({ weeks }: { weeks: WeekBucket[] }) {
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.created, w.resolved)));
  const step = W / Math.max(1, weeks.length);
  const y = (v: number) => H - (v / max) * (H - 12);
  const line = weeks.map((w, i) => `${i * step + step / 2},${y(w.resolved)}`).join(' ');
  return (
    <figure className="chart" data-testid="trend-chart" data-weeks={weeks.length}>
      <figcaption>{t('weeklyTrend')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 14}`} width="100%" role="img" aria-label={t('weeklyTrend')}>
        {weeks.map((w, i) => (
          <g key={w.weekStart}>
            <rect x={i * step + 2} y={y(w.created)} width={step - 4} height={H - y(w.created)} fill="#90caf9">
              <title>{t('trendTooltip', w.weekStart, w.created, w.resolved)}</title>
            </rect>
            <text x={i * step + step / 2} y={H + 11} fontSize="8" textAnchor="middle" fill="currentColor">
              {w.weekStart.slice(5)}
            </text>
          </g>
        ))}
        {weeks.length > 1 && <polyline points={line} fill="none" stroke="#2e7d32" strokeWidth="2" />}
      </svg>
      <p className="muted legend">{t('trendLegend')}</p>
    </figure>
  );
}
