import type { Article } from '@/lib/kb/article';
import { normalizeLang } from '@/lib/kb/article';
import { checkTemplate } from '@/lib/kb/template';
import { t } from '@/lib/i18n';

/** The editor's form state: every field as the user typed it. */
export interface ArticleDraft {
  id?: string;
  title: string;
  body: string;
  examples: string;
  category: string;
  lang: string;
  tags: string;
  shortcut: string;
}

export const EMPTY_DRAFT: ArticleDraft = { title: '', body: '', examples: '', category: 'other', lang: 'en', tags: '', shortcut: '' };

export function draftFromArticle(article: Article): ArticleDraft {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    examples: article.examples.join('\n'),
    category: article.category,
    lang: article.lang,
    tags: article.tags.join(', '),
    shortcut: article.shortcut ?? '',
  };
}

export type DraftErrors = Partial<Record<'title' | 'body' | 'examples' | 'category' | 'lang' | 'shortcut', string>>;

/** Messages per field; empty when the draft can be saved. */
export function validateDraft(draft: ArticleDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = t('kbErrorTitleEmpty');
  if (!draft.body.trim()) errors.body = t('kbErrorBodyEmpty');
  else {
    const syntax = checkTemplate(draft.body);
    if (syntax) errors.body = t('kbErrorTemplate', syntax.reason, syntax.line, syntax.column);
  }
  for (const [i, line] of draft.examples.split('\n').entries()) {
    const syntax = line.includes('{{') ? checkTemplate(line) : null;
    if (syntax) {
      errors.examples = t('kbErrorExample', i + 1);
      break;
    }
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(draft.category.trim())) errors.category = t('kbErrorCategory');
  if (!normalizeLang(draft.lang)) errors.lang = t('kbErrorLanguage');
  if (draft.shortcut.trim() && !/^\/?[\p{L}\p{N}_-]+$/u.test(draft.shortcut.trim())) errors.shortcut = t('kbErrorShortcut');
  return errors;
}

function lines(text: string, separator: RegExp): string[] {
  return [...new Set(text.split(separator).map((s) => s.trim()).filter(Boolean))];
}

export function articleFromDraft(draft: ArticleDraft, id: string): Article {
  const article: Article = {
    id,
    title: draft.title.trim(),
    body: draft.body.replace(/\s+$/, ''),
    examples: lines(draft.examples, /\r?\n/),
    category: draft.category.trim(),
    lang: normalizeLang(draft.lang) ?? 'en',
    tags: lines(draft.tags, /[,，、]/),
  };
  const shortcut = draft.shortcut.trim();
  if (shortcut) article.shortcut = shortcut.startsWith('/') ? shortcut : `/${shortcut}`;
  return article;
}
