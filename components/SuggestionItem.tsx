import { useState } from 'react';
import type { Article } from '@/lib/db';
import { t } from '@/lib/i18n';
import { fillTemplate, type TemplateContext } from '@/lib/kb/template';
import { FillInForm } from './FillInForm';
import { tidyReply } from '@/lib/reply/tidy';

interface Props {
  article: Article;
  score: number;
  context: TemplateContext;
  onInsert(article: Article, text: string): Promise<void>;
  /** The article is not in the mail's language (offered because none is). */
  otherLanguage?: boolean;
  /** `suggestion` for ranked suggestions (CONTRACT §4), something else for search results. */
  testId?: string;
}

export function SuggestionItem({ article, score, context, onInsert, otherLanguage, testId = 'suggestion' }: Props) {
  const [missing, setMissing] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const insertWith = (extra: Record<string, string>) => {
    const filled = fillTemplate(article.body, { ...context, ...extra });
    if (filled.ok) {
      setMissing(null);
      void onInsert(article, tidyReply(filled.text));
    } else if (filled.error) {
      setProblem(filled.error.message);
    } else {
      setMissing(filled.missing);
    }
  };

  return (
    <li
      className="suggestion"
      data-testid={testId}
      data-article-id={article.id}
      data-score={score.toFixed(4)}
      data-other-language={otherLanguage ? article.lang : undefined}
    >
      <div className="suggestion-head">
        <span className="suggestion-title">
          {article.title}
          {otherLanguage && <span className="muted"> · {article.lang}</span>}
        </span>
        <button type="button" data-testid="insert-reply" onClick={() => insertWith({})}>
          {t('insert')}
        </button>
      </div>
      <p className="suggestion-body">{article.body.slice(0, 240)}</p>
      {problem && <p className="error">{problem}</p>}
      {missing && missing.length > 0 && (
        <FillInForm missing={missing} onSubmit={insertWith} onCancel={() => setMissing(null)} />
      )}
    </li>
  );
}
