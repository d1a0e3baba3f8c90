import { t } from '@/lib/i18n';

const CELL = 11;
const LEFT = 26;
// Rows in the grid are 0 = Sunday … 6 = Saturday; show Monday first.
const ORDER = [1, 2, 3, 4, 5, 6, 0];

// Built once, on first use: toLocaleDateString builds a formatter per call, and seven of them
// took ~25 ms of the popup's first render (profiled at 100k messages).
let weekdayFormat: Intl.DateTimeFormat | undefined;

function weekdayName(day: number): string {
  weekdayFormat ??= new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday: day n is n days later.
  return weekdayFormat.format(new Date(Date.UTC(2023, 0, 1 + day)));
}

/** Incoming conversations by weekday × hour: when the busy hours are. */
export function Heatmap({ grid }: { grid: number[][] }) {
  const max = Math.max(1, ...grid.flat());
  return (
    <figure className="chart" data-testid="heatmap" data-total={grid.flat().reduce((s, v) => s + v, 0)}>
      <figcaption>{t('busyHours')}</figcaption>
      <svg viewBox={`0 0 ${LEFT + 24 * CELL} ${7 * CELL + 12}`} width="100%" role="img" aria-label={t('busyHours')}>
        {ORDER.map((day, row) => (
          <g key={day}>
            <text x={0} y={row * CELL + 8} fontSize="7" fill="currentColor">
              {weekdayName(day)}
            </text>
            {grid[day].map((count, hour) => (
              <rect key={hour} x={LEFT + hour * CELL} y={row * CELL} width={CELL - 1} height={CELL - 1} fill="#1565c0" fillOpacity={count === 0 ? 0.06 : 0.2 + (0.8 * count) / max}>
                <title>{t('heatmapTooltip', weekdayName(day), hour, count)}</title>
              </rect>
            ))}
          </g>
        ))}
        {[0, 6, 12, 18].map((hour) => (
          <text key={hour} x={LEFT + hour * CELL} y={7 * CELL + 9} fontSize="7" fill="currentColor">
            {hour}
          </text>
        ))}
      </svg>
    </figure>
  );
}
