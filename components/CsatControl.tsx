import type { Conversation } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { Rating } from '@/lib/metrics/csat';
import { setCsatOptOut, setManualRating } from '@/lib/store/metrics';

const RATINGS: Rating[] = [1, 2, 3, 4, 5];

/** The conversation's satisfaction rating: read from the mail, or set here by hand. */
export function CsatControl({ conversation }: { conversation: Conversation }) {
  const rating = conversation.rating;
  return (
    <div className="row csat" data-testid="csat" data-value={rating?.value ?? ''} data-source={rating?.source ?? ''}>
      <span className="label">{t('csatLabel')}</span>
      {RATINGS.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={rating?.value === value}
          title={t('csatRate', value)}
          onClick={() => void setManualRating(conversation.id, rating?.value === value ? undefined : value)}
        >
          {value}
        </button>
      ))}
      {rating && <span className="muted">{t(rating.source === 'mail' ? 'csatFromMail' : 'csatManual')}</span>}
      <label>
        <input
          type="checkbox"
          checked={!conversation.csatOptOut}
          onChange={(e) => void setCsatOptOut(conversation.id, !e.target.checked)}
        />{' '}
        {t('csatInviteHere')}
      </label>
    </div>
  );
}
