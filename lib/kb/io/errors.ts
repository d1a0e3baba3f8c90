export type KbFormat = 'json' | 'csv' | 'markdown';

/**
 * One problem in an imported file. `row` is what the user can find again:
 * JSON → the article's position in the list (1 = first), JSON Lines → the line,
 * CSV → the spreadsheet row (the header is row 1), Markdown → the article's position.
 * `line` is the text line where it is known (syntax errors, Markdown).
 */
export interface KbImportIssue {
  row?: number;
  line?: number;
  field?: string;
  message: string;
}

/** The file was not imported at all (imports are all-or-nothing). */
export class KbImportError extends Error {
  constructor(
    readonly issues: KbImportIssue[],
    readonly format?: KbFormat,
  ) {
    super(summarize(issues));
    this.name = 'KbImportError';
  }
}

export const MAX_ISSUES = 50;

/** A value from the file, quoted for a message: its start only, so a 200,000-character cell stays a line. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function where(issue: KbImportIssue): string {
  const parts: string[] = [];
  if (issue.row !== undefined) parts.push(`row ${issue.row}`);
  if (issue.line !== undefined && issue.line !== issue.row) parts.push(`line ${issue.line}`);
  if (issue.field) parts.push(issue.field);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

export function formatIssue(issue: KbImportIssue): string {
  return where(issue) + issue.message;
}

function summarize(issues: KbImportIssue[]): string {
  if (issues.length === 0) return 'The file could not be imported.';
  const first = issues.slice(0, 3).map(formatIssue).join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Nothing was imported: ${first}${more}`;
}

export interface ImportProgress {
  phase: 'read' | 'parse' | 'validate';
  done: number;
  total: number;
}
export type ProgressCallback = (progress: ImportProgress) => void;
