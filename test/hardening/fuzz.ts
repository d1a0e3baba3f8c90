/**
 * A seeded, deterministic file fuzzer: valid import files broken in the ways real files break
 * (cut-off downloads, a spreadsheet's other delimiter, a BOM, a stray quote, bytes that are not
 * UTF-8) and the ways hostile files are built (huge fields, deep nesting, `__proto__` keys).
 * The same seed always gives the same files, so a failure names a case that can be re-run.
 */
import { pick, seededRandom } from '../kb/prng';

/** Bytes backed by a plain ArrayBuffer, as File and Blob take them. */
export type Bytes = Uint8Array<ArrayBuffer>;

export type Family = 'kb-json' | 'kb-csv' | 'kb-markdown' | 'orders' | 'mbox' | 'backup';

export interface SeedFile {
  family: Family;
  /** Where the valid file came from (fixture path or generator). */
  origin: string;
  name: string;
  bytes: Bytes;
}

export interface FuzzCase {
  id: number;
  family: Family;
  origin: string;
  name: string;
  /** The operators applied, in order. */
  mutations: string[];
  bytes: Bytes;
}

type Random = () => number;
type Mutation = (bytes: Bytes, random: Random) => Bytes;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const text = (bytes: Bytes): string => decoder.decode(bytes);
const bytesOf = (s: string): Bytes => encoder.encode(s);
const int = (random: Random, n: number): number => Math.floor(random() * n);

function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function onText(f: (s: string, random: Random) => string): Mutation {
  return (bytes, random) => bytesOf(f(text(bytes), random));
}

function onLines(f: (lines: string[], random: Random) => void): Mutation {
  return onText((s, random) => {
    const lines = s.split('\n');
    f(lines, random);
    return lines.join('\n');
  });
}

/** Replaces one random match of `pattern` (global) through `replace`. */
function replaceOne(s: string, pattern: RegExp, random: Random, replace: (match: string) => string): string {
  const matches = [...s.matchAll(pattern)];
  if (matches.length === 0) return s;
  const m = pick(random, matches);
  const at = m.index ?? 0;
  return s.slice(0, at) + replace(m[0]) + s.slice(at + m[0].length);
}

const JUNK = ['"', ',', ';', '\t', '\n', '\r', '\r\n', '{', '}', '[', ']', ':', "'", '|', '\\', '---\n', 'From ', '=?utf-8?B?', '\u0000', '\uFFFD', '退', '🎉', '\u202E'];

// Byte-level damage: what a cut download, a bad disk or another encoding does.
const truncate: Mutation = (b, r) => b.slice(0, int(r, b.length));
const flipByte: Mutation = (b, r) => {
  const out = b.slice();
  if (out.length > 0) out[int(r, out.length)] ^= 1 << int(r, 8);
  return out;
};
const deleteBytes: Mutation = (b, r) => {
  const at = int(r, b.length);
  return concat(b.slice(0, at), b.slice(at + 1 + int(r, 64)));
};
const insertBytes = (junk: number[]): Mutation => (b, r) => {
  const at = int(r, b.length + 1);
  return concat(b.slice(0, at), new Uint8Array(junk), b.slice(at));
};
const invalidUtf8 = insertBytes([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]);
const nulBytes = insertBytes([0, 0, 0]);
const addBom: Mutation = (b, r) => concat(new Uint8Array(pick(r, [[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]])), b);
const utf16: Mutation = (b) => {
  const s = text(b);
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const empty: Mutation = (_b, r) => bytesOf(pick(r, ['', ' ', '\n', '\r\n\r\n', '\uFEFF', '\u0000']));

// Text-level damage.
const insertJunk = onText((s, r) => {
  const at = int(r, s.length + 1);
  return s.slice(0, at) + pick(r, JUNK) + s.slice(at);
});
const duplicateLine = onLines((lines, r) => {
  const i = int(r, lines.length);
  lines.splice(i, 0, lines[i]);
});
const deleteLine = onLines((lines, r) => {
  lines.splice(int(r, lines.length), 1);
});
const swapLines = onLines((lines, r) => {
  const i = int(r, lines.length);
  const j = int(r, lines.length);
  [lines[i], lines[j]] = [lines[j], lines[i]];
});
const lineEndings = onText((s, r) => (r() < 0.5 ? s.replace(/\r?\n/g, '\r') : s.replace(/\r?\n/g, '\r\n')));
const removeQuotes = onText((s, r) => (r() < 0.5 ? s.replace(/"/g, '') : replaceOne(s, /"/g, r, () => '')));
const unbalancedQuote = onText((s, r) => replaceOne(s, /[,;\n]/g, r, (m) => `${m}"`));
const hugeField = onText((s, r) => {
  const at = int(r, s.length + 1);
  const filler = pick(r, ['x', 'é', '退', ',', '"', '\n', 'A1b2']).repeat(150_000 + int(r, 150_000));
  return s.slice(0, at) + filler + s.slice(at);
});
const numbersAsText = onText((s, r) => replaceOne(s, /\d+(?:[.,]\d+)?/g, r, () => pick(r, ['twelve', 'N/A', '—', '1O', 'null', ''])));
const badAmount = onText((s, r) => replaceOne(s, /\d+[.,]\d{2}\b/g, r, () => pick(r, ['-19.99', 'NaN', 'Infinity', '-Infinity', '1e309', '0x1F', '€€', '1.2.3', '--5', '9'.repeat(400)])));
const badDate = onText((s, r) =>
  replaceOne(s, /\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?: ?[+-]\d{4}|Z)?)?/g, r, () =>
    pick(r, ['2024-13-45', '0000-00-00', 'yesterday', '31/02/2024', '2024-02-30 25:61', '+275760-09-13', '99999-01-01', '']),
  ),
);

