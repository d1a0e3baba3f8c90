/**
 * How lists and risky texts are written into single CSV cells, each as an encode/decode pair
 * with decode(encode(x)) = x, so CSV export → import loses nothing.
 *
 * - examples: one per line inside the cell; a cell without line breaks is split on `|` (quick to
 *   type by hand: `where is my order | when will it ship`). Blank entries are dropped, each
 *   entry is trimmed.
 * - tags: comma-separated (`,`, `，` or `、`), trimmed.
 * - When a list would not survive that (an example with a line break or a `|`, a tag with a
 *   comma, leading spaces…) the cell is written as a JSON array instead: `["a|b"]`; a cell that
 *   is a JSON array of texts is always read as one.
 * - Formula guard (CSV injection, OWASP): a cell that a spreadsheet would run as a formula
 *   (`=`, `+`, `@`, tab, CR, or `-` followed by anything but a space or dash) is written with a
 *   leading `'`, and a `'` in front of such a text is removed on import.
 */

function jsonList(cell: string): string[] | undefined {
  if (!cell.trimStart().startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(cell);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch {
    // not JSON: read as plain text
  }
  return undefined;
}

function clean(parts: string[]): string[] {
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function decodeExamples(cell: string): string[] {
  const json = jsonList(cell);
  if (json) return json;
  const normalized = cell.replace(/\r\n?/g, '\n');
  return clean(normalized.includes('\n') ? normalized.split('\n') : normalized.split('|'));
}

export function decodeTags(cell: string): string[] {
  return jsonList(cell) ?? clean(cell.split(/[,，、]/));
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function encodeList(items: string[], join: string, decode: (cell: string) => string[]): string {
  if (items.length === 0) return '';
  const plain = items.join(join);
  return sameList(decode(plain), items) ? plain : JSON.stringify(items);
}

export function encodeExamples(examples: string[]): string {
  return encodeList(examples, '\n', decodeExamples);
}

export function encodeTags(tags: string[]): string {
  return encodeList(tags, ', ', decodeTags);
}

const FORMULA = /^'*(?:[=+@\t\r]|-[^\s-])/;
const GUARDED = /^'+(?:[=+@\t\r]|-[^\s-])/;

export function guardFormula(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
