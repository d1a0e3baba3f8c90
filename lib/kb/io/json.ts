import { ARTICLE_FIELDS, type Article } from '../article';
import { type KbImportIssue, quoted } from './errors';
import type { RawArticle } from './validate';

/**
 * JSON: the lossless format. `{ format: 'solodesk-kb', version: 1, articles: [...] }`; a bare
 * array of articles and CONTRACT §2 KB rows as JSON Lines (`{"id","title","body","examples"}`
 * one per line) are read too.
 */
export const JSON_FORMAT_ID = 'solodesk-kb';
export const JSON_FORMAT_VERSION = 1;

type Parsed = { raws: RawArticle[] } | { issues: KbImportIssue[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Line (1-based) of a JSON.parse error, when the engine's message says where. */
export function errorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  const lineCol = /line (\d+) column/.exec(message)?.[1];
  if (lineCol) return Number(lineCol);
  if (position) return text.slice(0, Number(position)).split('\n').length;
  return undefined;
}

function syntaxIssue(text: string, error: unknown, row?: number): KbImportIssue {
  const detail = error instanceof Error ? error.message : String(error);
  return { row, line: row ?? errorLine(text, error), message: `not valid JSON (${detail})` };
}

function fromArray(list: unknown[]): Parsed {
  const issues: KbImportIssue[] = [];
  const raws: RawArticle[] = [];
  list.forEach((item, i) => {
    if (isRecord(item)) raws.push({ row: i + 1, fields: item });
    else issues.push({ row: i + 1, message: 'an article must be an object with title and body' });
  });
  return issues.length > 0 ? { issues } : { raws };
}

/** A header value for a message: text quoted, a list or object named (never "[object Object]"). */
function shown(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

function fromDocument(doc: unknown): Parsed {
  if (Array.isArray(doc)) return fromArray(doc);
  if (!isRecord(doc)) return { issues: [{ message: 'the JSON is not a knowledge base (expected an object or a list)' }] };
  if ('format' in doc && doc.format !== JSON_FORMAT_ID) {
    return { issues: [{ field: 'format', message: `${shown(doc.format)} is not a SoloDesk knowledge base` }] };
  }
  if ('version' in doc && doc.version !== JSON_FORMAT_VERSION) {
    return {
      issues: [{ field: 'version', message: `version ${shown(doc.version)} is not supported (this SoloDesk reads version ${JSON_FORMAT_VERSION})` }],
    };
  }
  if (Array.isArray(doc.articles)) return fromArray(doc.articles);
  if ('articles' in doc) return { issues: [{ field: 'articles', message: 'must be a list of articles' }] };
  if ('title' in doc || 'body' in doc) return fromArray([doc]);
  return { issues: [{ message: 'the JSON has no "articles" list' }] };
}

function fromJsonLines(text: string): Parsed {
  const raws: RawArticle[] = [];
  const issues: KbImportIssue[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const row: unknown = JSON.parse(line);
      if (isRecord(row)) raws.push({ row: i + 1, fields: row });
      else issues.push({ row: i + 1, message: 'a JSON Lines row must be an object with title and body' });
    } catch (error) {
      issues.push(syntaxIssue(line, error, i + 1));
    }
  });
  return issues.length > 0 ? { issues } : { raws };
}

/** True when the text is several JSON values one per line rather than one document. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    return isRecord(JSON.parse(lines[0]));
  } catch {
    return false;
  }
}

export function parseJsonKb(text: string): Parsed {
  try {
    return fromDocument(JSON.parse(text));
  } catch (error) {
    if (looksLikeJsonLines(text)) return fromJsonLines(text);
    return { issues: [syntaxIssue(text, error)] };
  }
}

/** Fields in a fixed order, optional ones only when set, so the same KB gives the same bytes. */
export function orderedArticle(article: Article): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ARTICLE_FIELDS) {
    if (article[field] !== undefined) out[field] = article[field];
  }
  return out;
}

export function exportJsonKb(articles: readonly Article[]): string {
  const doc = { format: JSON_FORMAT_ID, version: JSON_FORMAT_VERSION, articles: articles.map(orderedArticle) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
