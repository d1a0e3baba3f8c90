import { useLiveQuery } from 'dexie-react-hooks';
import type { Conversation } from '@/lib/db';
import { t } from '@/lib/i18n';
import { mailPageUrl } from '@/lib/sender';
import { customerCard } from '@/lib/store/customers';

const money = (v: number): string => v.toFixed(2);
const day = (iso: string | number | undefined): string => (iso === undefined ? '–' : new Date(iso).toLocaleDateString());

/** Who is writing and what they are worth (CONTRACT §4 `clv`, §6). */
export function CustomerCard({ conversation }: { conversation: Conversation }) {
  const card = useLiveQuery(
    () => customerCard(conversation.customerEmail, conversation.id),
    [conversation.customerEmail, conversation.id],
  );
  if (!card) return null;
  return (
    <section className="customer-card">
      <div className="row">
        <span data-testid="clv" data-value={money(card.clv)} data-tier={card.tier}>
          <span className="label">{t('clv')}</span> {money(card.clv)} · <strong>{t(`tier_${card.tier}`)}</strong>
        </span>
      </div>
      <dl className="facts">
        {card.name && (
          <>
            <dt>{t('customerName')}</dt>
            <dd>{card.name}</dd>
          </>
        )}
        <dt>{t('ordersCount')}</dt>
        <dd data-testid="customer-orders" data-count={card.orders}>{card.orders}</dd>
        <dt>{t('totalSpend')}</dt>
        <dd>{money(card.totalSpend)}</dd>
        <dt>{t('averageOrderValue')}</dt>
        <dd>{money(card.aov)}</dd>
        <dt>{t('firstLastOrder')}</dt>
        <dd>
          {day(card.firstOrderAt)} – {day(card.lastOrderAt)}
        </dd>
        {card.behaviour && (
          <>
            <dt>{t('probabilityActive')}</dt>
            <dd data-testid="p-alive" data-value={card.behaviour.pAlive.toFixed(3)}>
              {Math.round(card.behaviour.pAlive * 100)} %
            </dd>
            <dt>{t('expectedPurchases')}</dt>
            <dd>{card.behaviour.expectedPurchasesNextYear.toFixed(2)}</dd>
            <dt>{t('predictiveClv')}</dt>
            <dd>{money(card.behaviour.predictiveClv)}</dd>
          </>
        )}
        <dt>{t('lastRating')}</dt>
        <dd>{card.lastRating ? `${card.lastRating.value}/5` : '–'}</dd>
      </dl>
      {card.pastConversations.length > 0 && (
        <details>
          <summary>{t('pastConversations', card.pastConversations.length)}</summary>
          <ul data-testid="past-conversations">
            {card.pastConversations.slice(0, 10).map((c) => {
              const link = mailPageUrl(c.url);
              return (
                <li key={c.id}>
                  {link ? (
                    <a href={link} target="_blank" rel="noreferrer">
                      {c.subject}
                    </a>
                  ) : (
                    c.subject
                  )}{' '}
                  <span className="muted">
                    {day(c.lastMessageAt)} · {t(`state_${c.state}`)}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
