/**
 * The small part of YAML that article front matter needs, read and written without a YAML
 * library: `key: value` lines whose value is a double-quoted (JSON) string, a single-quoted
 * string, a flow list `[a, "b"]` or bare text, and `key:` followed by `  - item` lines.
 * Anything else (block scalars `|`, nested maps, anchors) is reported, not guessed.
 */
export type FrontMatterValue = string | string[];

export interface FrontMatterLine {
  /** Index of the line in the block (0 = the first line after the opening `---`). */
  index: number;
  key?: string;
  item?: string;
  value?: string;
}

// Values are taken greedily and their trailing blanks cut by trimBlanksEnd: a lazy `(.*?)[ \t]*$`
// backtracks quadratically over a long run of blanks inside a line (a 200,000-character line took minutes).
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/s;
const ITEM_LINE = /^[ \t]*-(?:[ \t]+(.*))?$/s;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/s;

function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** Classifies one line; null when it cannot be part of front matter. */
export function frontMatterLine(line: string, index: number): FrontMatterLine | null {
  const key = KEY_LINE.exec(line);
  if (key) return { index, key: key[1], value: trimBlanksEnd(key[2] ?? '') };
  const item = ITEM_LINE.exec(line);
  if (item) return { index, item: trimBlanksEnd(item[1] ?? '') };
  return BLANK_OR_COMMENT.test(line) ? { index } : null;
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly key?: string,
  ) {
    super(message);
  }
}

function splitFlow(inner: string, index: number, key: string): string[] {
  const items: string[] = [];
  let at = 0;
  while (at < inner.length) {
    const rest = inner.slice(at).trimStart();
    at = inner.length - rest.length;
    if (rest === '') break;
    let item: string;
    let next: number;
    if (rest.startsWith('"') || rest.startsWith("'")) {
      const quoted = /^"(?:[^"\\]|\\.)*"|^'(?:[^']|'')*'/.exec(rest);
      if (!quoted) throw new FrontMatterError('a quote in the list is not closed', index, key);
      item = scalar(quoted[0], index, key);
      next = at + quoted[0].length;
    } else {
      const comma = rest.indexOf(',');
      const raw = comma < 0 ? rest : rest.slice(0, comma);
      item = raw.trim();
      next = at + raw.length;
    }
    items.push(item);
    const after = inner.slice(next).trimStart();
    if (after !== '' && !after.startsWith(',')) throw new FrontMatterError('expected a comma in the list', index, key);
    at = inner.length - after.length + (after.startsWith(',') ? 1 : 0);
  }
  return items;
}

/** One scalar value as text. */
export function scalar(raw: string, index: number, key: string): string {
  if (raw.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value === 'string') return value;
    } catch {
      // reported below
    }
    throw new FrontMatterError('the quoted text is not closed or has a bad escape', index, key);
  }
  if (raw.startsWith("'")) {
    if (raw.length < 2 || !raw.endsWith("'") || raw.slice(1, -1).replace(/''/g, '').includes("'")) {
      throw new FrontMatterError('the quoted text is not closed', index, key);
    }
    return raw.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[|>][+-]?\d*$/.test(raw)) {
    throw new FrontMatterError('multi-line values (| or >) are not supported; put the text in quotes', index, key);
  }
  return raw;
}

/** Reads classified lines into values; throws `FrontMatterError` naming the line. */
export function readFrontMatter(lines: FrontMatterLine[]): Map<string, FrontMatterValue> {
  const values = new Map<string, FrontMatterValue>();
  let listKey: string | undefined;
  for (const line of lines) {
    if (line.key !== undefined) {
      if (values.has(line.key)) throw new FrontMatterError('this key appears twice', line.index, line.key);
      const raw = line.value ?? '';
      listKey = raw === '' ? line.key : undefined;
      if (raw === '') values.set(line.key, []);
      else if (raw.startsWith('[')) {
        if (!raw.endsWith(']')) throw new FrontMatterError('the list is not closed with ]', line.index, line.key);
        values.set(line.key, splitFlow(raw.slice(1, -1), line.index, line.key));
      } else values.set(line.key, scalar(raw, line.index, line.key));
    } else if (line.item !== undefined) {
      const list = listKey === undefined ? undefined : values.get(listKey);
      if (!Array.isArray(list) || listKey === undefined) {
        throw new FrontMatterError('a list item must follow a "key:" line', line.index);
      }
      list.push(line.item === '' ? '' : scalar(line.item, line.index, listKey));
    }
  }
  return values;
}

/** A value as front matter text: always JSON-quoted, which is valid YAML and keeps every character. */
export function writeValue(value: FrontMatterValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}
