import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article as StoredArticle } from '@/lib/db';
import { CATEGORY_IDS } from '@/lib/categories';
import { t } from '@/lib/i18n';
import type { Article } from '@/lib/kb/article';
import { articleCount, articleFacets, articleIds, articlesByIds, articlesPage } from '@/lib/store/articles';
import { deleteArticle, newArticleId, restoreArticle, saveUserArticle, toKbArticle } from '@/lib/store/kb';
import { measured, timed } from '@/lib/timing';
import { useArticleCatalog } from '../hooks/useArticleCatalog';
import { useSettings } from '../hooks/useSettings';
import { ArticleEditor } from './ArticleEditor';
import { ArticleFilters } from './ArticleFilters';
import { ArticleList, type RowLoader } from './ArticleList';
import { type ArticleDraft, articleFromDraft, draftFromArticle, EMPTY_DRAFT } from './article-draft';
import { type ArticleFilter, filterIds, isFiltering, newestFirstIds, NO_FILTER } from './article-filter';
import { UndoBar } from './UndoBar';

const UNDO_MS = 8_000;
const BUILT_IN = new Set<string>(CATEGORY_IDS);
const NO_FACETS = { categories: [], langs: [], tags: [] };
const pageOfAll: RowLoader = (first, last) => articlesPage(first, last - first);

interface Props {
  /** A draft to open in the editor, e.g. from the KB gaps view. */
  incoming?: { draft: Article; seq: number };
  /** Bumped after every import, which may change an article without changing its edit time. */
  refreshKey?: number;
}

/** The knowledge base: filters, the windowed list and the editor side by side. */
export function KbSection({ incoming, refreshKey = 0 }: Props) {
  // The list opens with a count and the rows in view; the filter's full-text catalog is read after.
  const total = useLiveQuery(() => measured('kbCount', articleCount), []);
  // Read once the count is in, so they do not queue in front of the list's own reads.
  const counted = total !== undefined;
  const ids = useLiveQuery(() => (counted ? articleIds() : undefined), [counted]);
  const options = useLiveQuery(() => (counted ? articleFacets() : NO_FACETS), [counted], NO_FACETS);
  const settings = useSettings();
  const [filter, setFilter] = useState<ArticleFilter>(NO_FILTER);
  const [editing, setEditing] = useState<{ draft: ArticleDraft; session: number } | null>(null);
  const [deleted, setDeleted] = useState<StoredArticle | null>(null);
  const sessions = useRef(0);
  const savedId = useRef<string | undefined>(undefined);

  const catalog = useArticleCatalog(ids, refreshKey);
  const newest = useMemo(() => catalog && newestFirstIds(catalog), [catalog]);
  const filtering = isFiltering(filter);
  // Until the catalog is read a filter cannot be applied: the whole list stays, with a notice.
  const shown = useMemo(
    () => (filtering && catalog && newest ? timed('kbSearch', () => filterIds(newest, catalog, filter)) : undefined),
    [newest, catalog, filter, filtering],
  );
  const loadShown = useCallback<RowLoader>((first, last) => articlesByIds(shown?.slice(first, last) ?? []), [shown]);

  /** `saveAs` names a new article's id in advance (a gap's draft), so the gap is then known as done. */
  const open = (draft: ArticleDraft, saveAs?: string) => {
    sessions.current += 1;
    savedId.current = draft.id ?? saveAs;
    setEditing({ draft, session: sessions.current });
  };

  useEffect(() => {
    if (incoming) open({ ...draftFromArticle(incoming.draft), id: undefined }, incoming.draft.id);
  }, [incoming]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const save = async (draft: ArticleDraft) => {
    // An article stays one article across several saves in the same editing session.
    const id = savedId.current || newArticleId();
    savedId.current = id;
    await saveUserArticle(articleFromDraft(draft, id));
  };

  const remove = async () => {
    const id = savedId.current;
    if (!id) return;
    const row = await deleteArticle(id);
    setEditing(null);
    if (row) setDeleted(row);
  };

  return (
    <section className="kb" data-testid="kb-section">
      <div className="row">
        <h2>{t('kbTitle')}</h2>
        <button type="button" data-testid="article-new" onClick={() => open(EMPTY_DRAFT)}>
          {t('kbNewArticle')}
        </button>
      </div>
      {deleted && (
        <UndoBar
          message={t('kbDeleted', deleted.title)}
          onUndo={() => {
            void restoreArticle(deleted);
            setDeleted(null);
          }}
        />
      )}
      <ArticleFilters filter={filter} facets={options} shown={shown?.length ?? total ?? 0} total={total ?? 0} onChange={setFilter} />
      {filtering && !catalog && <p className="muted" data-testid="kb-search-loading">{t('kbSearchLoading')}</p>}
      <div className="kb-columns">
        <ArticleList count={shown?.length ?? total ?? 0} load={shown ? loadShown : pageOfAll} selectedId={editing?.draft.id} onSelect={(a) => open(draftFromArticle(toKbArticle(a)))} />
        {editing && (
          <ArticleEditor
            key={editing.session}
            initial={editing.draft}
            customCategories={options.categories.filter((c) => !BUILT_IN.has(c))}
            langs={options.langs}
            settings={settings}
            onSave={save}
            onDelete={editing.draft.id ? () => void remove() : undefined}
            onCancel={() => setEditing(null)}
          />
        )}
      </div>
    </section>
  );
}
