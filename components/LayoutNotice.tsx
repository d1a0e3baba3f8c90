import { t } from '@/lib/i18n';

export function LayoutNotice() {
  return (
    <p className="notice" role="status" data-testid="layout-notice">
      {t('layoutNotice')}
    </p>
  );
}
