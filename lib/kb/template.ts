/**
 * The reply template language: `{{name}}` or `{{name | "fallback"}}` inside plain text.
 *
 * Guarantees (why: unfilled or wrongly filled variables are the most reported canned-reply bug
 * in FreeScout #3076, osTicket #6673, Zammad #4771):
 * - `fillTemplate` never returns text that still has a variable of the template in it: a variable
 *   with neither a value nor a fallback makes it return the missing names instead;
 * - values (and fallbacks) are inserted as text and never scanned again, so a customer name like
 *   `{{agent.name}}` stays literal and cannot pull other values into the reply;
 * - a malformed template is a `TemplateSyntaxError` with its line and column, never a guess.
 *
 * Names are dotted paths (`customer.firstName`, `custom.coupon`, `客户.名字`); a fallback is a
 * quoted string (double or single quotes, `\` escapes the quote) or, leniently, bare text.
 */

export type TemplateToken =
  | { type: 'text'; text: string }
  | { type: 'var'; name: string; fallback?: string; start: number; end: number };

/** Values by dotted name: flat (`{'customer.firstName': 'Ann'}`), nested, or both. */
export interface TemplateContext {
  [key: string]: TemplateValue;
}
export type TemplateValue = string | number | null | undefined | TemplateContext;

export type FillResult =
  | { ok: true; text: string }
  | { ok: false; missing: string[]; error?: TemplateSyntaxError };

export class TemplateSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(
    readonly reason: string,
    readonly index: number,
    template: string,
  ) {
    const before = template.slice(0, index).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    super(`${reason} (line ${line}, column ${column})`);
    this.name = 'TemplateSyntaxError';
    this.line = line;
    this.column = column;
  }
}

const NAME = /[\p{L}_][\p{L}\p{N}_-]*(?:\.[\p{L}_][\p{L}\p{N}_-]*)*/uy;
const SPACE = /[ \t]*/y;

function skipSpace(template: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.exec(template);
  return SPACE.lastIndex;
}

/** Reads a quoted fallback starting at the quote; returns its text and the index after it. */
function readQuoted(template: string, at: number, open: number): { text: string; next: number } {
  const quote = template[at];
  let text = '';
  for (let i = at + 1; i < template.length; i++) {
    const ch = template[i];
    if (ch === '\\' && (template[i + 1] === quote || template[i + 1] === '\\')) {
      text += template[++i];
    } else if (ch === quote) {
      return { text, next: i + 1 };
    } else if (ch === '\n') {
      break;
    } else {
      text += ch;
    }
  }
  throw new TemplateSyntaxError('Unclosed quote in a fallback', open, template);
}

function readVariable(template: string, open: number): TemplateToken & { type: 'var' } {
  let at = skipSpace(template, open + 2);
  const close = template.indexOf('}}', at);
  if (close < 0) throw new TemplateSyntaxError('Unclosed {{ (no matching }})', open, template);
  NAME.lastIndex = at;
  const name = NAME.exec(template)?.[0];
  if (!name) {
    const what = at === close ? 'Empty variable {{}}' : 'Invalid variable name after {{';
    throw new TemplateSyntaxError(what, open, template);
  }
  at = skipSpace(template, at + name.length);
  let fallback: string | undefined;
  if (template[at] === '|') {
    at = skipSpace(template, at + 1);
    if (template[at] === '"' || template[at] === "'") {
      const quoted = readQuoted(template, at, open);
      fallback = quoted.text;
      at = skipSpace(template, quoted.next);
    } else {
      // Bare fallback text (`{{customer.firstName | there}}`): lenient, because people type it.
      const end = template.indexOf('}}', at);
      fallback = template.slice(at, end).trim();
      if (fallback.includes('\n') || fallback === '') {
        throw new TemplateSyntaxError(`Fallback of {{${name}}} should be a quoted text`, open, template);
      }
      at = end;
    }
    if (fallback.includes('{{') || fallback.includes('}}')) {
      throw new TemplateSyntaxError(`Fallback of {{${name}}} cannot contain {{ or }}`, open, template);
    }
  }
  if (!template.startsWith('}}', at)) {
    throw new TemplateSyntaxError(`Expected }} to close {{${name}`, open, template);
  }
  return { type: 'var', name, fallback, start: open, end: at + 2 };
}

/** Splits a template into text and variable tokens. Throws `TemplateSyntaxError`. */
export function parseTemplate(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let from = 0;
  for (let open = template.indexOf('{{'); open >= 0; open = template.indexOf('{{', from)) {
    if (open > from) tokens.push({ type: 'text', text: template.slice(from, open) });
    const variable = readVariable(template, open);
    tokens.push(variable);
    from = variable.end;
  }
  if (from < template.length) tokens.push({ type: 'text', text: template.slice(from) });
  return tokens;
}

/** The syntax error of `template`, or null when it parses (for the editor's live check). */
export function checkTemplate(template: string): TemplateSyntaxError | null {
  try {
    parseTemplate(template);
    return null;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
}

function isContext(value: TemplateValue): value is TemplateContext {
  return typeof value === 'object' && value !== null;
}

/**
 * The text of `name` in `context`, or undefined when it has none. A flat dotted key wins over a
 * nested path. Only own properties count (no `constructor` or `__proto__` from the prototype),
 * and an empty or blank value counts as none, so its fallback is used instead.
 */
export function lookupVariable(context: TemplateContext, name: string): string | undefined {
  let value: TemplateValue = Object.hasOwn(context, name) ? context[name] : undefined;
  if (value === undefined) {
    let node: TemplateValue = context;
    for (const part of name.split('.')) {
      node = isContext(node) && Object.hasOwn(node, part) ? node[part] : undefined;
    }
    value = node;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value;
}

/** Distinct variable names of a template, in order of first use. Throws `TemplateSyntaxError`. */
export function templateVariables(template: string): string[] {
  const names = parseTemplate(template).flatMap((t) => (t.type === 'var' ? [t.name] : []));
  return [...new Set(names)];
}

/**
 * Names with neither a value in `context` nor a fallback: the fields of the fill-in form.
 * Throws `TemplateSyntaxError`.
 */
export function missingVariables(template: string, context: TemplateContext): string[] {
  const missing = parseTemplate(template).flatMap((t) =>
    t.type === 'var' && t.fallback === undefined && lookupVariable(context, t.name) === undefined
      ? [t.name]
      : [],
  );
  return [...new Set(missing)];
}

/** Fills every variable, or says which are missing (or why the template is malformed). */
export function fillTemplate(template: string, context: TemplateContext): FillResult {
  let tokens: TemplateToken[];
  try {
    tokens = parseTemplate(template);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { ok: false, missing: [], error };
    throw error;
  }
  const parts: string[] = [];
  const missing = new Set<string>();
  for (const token of tokens) {
    if (token.type === 'text') {
      parts.push(token.text);
      continue;
    }
    const value = lookupVariable(context, token.name) ?? token.fallback;
    if (value === undefined) missing.add(token.name);
    else parts.push(value);
  }
  if (missing.size > 0) return { ok: false, missing: [...missing] };
  return { ok: true, text: parts.join('') };
}
