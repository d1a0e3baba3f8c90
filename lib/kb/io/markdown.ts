import type { Article } from '../article';
import type { KbImportIssue } from './errors';
import { type FrontMatterLine, FrontMatterError, frontMatterLine, readFrontMatter, writeValue } from './front-matter';
import type { FieldLabels, RawArticle } from './validate';

/**
 * Markdown: each article is a front matter block and its body; several articles follow each
 * other in one file:
 *
 *     ---
 *     title: "Where is my refund?"
 *     category: "refund"
 *     language: "en"
 *     tags: ["refund"]
 *     examples:
 *       - "When do I get my money back?"
 *     ---
 *     Hi {{customer.firstName | "there"}}, …
 *
 * A `---` line starts a new article only when the lines up to the next `---` all read as front
 * matter and name at least one article key, so horizontal rules (`---`) in a body stay body.
 * A body that would not survive this layout (it contains such a block, starts or ends with
 * blank lines, or has a CR) is written inside the front matter as `body: "…"` instead.
 */
export const MARKDOWN_LABELS: FieldLabels = { lang: 'language' };

const KEYS: Record<string, keyof Article> = {
  id: 'id',
  title: 'title',
  body: 'body',
  category: 'category',
  language: 'lang',
  lang: 'lang',
  tags: 'tags',
  examples: 'examples',
  questions: 'examples',
  shortcut: 'shortcut',
  updatedAt: 'updatedAt',
  updated_at: 'updatedAt',
  updated: 'updatedAt',
};
const LIST_FIELDS = new Set<keyof Article>(['tags', 'examples']);
const FENCE = /^---[ \t]*$/;
const MAX_HEADER_LINES = 500;

interface Header {
  start: number;
  /** Index of the closing `---`. */
  end: number;
  lines: FrontMatterLine[];
}

/** The front matter block opening at `lines[start]`, or null when that line is not one. */
function headerAt(lines: string[], start: number): Header | null {
  if (!FENCE.test(lines[start])) return null;
  const block: FrontMatterLine[] = [];
  for (let i = start + 1; i < lines.length && i <= start + MAX_HEADER_LINES; i++) {
    if (FENCE.test(lines[i])) {
      return block.some((l) => l.key !== undefined && Object.hasOwn(KEYS, l.key)) ? { start, end: i, lines: block } : null;
    }
    const line = frontMatterLine(lines[i], i);
    if (!line) return null;
    block.push(line);
  }
  return null;
}

function findHeaders(lines: string[]): Header[] {
  const headers: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i);
    if (header) {
      headers.push(header);
      i = header.end;
    }
  }
  return headers;
}

function canonicalBody(text: string): string {
  // trimEnd, not /\s+$/: that regex is quadratic over a long blank run followed by text.
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

type Parsed = { raws: RawArticle[] } | { issues: KbImportIssue[] };

function toFields(header: Header, body: string, row: number): { fields: Record<string, unknown> } | { issue: KbImportIssue } {
  const values = readFrontMatter(header.lines);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of values) {
    if (!Object.hasOwn(KEYS, key)) continue;
    const field = KEYS[key];
    if (LIST_FIELDS.has(field)) fields[field] = typeof value === 'string' ? splitScalarList(field, value) : value;
    else fields[field] = Array.isArray(value) && value.length === 0 ? undefined : value;
  }
  if (body !== '') {
    if (fields.body !== undefined) {
      const message = 'the body is given both in the front matter and below it';
      return { issue: { row, line: header.start + 1, field: 'body', message } };
    }
    fields.body = body;
  }
  return { fields };
}

/** `tags: a, b` and `examples: one question` written as a plain value. */
function splitScalarList(field: keyof Article, value: string): string[] {
  if (value.trim() === '') return [];
  return field === 'tags' ? value.split(/[,，、]/).map((t) => t.trim()).filter(Boolean) : [value];
}

export function parseMarkdownKb(text: string): Parsed {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headers = findHeaders(lines);
  const firstContent = lines.findIndex((l) => l.trim() !== '');
  if (headers.length === 0 || headers[0].start !== firstContent) {
    return {
      issues: [{ row: 1, line: firstContent + 1, message: 'each article must start with a front matter block (a line "---", then "title: …", then "---")' }],
    };
  }
  const raws: RawArticle[] = [];
  const issues: KbImportIssue[] = [];
  headers.forEach((header, i) => {
    const row = i + 1;
    const bodyEnd = headers[i + 1]?.start ?? lines.length;
    const body = canonicalBody(lines.slice(header.end + 1, bodyEnd).join('\n'));
    try {
      const result = toFields(header, body, row);
      if ('issue' in result) issues.push(result.issue);
      else raws.push({ row, line: header.start + 1, fields: result.fields });
    } catch (error) {
      if (!(error instanceof FrontMatterError)) throw error;
      issues.push({ row, line: error.index + 1, field: error.key, message: error.message });
    }
  });
  return issues.length > 0 ? { issues } : { raws };
}

/** Whether the body, written below its front matter, reads back exactly as it is. */
function bodyFitsBelow(body: string): boolean {
  // The next article's opening `---` follows the body, so test the body with it.
  const inContext = [...body.split('\n'), '', '---'];
  return !body.includes('\r') && canonicalBody(body) === body && findHeaders(inContext).length === 0;
}

function articleToMarkdown(article: Article): string {
  const below = bodyFitsBelow(article.body);
  const lines = ['---', `id: ${writeValue(article.id)}`, `title: ${writeValue(article.title)}`];
  lines.push(`category: ${writeValue(article.category)}`, `language: ${writeValue(article.lang)}`);
  lines.push(`tags: ${writeValue(article.tags)}`);
  if (article.shortcut !== undefined) lines.push(`shortcut: ${writeValue(article.shortcut)}`);
  if (article.updatedAt !== undefined) lines.push(`updatedAt: ${writeValue(article.updatedAt)}`);
  if (article.examples.length === 0) lines.push('examples: []');
  else lines.push('examples:', ...article.examples.map((e) => `  - ${writeValue(e)}`));
  if (!below) lines.push(`body: ${writeValue(article.body)}`);
  lines.push('---');
  return `${lines.join('\n')}\n${below ? `${article.body}\n` : ''}`;
}

export function exportMarkdownKb(articles: readonly Article[]): string {
  return articles.map(articleToMarkdown).join('\n');
}
