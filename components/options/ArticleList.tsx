import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Article } from '@/lib/db';
import { t } from '@/lib/i18n';
import { measured } from '@/lib/timing';

const ROW_HEIGHT = 52;
const VIEWPORT_HEIGHT = 420;
const OVERSCAN = 6;

/** Reads the rows at positions first…last-1 of the list (a store query, so it stays live). */
export type RowLoader = (first: number, last: number) => Promise<Article[]>;

interface Props {
  count: number;
  load: RowLoader;
  selectedId?: string;
  onSelect: (article: Article) => void;
}

/**
 * A windowed list: only the rows in view (plus a few) are in the DOM and read from the database,
 * so ten thousand articles cost as much to open and render as twenty. Rows have a fixed height to
 * make the window arithmetic exact; a row not read yet (just scrolled into view) stays blank.
 */
export function ArticleList({ count, load, selectedId, onSelect }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + VIEWPORT_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  // While the next window is read, the last one read still draws the rows both share.
  const read = useLiveQuery(async () => ({ first, rows: await measured('kbRows', () => load(first, last)) }), [load, first, last]);
  const at = (position: number) => (read ? read.rows[position - read.first] : undefined);

  return (
    <div
      className="article-list"
      data-testid="article-list"
      data-count={count}
      role="listbox"
      aria-label={t('kbListLabel')}
      style={{ height: VIEWPORT_HEIGHT, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {count === 0 && <p className="muted">{t('kbListEmpty')}</p>}
      <div style={{ height: count * ROW_HEIGHT, position: 'relative' }}>
        {Array.from({ length: Math.max(0, last - first) }, (_, i) => {
          const position = first + i;
          const a = at(position);
          const style = { position: 'absolute', top: position * ROW_HEIGHT, height: ROW_HEIGHT, left: 0, right: 0 } as const;
          if (!a) return <div key={`blank-${position}`} className="article-row" style={style} />;
          return (
            <div
              key={a.id}
              role="option"
              aria-selected={a.id === selectedId}
              className={`article-row${a.id === selectedId ? ' selected' : ''}`}
              data-testid="article-row"
              data-article-id={a.id}
              style={style}
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
          );
        })}
      </div>
    </div>
  );
}
