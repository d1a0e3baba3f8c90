import { t } from '../i18n';
import { reportError } from '../log';

/**
 * The one place that recognises "the browser's storage is full" and says so. IndexedDB reports it
 * as a QuotaExceededError DOMException; Dexie passes that name on, or — when the browser aborts the
 * transaction instead of failing the request — wraps it as the `inner` of an AbortError
 * (https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError). storage.local says
 * "QUOTA_BYTES quota exceeded" in Chrome.
 */

/** What the user was saving, which decides what the message tells them. */
export type StorageWrite = 'conversation' | 'import' | 'article';

export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  // A short chain: Dexie's inner, the standard cause; never loop on a cyclic one.
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && /QUOTA_BYTES|quota exceeded|QuotaExceededError/i.test(message)) return true;
    const next = current as { inner?: unknown; cause?: unknown };
    current = next.inner ?? next.cause;
  }
  return false;
}

const MESSAGES = {
  conversation: 'storageFullConversation',
  import: 'storageFullImport',
  article: 'storageFullArticle',
} as const;

/** The translated message for a storage-full error, or undefined for any other error. */
export function storageFullMessage(error: unknown, write: StorageWrite): string | undefined {
  return isStorageFull(error) ? t(MESSAGES[write]) : undefined;
}

/**
 * The background cannot record "storage is full" in the full IndexedDB, so it puts it in the
 * in-memory session storage, which the side panel watches. Cleared by the next successful save.
 */
const SESSION_KEY = 'storageFull';

export interface StorageFullNotice {
  write: StorageWrite;
  at: number;
}

export async function noteStorageFull(write: StorageWrite, at = Date.now()): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEY]: { write, at } satisfies StorageFullNotice });
}

export async function clearStorageFull(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY);
}

export async function readStorageFull(): Promise<StorageFullNotice | undefined> {
  return parseNotice((await browser.storage.session.get(SESSION_KEY))[SESSION_KEY]);
}

/** Calls back with the notice (or undefined) whenever it changes; returns the unsubscribe. */
export function watchStorageFull(onChange: (notice: StorageFullNotice | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (SESSION_KEY in changes) onChange(parseNotice(changes[SESSION_KEY].newValue));
  };
  browser.storage.session.onChanged.addListener(listener);
  readStorageFull()
    .then(onChange)
    .catch((error: unknown) => reportError('storage', error));
  return () => browser.storage.session.onChanged.removeListener(listener);
}

function parseNotice(value: unknown): StorageFullNotice | undefined {
  const notice = value as Partial<StorageFullNotice> | undefined;
  return notice && typeof notice.at === 'number' && notice.write && notice.write in MESSAGES ? (notice as StorageFullNotice) : undefined;
}
