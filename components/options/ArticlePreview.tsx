import { useMemo } from 'react';
import { t } from '@/lib/i18n';
import type { MailThread } from '@/lib/mail/mail-site';
import { buildTemplateContext } from '@/lib/kb/variables';
import { fillTemplate } from '@/lib/kb/template';
import type { Settings } from '@/lib/settings';

/** The conversation the preview fills variables from: a customer with a name and an order. */
const SAMPLE_THREAD: Pick<MailThread, 'subject' | 'messages'> = {
  subject: 'Where is my order #A-1042?',
  messages: [
    {
      from: { name: 'Anna Schmidt', email: 'anna.schmidt@example.com' },
      body: 'Hello, I ordered a lamp last week (order no. A-1042) and it has not arrived yet. Can you check?',
      fromMe: false,
      headerOnly: false,
    },
  ],
};

interface Props {
  body: string;
  lang: string;
  settings: Settings;
}

/** The body as the sample customer would receive it; shown as text, never as HTML. */
export function ArticlePreview({ body, lang, settings }: Props) {
  const filled = useMemo(() => {
    const context = buildTemplateContext({ thread: SAMPLE_THREAD, settings, locale: lang });
    return fillTemplate(body, context);
  }, [body, lang, settings]);

  return (
    <section className="article-preview" data-testid="article-preview">
      <h3>{t('kbPreviewTitle')}</h3>
      <p className="muted">{t('kbPreviewSample', SAMPLE_THREAD.messages[0].from.name)}</p>
      {filled.ok ? (
        <pre className="preview-text">{filled.text}</pre>
      ) : filled.error ? (
        <p className="error">{filled.error.message}</p>
      ) : (
        <p className="notice" data-testid="preview-missing">{t('kbPreviewMissing', filled.missing.join(', '))}</p>
      )}
    </section>
  );
}
