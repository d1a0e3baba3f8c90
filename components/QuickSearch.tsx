import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '@/lib/db';
import { t } from '@/lib/i18n';
import { allArticles } from '@/lib/store/articles';
import { measured, timed } from '@/lib/timing';
import type { TemplateContext } from '@/lib/kb/template';
import { firstMatches, quickSearchIndex } from './quick-search-index';
import { SuggestionItem } from './SuggestionItem';

const MAX_RESULTS = 8;

interface Props {
  context: TemplateContext;
  onInsert(article: Article, text: string): Promise<void>;
}

/** Search every article from the panel; each result inserts like a suggestion (at the cursor). */
export function QuickSearch({ context, onInsert }: Props) {
  const [query, setQuery] = useState('');
  // Articles are read when the field is first used, not while the panel opens a conversation.
  const [used, setUsed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const articles = useLiveQuery(() => (used ? measured('quickSearchLoad', allArticles) : undefined), [used]);
  const index = useMemo(() => articles && quickSearchIndex(articles), [articles]);
  const results = useMemo(
    () => (index && query.trim() ? timed('quickSearch', () => firstMatches(index, query, MAX_RESULTS)) : undefined),
    [index, query],
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
        onFocus={() => setUsed(true)}
        onChange={(e) => {
          setUsed(true);
          setQuery(e.target.value);
        }}
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