// Structure: headers, delimiters.
const firstLine = (s: string): number => {
  const nl = s.indexOf('\n');
  return nl < 0 ? s.length : nl;
};
const wrongDelimiter = onText((s, r) => {
  const [from, to] = pick(r, [[',', ';'], [',', '\t'], [';', ','], [',', '|']] as const);
  return r() < 0.5 ? s.split(from).join(to) : s.slice(0, firstLine(s)).split(from).join(to) + s.slice(firstLine(s));
});
const dropHeader = onText((s) => s.slice(firstLine(s) + 1));
const headerOnly = onText((s, r) => s.slice(0, firstLine(s)) + pick(r, ['', '\n', '\r\n', '\n\n\n']));
const mangleHeader = onText((s, r) => {
  const end = firstLine(s);
  const delimiter = [';', '\t', ','].find((d) => s.slice(0, end).includes(d)) ?? ',';
  const names = s.slice(0, end).split(delimiter);
  const i = int(r, names.length);
  const op = int(r, 4);
  if (op === 0) names.splice(i, 1);
  else if (op === 1) names[i] = pick(r, ['', 'title', 'Email', 'amount', '__proto__', 'constructor', '"', 'email,date']);
  else if (op === 2) names.push(names[i]);
  else names[i] = names[i].toUpperCase().replace(/[aeiou]/gi, '');
  return names.join(delimiter) + s.slice(end);
});

