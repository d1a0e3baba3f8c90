import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { backgroundMessenger, type ModelStatusPayload } from '@/lib/messaging';
import { DEFAULT_MODEL_SOURCE } from '@/lib/settings';
import { dexieVocabStore, readModelProgress } from '@/lib/store/model';
import { useSettings } from './hooks/useSettings';

/**
 * The optional Universal Sentence Encoder: nothing is downloaded until the user clicks Enable. The
 * background does the download and caching; this page only asks for the host permission (which
 * needs the click), shows the progress row the background writes, and installs a picked folder
 * itself (File objects cannot travel in extension messages; the cache is shared per origin).
 */

// Declared as optional_host_permissions in wxt.config.ts; TF Hub redirects to Kaggle.
const OFFICIAL_ORIGINS = ['https://tfhub.dev/*', 'https://www.kaggle.com/*', 'https://storage.googleapis.com/*'];

function originsFor(source: string): string[] {
  if (source === DEFAULT_MODEL_SOURCE) return OFFICIAL_ORIGINS;
  return [`${new URL(source).origin}/*`];
}

/** False only when the user said no; an origin the manifest does not list is left to CORS. */
async function askHostPermission(source: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: originsFor(source) });
  } catch {
    return true;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ModelSettings() {
  const settings = useSettings();
  const progress = useLiveQuery(readModelProgress, [], undefined);
  const [status, setStatus] = useState<ModelStatusPayload>();
  const [url, setUrl] = useState(DEFAULT_MODEL_SOURCE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const folderInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => backgroundMessenger.sendMessage('modelStatus', undefined).then(setStatus), []);
  useEffect(() => {
    void refresh().catch((e: unknown) => setError(errorText(e)));
  }, [refresh, settings.modelEnabled]);
  useEffect(() => {
    if (!settings.modelSource.startsWith('folder:')) setUrl(settings.modelSource);
  }, [settings.modelSource]);
  // React has no typed prop for it; lets the user pick the whole model folder at once.
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);

  const run = async (work: () => Promise<ModelStatusPayload | undefined>) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await work();
      if (next) setStatus(next);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const enable = () =>
    run(async () => {
      const source = url.trim();
      if (!(await askHostPermission(source))) throw new Error(t('modelPermissionDenied'));
      return backgroundMessenger.sendMessage('modelEnable', { source });
    });

  const installFolder = (files: FileList | null) => {
    if (!files?.length) return;
    void run(async () => {
      // Loaded on demand so the options page does not carry tfjs until a folder is picked.
      const { installUseFromFiles } = await import('@/lib/triage/embed/use-loader');
      const { source } = await installUseFromFiles(files, dexieVocabStore());
      return backgroundMessenger.sendMessage('modelEnable', { source });
    });
  };

  const disable = () => run(() => backgroundMessenger.sendMessage('modelDisable', undefined));

  const running = busy || progress?.running === true;
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  const shownError = error ?? progress?.error ?? status?.error;

  return (
    <section className="settings model-settings" data-testid="model-settings">
      <h2>{t('modelTitle')}</h2>
      <p>{t('modelExplain')}</p>
      <p data-testid="model-status" data-enabled={String(status?.enabled ?? false)} data-cached={String(status?.cached ?? false)}>
        {status?.enabled ? t('modelStatusOn') : t('modelStatusOff')}
        {status?.cached && status.modelId && ` · ${t('modelCachedAs', status.modelId)}`}
        {status?.backend && ` · ${t('modelBackend', status.backend)}`}
        {status?.bytes !== undefined && ` · ${t('modelSize', (status.bytes / 1e6).toFixed(1))}`}
      </p>
      {running && (
        <div data-testid="model-progress">
          <progress max={100} value={percent} />
          <span> {t(`modelStage_${progress?.stage ?? 'model'}`)} {percent}%</span>
        </div>
      )}
      {!status?.enabled && (
        <>
          <label>
            <span className="label">{t('modelUrl')}</span>
            <input name="modelUrl" type="url" value={url} onChange={(e) => setUrl(e.target.value)} disabled={running} />
          </label>
          <button type="button" data-testid="model-enable" onClick={() => void enable()} disabled={running || url.trim() === ''}>
            {t('modelEnable')}
          </button>
          <label>
            <span className="label">{t('modelFolder')}</span>
            <input ref={folderInput} type="file" multiple data-testid="model-folder" disabled={running} onChange={(e) => installFolder(e.target.files)} />
          </label>
        </>
      )}
      {status?.enabled && (
        <button type="button" data-testid="model-disable" onClick={() => void disable()} disabled={running}>
          {t('modelDisable')}
        </button>
      )}
      {shownError && <p className="error">{t('modelError', shownError)}</p>}
    </section>
  );
}
