import { CATEGORY_IDS } from '@/lib/categories';
import type { StoredTriage } from '@/lib/db';
import { t } from '@/lib/i18n';
import { backgroundMessenger } from '@/lib/messaging';
import { reportError } from '@/lib/log';

export function categoryLabel(id: string): string {
  // Message keys allow only [A-Za-z0-9_], category ids use '-'.
  const key = `cat_${id.replace(/-/g, '_')}`;
  const label = t(key);
  return label === key ? id : label;
}

export function CategoryControl({ conversationId, triage }: { conversationId: string; triage: StoredTriage }) {
  const category = triage.correctedCategory ?? triage.category;
  const confidence = triage.correctedCategory ? 1 : triage.confidence;
  const options = (CATEGORY_IDS as readonly string[]).includes(category) ? CATEGORY_IDS : [...CATEGORY_IDS, category];
  return (
    <div className="row" data-testid="category" data-category={category} data-confidence={confidence.toFixed(3)}>
      <label>
        <span className="label">{t('category')}</span>
        <select
          data-testid="correct-category"
          aria-label={t('correctCategory')}
          value={category}
          onChange={(event) => {
            backgroundMessenger
              .sendMessage('correctCategory', { conversationId, category: event.target.value })
              .catch((error: unknown) => reportError('correct-category', error));
          }}
        >
          {options.map((id) => (
            <option key={id} value={id}>
              {categoryLabel(id)}
            </option>
          ))}
        </select>
      </label>
      <span className="muted">{t('confidence', Math.round(confidence * 100))}</span>
    </div>
  );
}
