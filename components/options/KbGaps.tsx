import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import { draftArticleFromPair } from '@/lib/kb/gaps';
import type { Article } from '@/lib/kb/article';
import { dismissMboxGap, type KbGap, openKbGaps } from '@/lib/store/kb';
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
  // A live query: a triaged conversation or an mbox import shows up without a reload.
  const gaps = useLiveQuery(openKbGaps, [refreshKey]);

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
                <button type="button" onClick={() => void dismissMboxGap(gap.key)}>{t('gapsDismiss')}</button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {gaps && gaps.length > SHOWN && <p className="muted">{t('gapsMore', gaps.length - SHOWN)}</p>}
    </section>
  );
}
