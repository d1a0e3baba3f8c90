import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { db, type Article } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { TemplateContext } from '@/lib/kb/template';
import { filterArticles, NO_FILTER } from './options/article-filter';
import { SuggestionItem } from './SuggestionItem';

const MAX_RESULTS = 8;

interface Props {
  context: TemplateContext;
  onInsert(article: Article, text: string): Promise<void>;
}

/** Search every article from the panel; each result inserts like a suggestion (at the cursor). */
export function QuickSearch({ context, onInsert }: Props) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const results = useLiveQuery(
    async () => (query.trim() ? filterArticles(await db.articles.toArray(), { ...NO_FILTER, query }).slice(0, MAX_RESULTS) : []),
    [query],
  );

  // The "search" keyboard command opens the panel with #search: focus the field.
  useEffect(() => {
    const focusOnHash = () => {
      if (location.hash === '#search') input.current?.focus();
    };
    focusOnHash();
    window.addEventListener('hashchange', focusOnHash);
    return () => window.removeEventListener('hashchange', focusOnHash);
  }, []);

  return (
    <section className="quick-search">
      <input
        ref={input}
        type="search"
        data-testid="panel-search"
        placeholder={t('panelSearch')}
        aria-label={t('panelSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {results && results.length > 0 && (
        <ol>
          {results.map((article) => (
            <SuggestionItem key={article.id} article={article} score={0} context={context} onInsert={onInsert} testId="search-result" />
          ))}
        </ol>
      )}
      {query.trim() && results?.length === 0 && <p className="muted">{t('panelSearchNone')}</p>}
    </section>
  );
}
