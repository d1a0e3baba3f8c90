import type { PanelView } from '@/lib/store/panel-view';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { replyContextFor } from '@/lib/reply/context';
import { withCsatInvite } from '@/lib/store/metrics';
import { CategoryControl } from './CategoryControl';
import { CsatControl } from './CsatControl';
import { CustomerCard } from './CustomerCard';
import { EscalateButton } from './EscalateButton';
import { ResolveButton } from './ResolveButton';
import { SlaClock } from './SlaClock';
import { PriorityBadge } from './PriorityBadge';
import { SuggestionList } from './SuggestionList';

export function ConversationView({ view, settings }: { view: Required<Pick<PanelView, 'opening' | 'conversation'>> & PanelView; settings: Settings }) {
  const { conversation, opening, messages, suggestions } = view;
  const triage = conversation.triage;
  return (
    <article className="conversation">
      <h1 data-testid="conversation-subject">{conversation.subject}</h1>
      <dl className="facts">
        <dt>{t('customer')}</dt>
        <dd>
          {conversation.customerName && <span>{conversation.customerName} </span>}
          <span data-testid="customer-email">{conversation.customerEmail}</span>
        </dd>
        <dt>{t('messages')}</dt>
        <dd data-testid="message-count" data-count={conversation.messageCount}>
          {conversation.messageCount}
        </dd>
      </dl>
      <CustomerCard conversation={conversation} />
      <div className="row">
        <SlaClock conversation={conversation} messages={messages} settings={settings} />
        <ResolveButton conversation={conversation} />
      </div>
      <CsatControl conversation={conversation} />
      <EscalateButton opening={opening} conversation={conversation} messages={messages} expertAddress={settings.expertAddress} />
      {!triage ? (
        <p className="muted">{t('triagePending')}</p>
      ) : (
        <>
          {triage.truncated && <p className="notice" data-testid="truncated-notice">{t('truncatedNotice')}</p>}
          <PriorityBadge triage={triage} />
          <CategoryControl conversationId={conversation.id} triage={triage} />
          <div className="row">
            <span data-testid="sentiment" data-sentiment={triage.sentiment}>
              <span className="label">{t('sentiment')}</span> {t(`sentiment_${triage.sentiment}`)}
            </span>
            <span data-testid="language" data-lang={triage.lang}>
              <span className="label">{t('language')}</span> {triage.lang}
            </span>
          </div>
          <SuggestionList
            opening={opening}
            suggestions={suggestions}
            otherLanguage={view.otherLanguage}
            lang={triage.lang}
            finish={(text) => withCsatInvite(text, settings, triage.lang, conversation.csatOptOut)}
            context={replyContextFor(conversation, messages, settings)} />
        </>
      )}
    </article>
  );
}
