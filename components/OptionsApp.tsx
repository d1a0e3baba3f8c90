import { t } from '@/lib/i18n';
import { SettingsForm } from './SettingsForm';

export function OptionsApp() {
  return (
    <main className="panel options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm />
    </main>
  );
}
