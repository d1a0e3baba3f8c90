import { useEffect, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { saveSettings, type Settings } from '@/lib/settings';
import { useSettings } from './hooks/useSettings';

/** Your name, company, signature and own addresses (used for variables and "sent by me"). */
export function SettingsForm() {
  const stored = useSettings();
  const [draft, setDraft] = useState<Settings>(stored);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(stored), [stored]);

  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A bad address is reported on the form; nothing is saved until it is fixed.
    saveSettings(draft).then(
      () => {
        setInvalid(false);
        setSaved(true);
      },
      () => setInvalid(true),
    );
  };
  const field = (key: 'agentName' | 'companyName', label: string) => (
    <label>
      <span className="label">{label}</span>
      <input name={key} value={draft[key]} onChange={(e) => { setSaved(false); setDraft({ ...draft, [key]: e.target.value }); }} />
    </label>
  );

  return (
    <form className="settings" data-testid="settings-form" onSubmit={submit}>
      <h2>{t('settingsTitle')}</h2>
      {field('agentName', t('settingsAgentName'))}
      {field('companyName', t('settingsCompanyName'))}
      <label>
        <span className="label">{t('settingsSignature')}</span>
        <textarea name="signature" rows={3} value={draft.signature} onChange={(e) => { setSaved(false); setDraft({ ...draft, signature: e.target.value }); }} />
      </label>
      <label>
        <span className="label">{t('settingsOwnAddresses')}</span>
        <textarea
          name="ownAddresses"
          rows={2}
          value={draft.ownAddresses.join('\n')}
          onChange={(e) => { setSaved(false); setDraft({ ...draft, ownAddresses: e.target.value.split(/[\n,]/).map((a) => a.trim()).filter(Boolean) }); }}
        />
      </label>
      <label>
        <span className="label">{t('settingsExpertAddress')}</span>
        <input
          name="expertAddress"
          type="email"
          value={draft.expertAddress}
          onChange={(e) => { setSaved(false); setDraft({ ...draft, expertAddress: e.target.value.trim() }); }}
        />
      </label>
      {invalid && <p className="error" role="alert">{t('settingsInvalid')}</p>}
      <button type="submit">{t('save')}</button>
      {saved && <span className="ok">{t('saved')}</span>}
    </form>
  );
}
