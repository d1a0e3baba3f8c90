import { useState } from 'react';
import type { Article, Opening } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { TemplateContext } from '@/lib/kb/template';
import { backgroundMessenger, contentMessenger } from '@/lib/messaging';
import { reportError } from '@/lib/log';
import { QuickSearch } from './QuickSearch';
import { SuggestionItem } from './SuggestionItem';

interface Props {
  opening: Opening;
  suggestions: Array<{ article: Article; score: number }>;
  /** The category's articles in other languages, shown when none matched in the mail's language. */
  otherLanguage: Article[];
  lang: string;
  context: TemplateContext;
  /** Last touch on the filled text before it is inserted (e.g. the CSAT invitation line). */
  finish(text: string): string;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function SuggestionList({ opening, suggestions, otherLanguage, lang, context, finish }: Props) {
  const [status, setStatus] = useState<Status>(null);

  const insert = async (article: Article, text: string) => {
    try {
      const result = await contentMessenger.sendMessage('insertText', { text: finish(text) }, opening.tabId);
      if (!result.ok) {
        setStatus({ kind: 'error', text: t('insertFailed') });
        return;
      }
      setStatus({ kind: 'ok', text: t('inserted') });
      await backgroundMessenger.sendMessage('articlePicked', { conversationId: opening.conversationId, articleId: article.id });
    } catch (error) {
      reportError('insert', error);
      setStatus({ kind: 'error', text: t('noMailTab') });
    }
  };

  return (
    <section className="suggestions">
      <h2>{t('suggestions')}</h2>
      {suggestions.length === 0 ? (
        <>
          <p className="muted" data-testid="kb-gap">
            {otherLanguage.length > 0 ? t('noArticleInLanguage', lang) : t('noSuggestion')}
          </p>
          {otherLanguage.length > 0 && (
            <ol>
              {otherLanguage.map((article) => (
                <SuggestionItem key={article.id} article={article} score={0} context={context} onInsert={insert} otherLanguage translateTo={lang} />
              ))}
            </ol>
          )}
        </>
      ) : (
        <ol>
          {suggestions.map(({ article, score }) => (
            <SuggestionItem key={article.id} article={article} score={score} context={context} onInsert={insert} />
          ))}
        </ol>
      )}
      <QuickSearch context={context} onInsert={insert} />
      {status && (
        <p className={status.kind === 'ok' ? 'ok' : 'error'} role="status" data-testid="insert-status" data-state={status.kind}>
          {status.text}
        </p>
      )}
    </section>
  );
}
