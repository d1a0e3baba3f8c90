import { useEffect, useState } from 'react';
import type { Article } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { TemplateContext } from '@/lib/kb/template';
import { FillInForm } from './FillInForm';
import { fillReply } from '@/lib/reply/tidy';
import { canTranslate, translateText } from '@/lib/reply/translate';

interface Props {
  article: Article;
  score: number;
  context: TemplateContext;
  onInsert(article: Article, text: string): Promise<void>;
  /** The article is not in the mail's language (offered because none is). */
  otherLanguage?: boolean;
  /** The mail's language: offer on-device translation into it when the browser can. */
  translateTo?: string;
  /** `suggestion` for ranked suggestions (CONTRACT §4), something else for search results. */
  testId?: string;
}

export function SuggestionItem({ article, score, context, onInsert, otherLanguage, translateTo, testId = 'suggestion' }: Props) {
  const [missing, setMissing] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [translatable, setTranslatable] = useState(false);
  const [translate, setTranslate] = useState(false);

  useEffect(() => {
    let cancelled = false;
    if (translateTo) void canTranslate(article.lang, translateTo).then((ok) => !cancelled && setTranslatable(ok));
    return () => {
      cancelled = true;
    };
  }, [article.lang, translateTo]);

  const deliver = async (text: string, translated: boolean) => {
    try {
      await onInsert(article, translated && translateTo ? await translateText(text, article.lang, translateTo) : text);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const insertWith = (extra: Record<string, string>, translated = translate) => {
    setTranslate(translated);
    const filled = fillReply(article.body, { ...context, ...extra });
    if (filled.ok) {
      setMissing(null);
      void deliver(filled.text, translated);
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
        <button type="button" data-testid="insert-reply" onClick={() => insertWith({}, false)}>
          {t('insert')}
        </button>
        {translatable && translateTo && (
          <button type="button" data-testid="translate-insert" onClick={() => insertWith({}, true)}>
            {t('translateInsert', translateTo)}
          </button>
        )}
      </div>
      <p className="suggestion-body">{article.body.slice(0, 240)}</p>
      {problem && <p className="error">{problem}</p>}
      {missing && missing.length > 0 && (
        <FillInForm missing={missing} onSubmit={(values) => insertWith(values)} onCancel={() => setMissing(null)} />
      )}
    </li>
  );
}
