import type { Article } from '../article';
import { exportCsvKb, looksLikeKbCsv, parseCsvKb, CSV_LABELS } from './csv';
import { decodeText, stripBom } from './decode';
import { type KbFormat, KbImportError, type KbImportIssue, type ProgressCallback } from './errors';
import { exportJsonKb, parseJsonKb } from './json';
import { exportMarkdownKb, MARKDOWN_LABELS, parseMarkdownKb } from './markdown';
import { type FieldLabels, type RawArticle, validateAll } from './validate';

export { KbImportError, type KbFormat, type KbImportIssue, type ImportProgress, formatIssue } from './errors';

export interface KbImportOptions {
  /** The file's name, when known: its extension decides the format before the content does. */
  fileName?: string;
  /** Skip detection. */
  format?: KbFormat;
  onProgress?: ProgressCallback;
  /** Articles validated between two yields to the event loop. */
  chunkSize?: number;
}

/** All articles or the reasons none were imported: never part of a file. */
export type KbImportResult =
  | { ok: true; format: KbFormat; articles: Article[] }
  | { ok: false; format?: KbFormat; error: KbImportError };

const BY_EXTENSION: Record<string, KbFormat> = {
  json: 'json',
  jsonl: 'json',
  ndjson: 'json',
  csv: 'csv',
  tsv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
};

/**
 * The format of a knowledge-base file, or null when it is none (the options page's one file
 * input then tries the order importers). A `.json`/`.md` name is trusted, so a broken file gets
 * that format's precise error; a `.csv` must still have title and body columns, because order
 * exports are CSV files too.
 */
export function detectKbFormat(text: string, fileName?: string): KbFormat | null {
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const byName = extension && Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
  if (byName === 'csv') return looksLikeKbCsv(stripBom(text)) ? 'csv' : null;
  if (byName) return byName;
  const start = stripBom(text).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (/^---[ \t]*\r?\n/.test(start)) return 'markdown';
  if (looksLikeKbCsv(stripBom(text))) return 'csv';
  return null;
}

const PARSERS: Record<KbFormat, { parse: (text: string) => { raws: RawArticle[] } | { issues: KbImportIssue[] }; labels: FieldLabels }> = {
  json: { parse: parseJsonKb, labels: {} },
  csv: { parse: parseCsvKb, labels: CSV_LABELS },
  markdown: { parse: parseMarkdownKb, labels: MARKDOWN_LABELS },
};

async function readInput(input: string | Blob, onProgress?: ProgressCallback): Promise<string> {
  if (typeof input === 'string') return input;
  onProgress?.({ phase: 'read', done: 0, total: input.size });
  const { text } = decodeText(new Uint8Array(await input.arrayBuffer()));
  onProgress?.({ phase: 'read', done: input.size, total: input.size });
  return text;
}

function failure(issues: KbImportIssue[], format?: KbFormat): KbImportResult {
  return { ok: false, format, error: new KbImportError(issues, format) };
}

/**
 * Reads a knowledge-base file (JSON, CSV or Markdown; see each module for its layout).
 * Never throws for a bad file: the result says what is wrong, by row and field.
 */
export async function importKb(input: string | Blob, options: KbImportOptions = {}): Promise<KbImportResult> {
  let text: string;
  try {
    text = stripBom(await readInput(input, options.onProgress));
  } catch (error) {
    return failure([{ message: `the file could not be read (${error instanceof Error ? error.message : String(error)})` }]);
  }
  const fileName = options.fileName ?? (typeof input !== 'string' && 'name' in input ? String(input.name) : undefined);
  if (text.trim() === '') return failure([{ message: 'the file is empty' }], options.format);
  const format = options.format ?? detectKbFormat(text, fileName);
  if (!format) {
    return failure([{ message: 'this is not a knowledge-base file: expected JSON, a CSV with title and body columns, or Markdown with front matter' }]);
  }
  const { parse, labels } = PARSERS[format];
  options.onProgress?.({ phase: 'parse', done: 0, total: text.length });
  const parsed = parse(text);
  options.onProgress?.({ phase: 'parse', done: text.length, total: text.length });
  if ('issues' in parsed) return failure(parsed.issues, format);
  if (parsed.raws.length === 0) return failure([{ message: 'the file has no articles' }], format);
  const validated = await validateAll(parsed.raws, labels, options.onProgress, options.chunkSize);
  if ('issues' in validated) return failure(validated.issues, format);
  return { ok: true, format, articles: validated.articles };
}

/** The knowledge base as a file in `format`; `importKb` of it gives the same articles back. */
export function exportKb(articles: readonly Article[], format: KbFormat): string {
  if (format === 'json') return exportJsonKb(articles);
  if (format === 'csv') return exportCsvKb(articles);
  return exportMarkdownKb(articles);
}

export const KB_MIME_TYPES: Record<KbFormat, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
};

/** `solodesk-kb-2025-05-01.md` */
export function exportFileName(format: KbFormat, now = new Date()): string {
  const extension = format === 'markdown' ? 'md' : format;
  return `solodesk-kb-${now.toISOString().slice(0, 10)}.${extension}`;
}
