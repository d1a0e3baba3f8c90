import Papa from 'papaparse';
import type { Article } from '../article';
import type { KbImportIssue } from './errors';
import { decodeExamples, decodeTags, encodeExamples, encodeTags, guardFormula, unguardFormula } from './csv-cells';
import type { FieldLabels, RawArticle } from './validate';

/**
 * CSV: one article per row with the columns
 * `id, title, body, examples, category, language, tags, shortcut, updatedAt`
 * (only title and body are required; header names are case-insensitive and may be in Chinese:
 * 标题, 正文, 示例问题, 分类, 语言, 标签). See csv-cells.ts for lists inside cells.
 * Export writes a UTF-8 BOM and CRLF line ends so Excel opens Chinese text correctly.
 */
export const CSV_LABELS: FieldLabels = { lang: 'language' };

const EXPORT_COLUMNS = ['id', 'title', 'body', 'examples', 'category', 'language', 'tags', 'shortcut', 'updatedAt'];

const HEADER_ALIASES: Record<string, keyof Article> = {
  id: 'id',
  title: 'title',
  标题: 'title',
  body: 'body',
  answer: 'body',
  reply: 'body',
  正文: 'body',
  内容: 'body',
  回复: 'body',
  examples: 'examples',
  example: 'examples',
  questions: 'examples',
  'example questions': 'examples',
  示例: 'examples',
  示例问题: 'examples',
  category: 'category',
  分类: 'category',
  类别: 'category',
  language: 'lang',
  lang: 'lang',
  语言: 'lang',
  tags: 'tags',
  标签: 'tags',
  shortcut: 'shortcut',
  快捷方式: 'shortcut',
  updatedat: 'updatedAt',
  updated_at: 'updatedAt',
  updated: 'updatedAt',
};

function columnOf(header: string): keyof Article | undefined {
  const key = header.trim().toLowerCase();
  return Object.hasOwn(HEADER_ALIASES, key) ? HEADER_ALIASES[key] : undefined;
}

/** The delimiter used in the header line: `,` normally, `;` from a German Excel, tab from TSV. */
function headerDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Whether `text` starts with a header naming at least a title and a body column. */
export function looksLikeKbCsv(text: string): boolean {
  const first = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const columns = first.split(headerDelimiter(text)).map((h) => columnOf(h.replace(/^"|"$/g, '')));
  return columns.includes('title') && columns.includes('body');
}

type Parsed = { raws: RawArticle[] } | { issues: KbImportIssue[] };

function readHeader(header: string[]): { columns: (keyof Article | undefined)[] } | { issues: KbImportIssue[] } {
  const columns = header.map(columnOf);
  const issues: KbImportIssue[] = [];
  for (const required of ['title', 'body'] as const) {
    if (!columns.includes(required)) issues.push({ row: 1, field: required, message: `the header has no "${required}" column` });
  }
  columns.forEach((c, i) => {
    if (c && columns.indexOf(c) !== i) issues.push({ row: 1, field: header[i], message: 'this column appears twice' });
  });
  return issues.length > 0 ? { issues } : { columns };
}

function toFields(cells: string[], columns: (keyof Article | undefined)[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    if (!column) return;
    const cell = unguardFormula(cells[i]);
    if (column === 'examples') fields.examples = decodeExamples(cell);
    else if (column === 'tags') fields.tags = decodeTags(cell);
    else fields[column] = cell;
  });
  return fields;
}

export function parseCsvKb(text: string): Parsed {
  const result = Papa.parse<string[]>(text, { delimiter: headerDelimiter(text), skipEmptyLines: false });
  const issues: KbImportIssue[] = result.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: `${e.message} (a quote is not closed)` }));
  if (issues.length > 0) return { issues };
  const [header, ...rows] = result.data;
  if (!header) return { issues: [{ message: 'the file is empty' }] };
  const head = readHeader(header);
  if ('issues' in head) return head;
  const raws: RawArticle[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== header.length) {
      issues.push({ row, message: `has ${cells.length} cells but the header has ${header.length}` });
      return;
    }
    raws.push({ row, fields: toFields(cells, head.columns) });
  });
  return issues.length > 0 ? { issues } : { raws };
}

function cellsOf(article: Article): string[] {
  return [
    article.id,
    article.title,
    article.body,
    encodeExamples(article.examples),
    article.category,
    article.lang,
    encodeTags(article.tags),
    article.shortcut ?? '',
    article.updatedAt ?? '',
  ].map(guardFormula);
}

export function exportCsvKb(articles: readonly Article[]): string {
  const csv = Papa.unparse({ fields: EXPORT_COLUMNS, data: articles.map(cellsOf) }, { newline: '\r\n', quotes: true });
  return `\uFEFF${csv}\r\n`;
}
