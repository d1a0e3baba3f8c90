import type { ArticleFilter } from './article-filter';
import { t } from '@/lib/i18n';

interface Props {
  filter: ArticleFilter;
  facets: { categories: string[]; langs: string[]; tags: string[] };
  shown: number;
  total: number;
  onChange: (filter: ArticleFilter) => void;
}

export function ArticleFilters({ filter, facets, shown, total, onChange }: Props) {
  const select = (key: 'category' | 'lang' | 'tag', label: string, values: string[]) => (
    <label>
      <span className="label">{label}</span>
      <select name={`filter-${key}`} value={filter[key]} onChange={(e) => onChange({ ...filter, [key]: e.target.value })}>
        <option value="">{t('kbFilterAny')}</option>
        {values.map((v) => (
          <option key={v} value={v}>{v}</option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="row kb-filters">
      <input
        type="search"
        name="kb-search"
        data-testid="kb-search"
        placeholder={t('kbSearchPlaceholder')}
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
      />
      {select('category', t('kbCategory'), facets.categories)}
      {select('lang', t('kbLanguage'), facets.langs)}
      {select('tag', t('kbTag'), facets.tags)}
      <span className="muted" data-testid="kb-count">{t('kbShownOf', shown, total)}</span>
    </div>
  );
}
