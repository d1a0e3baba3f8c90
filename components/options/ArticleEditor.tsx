import { useState, type FormEvent } from 'react';
import { CATEGORY_IDS } from '@/lib/categories';
import { t } from '@/lib/i18n';
import { storageFullMessage } from '@/lib/store/storage-errors';
import type { Settings } from '@/lib/settings';
import { ArticlePreview } from './ArticlePreview';
import { type ArticleDraft, type DraftErrors, validateDraft } from './article-draft';

const BASE_LANGS = ['en', 'zh', 'de'];

interface Props {
  initial: ArticleDraft;
  customCategories: string[];
  langs: string[];
  settings: Settings;
  onSave: (draft: ArticleDraft) => Promise<void>;
  onDelete?: () => void;
  onCancel: () => void;
}

/** Create or edit one article; the parent remounts it (by key) for another article. */
export function ArticleEditor({ initial, customCategories, langs, settings, onSave, onDelete, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [saveError, setSaveError] = useState<string>();
  const categories = [...new Set<string>([...CATEGORY_IDS, ...customCategories, initial.category])];
  const langOptions = [...new Set([...BASE_LANGS, ...langs, initial.lang])];

  const set = (patch: Partial<ArticleDraft>) => {
    setStatus('idle');
    const next = { ...draft, ...patch };
    setDraft(next);
    // Re-check live only the fields that already showed an error, so typing is not nagged.
    if (Object.keys(errors).length > 0) setErrors(validateDraft(next));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setStatus('saving');
    setSaveError(undefined);
    try {
      await onSave(draft);
      setStatus('saved');
    } catch (error) {
      // The save is one write: on failure the stored article is as it was, and the draft stays here.
      setStatus('idle');
      setSaveError(storageFullMessage(error, 'article') ?? t('articleSaveFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  const error = (field: keyof DraftErrors) =>
    errors[field] && <span className="error" data-testid={`error-${field}`} role="alert">{errors[field]}</span>;

  return (
    <div className="article-editor">
      <form className="article-form" data-testid="article-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{initial.id ? t('kbEditTitle') : t('kbNewTitle')}</h2>
        <label>
          <span className="label">{t('kbFieldTitle')}</span>
          <input name="title" value={draft.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={!!errors.title} />
          {error('title')}
        </label>
        <label>
          <span className="label">{t('kbFieldBody')}</span>
          <textarea name="body" rows={8} value={draft.body} onChange={(e) => set({ body: e.target.value })} aria-invalid={!!errors.body} />
          <span className="muted">{t('kbBodyHint')}</span>
          {error('body')}
        </label>
        <label>
          <span className="label">{t('kbFieldExamples')}</span>
          <textarea name="examples" rows={4} value={draft.examples} onChange={(e) => set({ examples: e.target.value })} />
          {error('examples')}
        </label>
        <div className="row">
          {/* Free-text inputs with suggestions: a new category or language is just typed in. */}
          <label>
            <span className="label">{t('kbCategory')}</span>
            <input name="category" list="kb-categories" value={draft.category} onChange={(e) => set({ category: e.target.value.trim().toLowerCase() })} />
            <datalist id="kb-categories">
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </label>
          {error('category')}
          <label>
            <span className="label">{t('kbLanguage')}</span>
            <input name="language" list="kb-languages" value={draft.lang} onChange={(e) => set({ lang: e.target.value.trim() })} />
            <datalist id="kb-languages">
              {langOptions.map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
          </label>
          {error('lang')}
        </div>
        <div className="row">
          <label>
            <span className="label">{t('kbFieldTags')}</span>
            <input name="tags" value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />
          </label>
          <label>
            <span className="label">{t('kbFieldShortcut')}</span>
            <input name="shortcut" placeholder="/refund" value={draft.shortcut} onChange={(e) => set({ shortcut: e.target.value })} />
          </label>
          {error('shortcut')}
        </div>
        <div className="actions">
          <button type="submit" data-testid="article-save" disabled={status === 'saving'}>{t('save')}</button>
          <button type="button" onClick={onCancel}>{t('kbCancel')}</button>
          {onDelete && <button type="button" data-testid="article-delete" onClick={onDelete}>{t('kbDelete')}</button>}
          {status === 'saved' && <span className="ok" data-testid="article-saved">{t('saved')}</span>}
          {saveError && <span className="error" data-testid="article-save-error" role="alert">{saveError}</span>}
        </div>
      </form>
      <ArticlePreview body={draft.body} lang={draft.lang || 'en'} settings={settings} />
    </div>
  );
}
