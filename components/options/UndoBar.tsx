import { t } from '@/lib/i18n';

export function UndoBar({ message, onUndo }: { message: string; onUndo: () => void }) {
  return (
    <div className="notice row" role="status" data-testid="undo-bar">
      <span>{message}</span>
      <button type="button" data-testid="undo" onClick={onUndo}>{t('kbUndo')}</button>
    </div>
  );
}
