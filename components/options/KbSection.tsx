import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Article as StoredArticle } from '@/lib/db';
import { CATEGORY_IDS } from '@/lib/categories';
import { t } from '@/lib/i18n';
import type { Article } from '@/lib/kb/article';
import { allArticles } from '@/lib/store/articles';
import { deleteArticle, newArticleId, restoreArticle, saveUserArticle, toKbArticle } from '@/lib/store/kb';
import { useSettings } from '../hooks/useSettings';
import { ArticleEditor } from './ArticleEditor';
import { ArticleFilters } from './ArticleFilters';
import { ArticleList } from './ArticleList';
import { type ArticleDraft, articleFromDraft, draftFromArticle, EMPTY_DRAFT } from './article-draft';
import { type ArticleFilter, facets, filterArticles, NO_FILTER, searchText } from './article-filter';
import { UndoBar } from './UndoBar';

const UNDO_MS = 8_000;
const BUILT_IN = new Set<string>(CATEGORY_IDS);

interface Props {
  /** A draft to open in the editor, e.g. from the KB gaps view. */
  incoming?: { draft: Article; seq: number };
}

/** The knowledge base: filters, the windowed list and the editor side by side. */
export function KbSection({ incoming }: Props) {
  const articles = useLiveQuery(allArticles, [], undefined);
  const settings = useSettings();
  const [filter, setFilter] = useState<ArticleFilter>(NO_FILTER);
  const [editing, setEditing] = useState<{ draft: ArticleDraft; session: number } | null>(null);
  const [deleted, setDeleted] = useState<StoredArticle | null>(null);
  const sessions = useRef(0);
  const savedId = useRef<string | undefined>(undefined);

  const index = useMemo(() => new Map((articles ?? []).map((a) => [a.id, searchText(a)])), [articles]);
  const shown = useMemo(() => filterArticles(articles ?? [], filter, index), [articles, filter, index]);
  const options = useMemo(() => facets(articles ?? []), [articles]);

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
      <ArticleFilters filter={filter} facets={options} shown={shown.length} total={articles?.length ?? 0} onChange={setFilter} />
      <div className="kb-columns">
        <ArticleList articles={shown} selectedId={editing?.draft.id} onSelect={(a) => open(draftFromArticle(toKbArticle(a)))} />
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
