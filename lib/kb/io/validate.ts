import { type Article, guessLang, hashId, normalizeLang } from '../article';
import { type KbImportIssue, MAX_ISSUES, type ProgressCallback, quoted } from './errors';

/** One article as read from a file, before validation: field name → whatever the file had. */
export interface RawArticle {
  row: number;
  line?: number;
  fields: Record<string, unknown>;
}

/** How a format names `Article` fields in its errors (CSV and Markdown say `language`). */
export type FieldLabels = Partial<Record<keyof Article, string>>;

const MAX_TEXT = 200_000;
const MAX_NAME = 100;

class RowIssues {
  readonly list: KbImportIssue[] = [];
  constructor(
    private readonly raw: RawArticle,
    private readonly labels: FieldLabels,
  ) {}
  add(field: keyof Article | string, message: string, index?: number): void {
    const label = (this.labels as Record<string, string | undefined>)[field] ?? field;
    this.list.push({
      row: this.raw.row,
      line: this.raw.line,
      field: index === undefined ? label : `${label}[${index + 1}]`,
      message,
    });
  }
}

function text(raw: unknown, field: keyof Article, issues: RowIssues, required: boolean): string | undefined {
  if (raw === undefined || raw === null || raw === '') {
    if (required) issues.add(field, 'is required');
    return undefined;
  }
  if (typeof raw !== 'string') {
    issues.add(field, `must be text, not ${Array.isArray(raw) ? 'a list' : typeof raw}`);
    return undefined;
  }
  if (required && raw.trim() === '') issues.add(field, 'is empty');
  if (raw.length > MAX_TEXT) issues.add(field, `is longer than ${MAX_TEXT} characters`);
  return raw;
}

function name(raw: unknown, field: keyof Article, issues: RowIssues): string | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  const value = text(raw, field, issues, false)?.trim();
  if (value !== undefined && value.length > MAX_NAME) {
    issues.add(field, `is longer than ${MAX_NAME} characters`);
  }
  return value === '' ? undefined : value;
}

function list(raw: unknown, field: 'examples' | 'tags', issues: RowIssues): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.add(field, 'must be a list of texts');
    return [];
  }
  const out: string[] = [];
  raw.forEach((item, i) => {
    if (typeof item !== 'string') issues.add(field, 'must be text', i);
    else if (item.trim() === '') issues.add(field, 'is empty', i);
    else if (field === 'tags' && /[\r\n]/.test(item)) issues.add(field, 'a tag cannot span lines', i);
    else out.push(field === 'tags' ? item.trim() : item);
  });
  return out;
}

/** Checks one raw article; returns it in canonical form, or the reasons it is not one. */
export function toArticle(raw: RawArticle, labels: FieldLabels = {}): Article | KbImportIssue[] {
  const issues = new RowIssues(raw, labels);
  const f = raw.fields;
  const title = text(f.title, 'title', issues, true);
  const body = text(f.body, 'body', issues, true);
  const examples = list(f.examples, 'examples', issues);
  const tags = list(f.tags, 'tags', issues);
  const id = name(f.id, 'id', issues);
  const category = name(f.category, 'category', issues) ?? 'other';
  const shortcut = name(f.shortcut, 'shortcut', issues);
  const rawLang = name(f.lang, 'lang', issues);
  const lang = rawLang === undefined ? guessLang(`${title ?? ''}\n${body ?? ''}`) : normalizeLang(rawLang);
  if (lang === null) issues.add('lang', `${quoted(rawLang ?? '')} is not a language code such as en, zh or zh-CN`);
  const updatedAt = name(f.updatedAt, 'updatedAt', issues);
  if (updatedAt !== undefined && Number.isNaN(Date.parse(updatedAt))) {
    issues.add('updatedAt', `${quoted(updatedAt)} is not a date (use ISO 8601, e.g. 2025-05-01T12:00:00Z)`);
  }
  if (issues.list.length > 0 || title === undefined || body === undefined || lang === null) return issues.list;
  const article: Article = { id: id ?? '', title, body, examples, category, lang, tags };
  if (shortcut !== undefined) article.shortcut = shortcut;
  if (updatedAt !== undefined) article.updatedAt = updatedAt;
  return article;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Validates every raw article in chunks (so a page stays responsive and can show progress),
 * then checks ids across the file: a duplicate id is an error, a missing one is derived from
 * the title and language so re-importing the same file gives the same ids.
 */
export async function validateAll(
  raws: RawArticle[],
  labels: FieldLabels,
  onProgress?: ProgressCallback,
  chunkSize = 500,
): Promise<{ articles: Article[] } | { issues: KbImportIssue[] }> {
  const articles: Article[] = [];
  const issues: KbImportIssue[] = [];
  for (let start = 0; start < raws.length; start += chunkSize) {
    for (const raw of raws.slice(start, start + chunkSize)) {
      const result = toArticle(raw, labels);
      if (Array.isArray(result)) issues.push(...result);
      else articles.push(result);
      if (issues.length >= MAX_ISSUES) return { issues };
    }
    onProgress?.({ phase: 'validate', done: Math.min(start + chunkSize, raws.length), total: raws.length });
    if (start + chunkSize < raws.length) await yieldToUi();
  }
  if (issues.length > 0) return { issues };
  return assignIds(articles, raws, labels);
}

function assignIds(
  articles: Article[],
  raws: RawArticle[],
  labels: FieldLabels,
): { articles: Article[] } | { issues: KbImportIssue[] } {
  const issues: KbImportIssue[] = [];
  const firstRow = new Map<string, number>();
  articles.forEach((a, i) => {
    if (a.id === '') return;
    const seen = firstRow.get(a.id);
    if (seen !== undefined) {
      const message = `id ${quoted(a.id)} is already used by row ${seen}`;
      issues.push({ row: raws[i].row, line: raws[i].line, field: labels.id ?? 'id', message });
    } else firstRow.set(a.id, raws[i].row);
  });
  if (issues.length > 0) return { issues: issues.slice(0, MAX_ISSUES) };
  for (const a of articles) {
    if (a.id !== '') continue;
    const base = `kb-${hashId(`${a.title}\n${a.lang}`)}`;
    let id = base;
    for (let n = 2; firstRow.has(id); n++) id = `${base}-${n}`;
    a.id = id;
    firstRow.set(id, 0);
  }
  return { articles };
}
