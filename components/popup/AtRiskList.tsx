import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import { atRiskList } from '@/lib/store/customers';

/** Valuable customers who may be slipping away, most valuable first. */
export function AtRiskList() {
  const list = useLiveQuery(() => atRiskList(), []);
  if (!list || list.length === 0) return null;
  return (
    <section data-testid="at-risk" data-count={list.length}>
      <h2>{t('atRiskTitle')}</h2>
      <ul>
        {list.slice(0, 8).map((c) => (
          <li key={c.email} data-testid="at-risk-customer" data-email={c.email} data-reason={c.reason}>
            {c.name || c.email} <span className="muted">· {t(`tier_${c.tier}`)} · {c.clv.toFixed(2)} · </span>
            {c.reason === 'inactive' ? t('atRiskInactive', Math.round((c.pAlive ?? 0) * 100)) : t('atRiskNegative')}
          </li>
        ))}
      </ul>
    </section>
  );
}
