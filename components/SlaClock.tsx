import { useEffect, useState } from 'react';
import type { Conversation, StoredMessage } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { conversationSla } from '@/lib/store/metrics';
import { slaSettingsOf } from '@/lib/metrics/popup-figures';

const MINUTE = 60_000;

/** Re-renders every minute so the clock moves while the panel stays open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return h > 0 ? t('hoursMinutes', h, m) : t('minutesOnly', m);
}

/** The SLA clock (CONTRACT §4 `sla`), in business minutes. */
export function SlaClock({ conversation, messages, settings }: { conversation: Conversation; messages: StoredMessage[]; settings: Settings }) {
  const now = useNow();
  const clock = conversationSla(conversation, messages, slaSettingsOf(settings), now);
  const minutes = Math.round(clock.waitingMinutes);
  return (
    <span className={`sla sla-${clock.state}`} data-testid="sla" data-waiting-minutes={minutes} data-state={clock.state}>
      <span className="label">{t('slaLabel')}</span> {t(`sla_${clock.state.replace(/-/g, '_')}`)}
      {clock.state !== 'waiting-on-customer' && conversation.state !== 'resolved' && (
        <span className="muted" title={clock.dueAt ? t('slaDue', new Date(clock.dueAt).toLocaleString()) : undefined}>
          {' '}
          · {t('slaWaiting', duration(minutes))} · {t(clock.clock === 'response' ? 'slaTargetResponse' : 'slaTargetResolution', duration(clock.targetMinutes))}
        </span>
      )}
    </span>
  );
}
