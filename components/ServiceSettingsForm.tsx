import { useEffect, useState, type FormEvent } from 'react';
import { PRIORITIES, type Priority } from '@/lib/categories';
import { t } from '@/lib/i18n';
import { saveSettings, type Settings } from '@/lib/settings';
import { useSettings } from './hooks/useSettings';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

const toClock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const fromClock = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return h * 60 + (m || 0);
};

/** SLA targets per queue, business hours and time zone, monthly costs and customer lifespan. */
export function ServiceSettingsForm() {
  const stored = useSettings();
  const [draft, setDraft] = useState<Settings>(stored);
  const [state, setState] = useState<'idle' | 'saved' | 'invalid'>('idle');
  useEffect(() => setDraft(stored), [stored]);

  const change = (patch: Partial<Settings>) => {
    setState('idle');
    setDraft({ ...draft, ...patch });
  };
  const target = (p: Priority, key: 'firstResponseMinutes' | 'resolutionMinutes', value: number) =>
    change({ slaTargets: { ...draft.slaTargets, [p]: { ...draft.slaTargets[p], [key]: value } } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveSettings(draft).then(
      () => setState('saved'),
      () => setState('invalid'),
    );
  };
  const money = (key: 'costLabour' | 'costTools' | 'costOperations', label: string) => (
    <label>
      <span className="label">{label}</span>
      <input name={key} type="number" min={0} step="0.01" value={draft[key]} onChange={(e) => change({ [key]: Number(e.target.value) })} />
    </label>
  );

  return (
    <form className="settings" data-testid="service-settings" onSubmit={submit}>
      <h2>{t('serviceTitle')}</h2>
      <table>
        <thead>
          <tr><th /><th>{t('slaFirstResponse')}</th><th>{t('slaResolution')}</th></tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th>{p}</th>
              <td><input name={`sla-${p}-first`} type="number" min={1} value={draft.slaTargets[p].firstResponseMinutes} onChange={(e) => target(p, 'firstResponseMinutes', Number(e.target.value))} /></td>
              <td><input name={`sla-${p}-resolution`} type="number" min={1} value={draft.slaTargets[p].resolutionMinutes} onChange={(e) => target(p, 'resolutionMinutes', Number(e.target.value))} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="row">
        <legend>{t('businessDays')}</legend>
        {DAYS.map((day) => (
          <label key={day}>
            <input
              type="checkbox"
              checked={draft.businessDays.includes(day)}
              onChange={(e) => change({ businessDays: e.target.checked ? [...draft.businessDays, day] : draft.businessDays.filter((d) => d !== day) })}
            />
            {t(`weekday${day}`)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label><span className="label">{t('businessFrom')}</span><input name="businessStart" type="time" value={toClock(draft.businessStartMinute)} onChange={(e) => change({ businessStartMinute: fromClock(e.target.value) })} /></label>
        <label><span className="label">{t('businessTo')}</span><input name="businessEnd" type="time" value={toClock(draft.businessEndMinute)} onChange={(e) => change({ businessEndMinute: fromClock(e.target.value) })} /></label>
        <label><span className="label">{t('timeZone')}</span><input name="timeZone" placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone} value={draft.timeZone} onChange={(e) => change({ timeZone: e.target.value.trim() })} /></label>
      </div>
      <div className="row">
        {money('costLabour', t('costLabour'))}
        {money('costTools', t('costTools'))}
        {money('costOperations', t('costOperations'))}
      </div>
      <div className="row">
        <label><span className="label">{t('lifespanYears')}</span><input name="lifespanYears" type="number" min={0.1} step="0.1" value={draft.lifespanYears} onChange={(e) => change({ lifespanYears: Number(e.target.value) })} /></label>
        <label><input type="checkbox" name="lifespanFromChurn" checked={draft.lifespanFromChurn} onChange={(e) => change({ lifespanFromChurn: e.target.checked })} /> {t('lifespanFromChurn')}</label>
      </div>
      <button type="submit">{t('save')}</button>
      {state === 'saved' && <span className="ok">{t('saved')}</span>}
      {state === 'invalid' && <p className="error" role="alert">{t('serviceInvalid')}</p>}
    </form>
  );
}