// JSON: type confusion, nesting, prototype keys.
const jsonValueSwap = onText((s, r) =>
  replaceOne(s, /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|\[\]|\{\}/g, r, () =>
    pick(r, ['null', '0', '-1', '1e999', 'true', '[]', '{}', '""', '[1,2]', '{"a":1}', '"NaN"', '[[["x"]]]', '"\\u0000"', '"\\ud800"']),
  ),
);
const deepNesting = onText((s, r) => {
  const depth = pick(r, [100, 5_000, 50_000]);
  const nested = r() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return replaceOne(s, /:\s*("(?:[^"\\]|\\.)*"|\[\]|\d+)/g, r, () => `: ${nested}`);
});
const protoKeys = onText((s, r) => {
  const key = pick(r, [
    '"__proto__": {"polluted": "yes", "title": "p", "body": "p"}',
    '"constructor": {"prototype": {"polluted": "yes"}}',
    '"__proto__": [1, 2]',
    '"prototype": {"polluted": "yes"}',
    '"__proto__": null',
  ]);
  return replaceOne(s, /\{/g, r, () => `{${key},`);
});
const duplicateKey = onText((s, r) => replaceOne(s, /"(title|body|id|email|format|version|tables|articles)"\s*:/g, r, (m) => `${m} null, ${m}`));

// mbox: separators, headers, MIME.
const breakFromLine = onText((s, r) => replaceOne(s, /^From [^\n]*$/gm, r, () => pick(r, ['Fro m x', '>From x@y Mon Jan  1 00:00:00 2024', 'From', 'From \u0000', ' From a@b Mon Jan 1 00:00:00 2024', ''])));
const dropMailHeader = onText((s, r) => replaceOne(s, /^(?:From|To|Date|Subject|Message-ID|In-Reply-To|References|Content-Type|X-GM-THRID|X-Gmail-Labels):[^\n]*\n/gim, r, () => ''));
const badMailHeader = onText((s, r) =>
  replaceOne(s, /^(From|To|Date|Content-Type|Content-Transfer-Encoding|Message-ID):[^\n]*$/gim, r, (m) => {
    const name = m.slice(0, m.indexOf(':'));
    return `${name}: ${pick(r, ['', '<<<>>>', '"unterminated <a@', 'multipart/mixed; boundary=', 'base64', 'quoted-printable', '=?x?Q?broken', 'Mon, 99 Foo 20240 99:99:99 +9999', '@@@'])}`;
  }),
);
const brokenMime = onText((s, r) => replaceOne(s, /^--[^\n]+$/gm, r, (m) => pick(r, ['', `${m}--`, m.slice(0, -3), '--', `${m}\nContent-Type: multipart/alternative; boundary="nested"`])));
const base64Garbage = onText((s, r) => {
  const garbage = 'Content-Transfer-Encoding: base64\n\n!!!***not=base64***@@@\n=====\n';
  return replaceOne(s, /\n\n/g, r, () => `\n${garbage}`);
});
const removeBlankAfterHeader = onText((s, r) => replaceOne(s, /\n\r?\n/g, r, () => '\n'));

/** Operators for each family; generic byte damage applies to all. */
const GENERIC: Record<string, Mutation> = { truncate, flipByte, deleteBytes, invalidUtf8, nulBytes, addBom, insertJunk, duplicateLine, deleteLine, swapLines, lineEndings, hugeField, empty, utf16 };
const CSV: Record<string, Mutation> = { removeQuotes, unbalancedQuote, wrongDelimiter, dropHeader, headerOnly, mangleHeader, numbersAsText, badAmount, badDate };
const JSON_OPS: Record<string, Mutation> = { jsonValueSwap, deepNesting, protoKeys, duplicateKey, removeQuotes, numbersAsText, badDate };
const MBOX: Record<string, Mutation> = { breakFromLine, dropMailHeader, badMailHeader, brokenMime, base64Garbage, removeBlankAfterHeader, badDate };
const MARKDOWN: Record<string, Mutation> = { removeQuotes, unbalancedQuote, dropHeader, badDate };

const BY_FAMILY: Record<Family, Record<string, Mutation>> = {
  'kb-json': JSON_OPS,
  'kb-csv': CSV,
  'kb-markdown': MARKDOWN,
  orders: CSV,
  mbox: MBOX,
  backup: JSON_OPS,
};

/** Names that are rare by design: these operators blow a file up or empty it. */
const RARE = new Set(['hugeField', 'deepNesting', 'empty', 'utf16']);

function chooseOperator(family: Family, random: Random): [string, Mutation] {
  const specific = Object.entries(BY_FAMILY[family]);
  const generic = Object.entries(GENERIC);
  for (;;) {
    const entry = random() < 0.6 ? pick(random, specific) : pick(random, generic);
    if (!RARE.has(entry[0]) || random() < 0.25) return entry;
  }
}

/** `count` cases, round-robin over the seeds, each with one to three mutations. */
export function generateCases(seeds: readonly SeedFile[], count: number, seed: number): FuzzCase[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, id) => {
    const source = seeds[id % seeds.length];
    let bytes = source.bytes;
    const mutations: string[] = [];
    const n = 1 + (random() < 0.35 ? 1 : 0) + (random() < 0.15 ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const [name, mutation] = chooseOperator(source.family, random);
      bytes = mutation(bytes, random);
      mutations.push(name);
    }
    return { id, family: source.family, origin: source.origin, name: source.name, mutations, bytes };
  });
}
