import { useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import type { KbFormat } from '@/lib/kb/io';
import { exportKnowledgeBase, importAnyFile } from '@/lib/store/import-export';
import { downloadFile } from '../download';

type Status = { state: 'idle' } | { state: 'running'; progress: number } | { state: 'ok' | 'error'; message: string };

/** The one file input for every import (format detected from the file) and the KB export. */
export function ImportExport({ onImported }: { onImported?: () => void }) {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [format, setFormat] = useState<KbFormat>('json');
  const input = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    setStatus({ state: 'running', progress: 0 });
    const result = await importAnyFile(file, (progress) => setStatus({ state: 'running', progress }));
    setStatus({ state: result.ok ? 'ok' : 'error', message: result.message });
    if (result.ok) onImported?.();
    // The same file may be chosen again after it was fixed.
    if (input.current) input.current.value = '';
  };

  const download = async () => {
    const file = await exportKnowledgeBase(format);
    downloadFile(file.name, [file.text], file.type);
  };

  return (
    <section className="import-export">
      <h2>{t('ioTitle')}</h2>
      <div className="row">
        <label>
          <span className="label">{t('ioImportLabel')}</span>
          <input
            ref={input}
            type="file"
            data-testid="import-file"
            accept=".json,.jsonl,.csv,.tsv,.md,.markdown,.mbox,.txt,application/json,text/csv,text/markdown"
            disabled={status.state === 'running'}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
        <label>
          <span className="label">{t('ioExportFormat')}</span>
          <select name="export-format" value={format} onChange={(e) => setFormat(e.target.value as KbFormat)}>
            <option value="json">JSON</option>
            <option value="csv">CSV</option>
            <option value="markdown">Markdown</option>
          </select>
        </label>
        <button type="button" data-testid="export" onClick={() => void download()}>{t('ioExport')}</button>
      </div>
      <p className="muted">{t('ioHint')}</p>
      {status.state !== 'idle' && (
        <div data-testid="import-status" data-state={status.state} role="status" className={status.state === 'error' ? 'error' : status.state === 'ok' ? 'ok' : ''}>
          {status.state === 'running' ? (
            <>
              <progress max={1} value={status.progress} /> {t('ioRunning', Math.round(status.progress * 100))}
            </>
          ) : (
            status.message
          )}
        </div>
      )}
    </section>
  );
}
