import { t } from '../i18n';
import type { Article } from '../kb/article';
import { detectKbFormat, exportFileName, exportKb, formatIssue, importKb, type KbFormat, KB_MIME_TYPES } from '../kb/io';
import { importMbox } from '../kb/mbox';
import { loadSettings } from '../settings';
import { loadKbArticles, putImportedArticles, saveMboxImport } from './kb';
import { importOrdersFile, isOrdersFile } from './orders';
import { isBackupText, restoreBackup } from './backup';
import { storageFullMessage } from './storage-errors';

/**
 * The options page's one file input: the file's content decides what it is (knowledge base,
 * mbox, orders), then it is imported all-or-nothing. Progress is a fraction 0…1.
 */

export type ImportOutcome =
  | { ok: true; kind: 'kb' | 'mbox' | 'orders' | 'backup'; message: string; articles?: Article[] }
  | { ok: false; message: string };

export type ImportProgressFn = (fraction: number) => void;

const HEAD_BYTES = 64 * 1024;

function isMbox(name: string, head: string): boolean {
  return /\.mbox$/i.test(name) || /^From \S+ /.test(head);
}

async function importKbFile(file: File, format: KbFormat, onProgress: ImportProgressFn): Promise<ImportOutcome> {
  const result = await importKb(file, {
    fileName: file.name,
    format,
    onProgress: (p) => onProgress(p.total > 0 ? (p.phase === 'validate' ? 0.2 + 0.3 * (p.done / p.total) : 0.2 * (p.done / p.total)) : 0),
  });
  if (!result.ok) {
    const issues = result.error.issues;
    const shown = issues.slice(0, 5).map(formatIssue).join('; ');
    const more = issues.length > 5 ? ` ${t('importMoreIssues', issues.length - 5)}` : '';
    return { ok: false, message: t('importKbFailed', shown + more) };
  }
  const count = await putImportedArticles(result.articles, Date.now(), (done, total) => onProgress(0.5 + 0.5 * (done / total)));
  onProgress(1);
  return { ok: true, kind: 'kb', message: t('importKbDone', count, result.format.toUpperCase()), articles: result.articles };
}

async function importMboxFile(file: File, onProgress: ImportProgressFn): Promise<ImportOutcome> {
  const settings = await loadSettings();
  const result = await importMbox(file, {
    ownAddresses: settings.ownAddresses,
    signatures: settings.signature ? [settings.signature] : [],
    onProgress: (p) => onProgress(p.totalBytes ? p.bytesRead / p.totalBytes : 0),
  });
  if (!result.ok) return { ok: false, message: t('importMboxFailed', result.error.message) };
  const { pairs, customers, stats } = result;
  // A readable mailbox may still hold nothing to keep (only newsletters, or only our own mail).
  if (pairs.length === 0 && customers.length === 0) return { ok: false, message: t('importMboxNothingUsable', stats.messages) };
  await saveMboxImport(pairs, customers);
  onProgress(1);
  const message = pairs.length > 0 ? t('importMboxDone', stats.messages, pairs.length, customers.length) : t('importMboxNoPairs', stats.messages, customers.length);
  return { ok: true, kind: 'mbox', message };
}

/**
 * Excel's "Unicode text" and some exporters write UTF-16 with a byte-order mark; every reader
 * below expects UTF-8, so such a file is re-encoded first (the BOM is dropped by the decoder).
 */
async function asUtf8(file: File): Promise<File> {
  const bom = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const encoding = bom[0] === 0xff && bom[1] === 0xfe ? 'utf-16le' : bom[0] === 0xfe && bom[1] === 0xff ? 'utf-16be' : undefined;
  if (!encoding) return file;
  return new File([new TextDecoder(encoding).decode(await file.arrayBuffer())], file.name, { type: file.type });
}

export async function importAnyFile(original: File, onProgress: ImportProgressFn = () => {}): Promise<ImportOutcome> {
  try {
    const file = await asUtf8(original);
    const head = await file.slice(0, HEAD_BYTES).text();
    if (isMbox(file.name, head)) return await importMboxFile(file, onProgress);
    if (isBackupText(head)) {
      const restored = await restoreBackup(await file.text());
      onProgress(1);
      return restored.ok
        ? { ok: true, kind: 'backup', message: t('importBackupDone', restored.rows) }
        : { ok: false, message: t('importBackupFailed', restored.error) };
    }
    // The start of the file is enough: a KB CSV differs from an orders CSV by its header.
    const format = detectKbFormat(head, file.name);
    if (format) return await importKbFile(file, format, onProgress);
    // Not a knowledge base: the other kind of file this input takes is an orders export.
    if (!(await isOrdersFile(file))) return { ok: false, message: t('importNotKb') };
    const result = await importOrdersFile(file, onProgress);
    if (!result.ok) return { ok: false, message: t('importOrdersFailed', result.error) };
    onProgress(1);
    return { ok: true, kind: 'orders', message: t('importOrdersDone', result.added, result.format, result.unchanged, result.skipped) };
  } catch (error) {
    // Every write above is one transaction, so a full disk left the data as it was.
    const full = storageFullMessage(error, 'import');
    if (full) return { ok: false, message: full };
    return { ok: false, message: t('importFailed', error instanceof Error ? error.message : String(error)) };
  }
}

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

export async function exportKnowledgeBase(format: KbFormat, now = new Date()): Promise<ExportFile> {
  const articles = await loadKbArticles();
  return { name: exportFileName(format, now), type: KB_MIME_TYPES[format], text: exportKb(articles, format) };
}
