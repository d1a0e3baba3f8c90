import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { Article } from '@/lib/kb/article';
import { DataSafety } from './options/DataSafety';
import { ImportExport } from './options/ImportExport';
import { KbGaps } from './options/KbGaps';
import { KbSection } from './options/KbSection';
import { KbIndexStatus } from './KbIndexStatus';
import { ModelSettings } from './ModelSettings';
import { ServiceSettingsForm } from './ServiceSettingsForm';
import { SettingsForm } from './SettingsForm';
import './options/options.css';

export function OptionsApp() {
  const [incoming, setIncoming] = useState<{ draft: Article; seq: number } | undefined>();
  const [imports, setImports] = useState(0);
  return (
    <main className="panel options">
      <h1>{t('optionsTitle')}</h1>
      <KbIndexStatus />
      <KbSection incoming={incoming} refreshKey={imports} />
      <ImportExport onImported={() => setImports((n) => n + 1)} />
      <KbGaps
        refreshKey={imports}
        onCreate={(draft) => {
          setIncoming((previous) => ({ draft, seq: (previous?.seq ?? 0) + 1 }));
          window.scrollTo({ top: 0 });
        }}
      />
      <SettingsForm />
      <ServiceSettingsForm />
      <DataSafety />
      <ModelSettings />
    </main>
  );
}
