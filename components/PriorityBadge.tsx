import type { StoredTriage } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import { QUEUE_OF } from '@/lib/triage/priority';
import { describeReason } from '@/lib/triage/signals';

const QUEUE_LABEL = { fast: 'queueFast', expert: 'queueExpert', normal: 'queueNormal' } as const;

export function PriorityBadge({ triage }: { triage: StoredTriage }) {
  const locale = uiLocale();
  return (
    <section
      className={`priority priority-${triage.priority}`}
      data-testid="priority"
      data-priority={triage.priority}
      data-urgency={triage.urgency}
      data-importance={triage.importance}
    >
      <div className="priority-head">
        <strong className="priority-badge">{triage.priority}</strong>
        <span>{t(QUEUE_LABEL[QUEUE_OF[triage.priority]])}</span>
        <span className="muted">
          {t(triage.urgency === 'high' ? 'urgencyHigh' : 'urgencyLow')} · {t(triage.importance === 'high' ? 'importanceHigh' : 'importanceLow')}
        </span>
      </div>
      {triage.reasons.length > 0 && (
        <ul className="reasons">
          {triage.reasons.map((code) => (
            <li key={code} data-reason={code}>
              {describeReason(code, locale)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
