import { t } from '@/lib/i18n';

/** Shown while the browser refuses to store opened conversations because its storage is full. */
export function StorageFullNotice() {
  return (
    <p className="notice error" role="alert" data-testid="storage-full">
      {t('storageFullConversation')}
    </p>
  );
}
