import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { draftArticleFromPair } from '@/lib/kb/gaps';
import type { Article } from '@/lib/kb/article';
import { conversationGaps, dismissMboxGap, type KbGap, mboxGaps } from '@/lib/store/kb';
import { useSettings } from '../hooks/useSettings';

const SHOWN = 50;

interface Props {
  /** Changes when an import may have added candidates. */
  refreshKey: number;
  onCreate: (draft: Article) => void;
}

/** Questions no article answered, with the reply the user actually sent: one click drafts an article. */
export function KbGaps({ refreshKey, onCreate }: Props) {
  const settings = useSettings();
  const [gaps, setGaps] = useState<KbGap[] | null>(null);
  const [dismissed, setDismissed] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([conversationGaps(), mboxGaps()]).then(([own, mbox]) => {
      if (!cancelled) setGaps([...own, ...mbox]);
    });
    return () => {
      cancelled = true;
    };
  }, [refreshKey, dismissed]);

  const create = (gap: KbGap) =>
    onCreate(draftArticleFromPair({ question: gap.question, reply: gap.reply, questionFrom: gap.from }, { agentName: settings.agentName || undefined }));

  return (
    <section className="kb-gaps" data-testid="kb-gaps">
      <h2>{t('gapsTitle')}</h2>
      <p className="muted">{t('gapsHint')}</p>
      {gaps?.length === 0 && <p className="muted">{t('gapsEmpty')}</p>}
      <ul className="gap-list">
        {gaps?.slice(0, SHOWN).map((gap) => (
          <li key={gap.key} className="gap" data-testid="kb-gap" data-origin={gap.origin}>
            <div className="gap-subject">{gap.subject}</div>
            <div className="gap-text"><span className="label">{t('gapsQuestion')}</span>{gap.question}</div>
            <div className="gap-text"><span className="label">{t('gapsReply')}</span>{gap.reply}</div>
            <div className="actions">
              <button type="button" data-testid="gap-create" onClick={() => create(gap)}>{t('gapsCreate')}</button>
              {gap.origin === 'mbox' && (
                <button type="button" onClick={() => void dismissMboxGap(gap.key).then(() => setDismissed((n) => n + 1))}>{t('gapsDismiss')}</button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {gaps && gaps.length > SHOWN && <p className="muted">{t('gapsMore', gaps.length - SHOWN)}</p>}
    </section>
  );
}
