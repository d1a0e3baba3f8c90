/**
 * Plain text of a message body without quoted history and signature.
 *
 * happy-dom and hidden nodes make `innerText` unreliable (no layout), so we walk the tree
 * ourselves: block elements and <br> become line breaks, and each site passes the selectors of
 * the parts to leave out (quotes, trimmed content, signatures) and of the marker after which
 * everything is quoted history (Outlook's divRplyFwdMsg).
 */

/**
 * Quote and signature markers other mail clients put into message HTML, matched by substring
 * because Gmail prefixes the classes of displayed mail ("m_123…gmail_quote") and OWA prefixes
 * them with "x_": Gmail (gmail_quote, gmail_attr, gmail_signature), Yahoo (yahoo_quoted),
 * Thunderbird (moz-cite-prefix, moz-signature), Apple Mail / others (blockquote[type=cite]).
 */
export const FOREIGN_QUOTE_SKIP = [
  'blockquote', '[class*="gmail_quote"]', '[class*="gmail_attr"]', '[class*="gmail_signature"]',
  '[class*="yahoo_quoted"]', '[class*="moz-cite-prefix"]', '[class*="moz-signature"]',
].join(', ');

/** Outlook's reply header and its "append on send" marker: everything after them is the old message. */
export const OUTLOOK_REPLY_CUT = '[id$="divRplyFwdMsg"], [id$="appendonsend"]';

export interface TextOptions {
  /** Subtrees matching this selector are left out (quotes, signatures). */
  skip?: string;
  /** The first element matching this selector ends the text: it and everything after it go. */
  cutAt?: string;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DIV', 'DL', 'DT', 'DD', 'FIELDSET', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TR', 'UL',
]);
const IGNORED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

const ENDS_WITH_BREAK = /\n[ \t]*$/;
const ENDS_WITH_BLANK_LINE = /(\n[ \t]*){2}$/;

/**
 * Text of `root` with block structure kept as line breaks (before quote/signature removal).
 * Like `innerText`: a block starts and ends a line without doubling breaks, so adjacent <div>s
 * are consecutive lines and `<div><br></div>` is one blank line; paragraphs are separated by one.
 */
export function elementText(root: Element, options: TextOptions = {}): string {
  // Pieces plus the last few characters and a "has text" flag: looking at the whole text at every
  // block (trim, slice) flattened it each time, quadratic in a thread with a 5 MB many-line body.
  const parts: string[] = [];
  let tail = '';
  let hasText = false;
  let stopped = false;
  const append = (piece: string) => {
    if (!piece) return;
    parts.push(piece);
    tail = piece.length >= 40 ? piece.slice(-40) : (tail + piece).slice(-40);
    hasText ||= /\S/.test(piece);
  };
  const endsWithBreak = (n: 1 | 2) => (n === 1 ? ENDS_WITH_BREAK : ENDS_WITH_BLANK_LINE).test(tail);
  const lineBreak = (blankLine = false) => {
    if (!hasText) return;
    if (!endsWithBreak(1)) append('\n');
    if (blankLine && !endsWithBreak(2)) append('\n');
  };
  const walk = (node: Node): void => {
    if (stopped) return;
    if (node.nodeType === 3) {
      append((node.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (options.cutAt && el.matches(options.cutAt)) {
      stopped = true;
      return;
    }
    if (IGNORED_TAGS.has(el.tagName) || (options.skip && el.matches(options.skip))) return;
    if (el.tagName === 'IMG') {
      // Gmail renders emoji as <img data-emoji="😀" alt="😀">.
      append(el.getAttribute('data-emoji') ?? '');
      return;
    }
    if (el.tagName === 'BR') {
      append('\n');
      return;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    const paragraph = el.tagName === 'P';
    if (block) lineBreak(paragraph);
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) lineBreak(paragraph);
    else if (el.tagName === 'TD' || el.tagName === 'TH') append(' ');
  };
  walk(root);
  return normalizeLines(parts.join(''));
}

/** Trims every line, drops leading/trailing blank lines and squeezes runs of blank lines to one. */
export function normalizeLines(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Attribution lines that introduce quoted history, in the languages we support. Gmail: "On Mon,
// May 4, 2026 at 10:08 AM Alice <a@b.com> wrote:"; zh "在 2026年5月4日周一 10:08，Alice 写道："; de
// "Am Mo., 4. Mai 2026 um 10:08 Uhr schrieb Alice <a@b.com>:". They can wrap onto two lines.
const ATTRIBUTION = [
  /^On .{4,300}\bwrote:?$/is,
  /^在.{2,300}写道[:：]?$/s,
  /^Am .{4,300}schrieb.{0,200}:$/is,
  /^Le .{4,300}a écrit ?:$/is,
  /^El .{4,300}escribió:$/is,
];
// Separators after which a plain-text client pasted the previous message.
const SEPARATORS = [
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|原始邮件|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}$/i,
  /^_{8,}$/,
  /^(From|Von|发件人|De):\s.+$/i, // Outlook's plain-text reply header block "From: … Sent: …"
];

/**
 * Cuts quoted history and signature from plain text: everything from the first attribution line,
 * separator or "> " quote, and everything after the "-- " signature delimiter (RFC 3676 §4.3).
 */
export function stripQuotesAndSignature(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '--' || trimmed === '—' || line === '-- ') break;
    if (/^>/.test(trimmed)) break;
    if (SEPARATORS.some((re) => re.test(trimmed))) {
      // "From:" alone is common in real text; treat it as a reply header only when "Sent:"/"Gesendet:" follows.
      if (/^(From|Von|发件人|De):/i.test(trimmed) && !/^(Sent|Gesendet|发送时间|Date|Datum|Envoyé):/i.test((lines[i + 1] ?? '').trim())) {
        kept.push(line);
        continue;
      }
      break;
    }
    const twoLines = `${trimmed} ${(lines[i + 1] ?? '').trim()}`.trim();
    if (ATTRIBUTION.some((re) => re.test(trimmed))) break;
    if (/^(On |在|Am )/.test(trimmed) && ATTRIBUTION.some((re) => re.test(twoLines))) break;
    kept.push(line);
  }
  return normalizeLines(kept.join('\n'));
}

/** Body text of a message element: structure-aware extraction, then text-level quote removal. */
export function messageText(root: Element, options: TextOptions): string {
  return stripQuotesAndSignature(elementText(root, options));
}
