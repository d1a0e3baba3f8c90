import { useState } from 'react';
import type { Article } from '@/lib/db';
import { t } from '@/lib/i18n';

const ROW_HEIGHT = 52;
const VIEWPORT_HEIGHT = 420;
const OVERSCAN = 6;

interface Props {
  articles: readonly Article[];
  selectedId?: string;
  onSelect: (article: Article) => void;
}

/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, so ten thousand articles
 * cost as much to render as twenty. Rows have a fixed height to make the window arithmetic exact.
 */
export function ArticleList({ articles, selectedId, onSelect }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(articles.length, Math.ceil((scrollTop + VIEWPORT_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const visible = articles.slice(first, last);

  return (
    <div
      className="article-list"
      data-testid="article-list"
      data-count={articles.length}
      role="listbox"
      aria-label={t('kbListLabel')}
      style={{ height: VIEWPORT_HEIGHT, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {articles.length === 0 && <p className="muted">{t('kbListEmpty')}</p>}
      <div style={{ height: articles.length * ROW_HEIGHT, position: 'relative' }}>
        {visible.map((a, i) => (
          <div
            key={a.id}
            role="option"
            aria-selected={a.id === selectedId}
            className={`article-row${a.id === selectedId ? ' selected' : ''}`}
            data-testid="article-row"
            data-article-id={a.id}
            style={{ position: 'absolute', top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT, left: 0, right: 0 }}
            tabIndex={0}
            onClick={() => onSelect(a)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(a);
              }
            }}
          >
            <div className="article-row-title">{a.title}</div>
            <div className="article-row-meta muted">
              {a.category} · {a.lang}
              {a.tags.length > 0 && ` · ${a.tags.join(', ')}`}
              {a.shortcut && ` · ${a.shortcut}`}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
