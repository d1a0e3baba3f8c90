/**
 * The new text of a mail: without the quoted history below it and without the signature, so
 * that a question → reply pair holds what the two people actually wrote.
 * Recognises Gmail ("On … wrote:", "… 于 … 写道：", "Am … schrieb …:"), Outlook ("From:/Sent:"
 * blocks, "-----Original Message-----"), `>` quoting, the `-- ` signature delimiter and the
 * mobile sign-offs ("Sent from my iPhone", "发自我的iPhone").
 */

const ATTRIBUTION = [
  /^On\s.{1,250}\swrote:\s*$/is,
  /^.{0,250}写道[：:]\s*$/s,
  /^Am\s.{1,250}\sschrieb\s.{0,250}:\s*$/is,
  /^Le\s.{1,250}\sa écrit\s*:\s*$/is,
];
const ORIGINAL = /^\s*-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Weitergeleitete Nachricht|原始邮件|原始郵件|转发的邮件)\s*-{2,}/i;
const HEADER_FROM = /^\s*\*?(?:From|发件人|寄件者|Von|De)\s*\*?\s*[:：]/i;
const HEADER_NEXT = /^\s*\*?(?:Sent|Date|To|Subject|发送时间|日期|收件人|主题|Gesendet|Datum|An|Betreff|Envoyé)\s*\*?\s*[:：]/i;
const RULE = /^\s*_{8,}\s*$/;
const SIGNATURE = /^-- ?$/;
const MOBILE = /^\s*(?:Sent from my \w+|Sent from (?:Mail|Outlook) for|Get Outlook for|Von meinem \w+ gesendet|发自我的\s?\w+|来自我的\s?\w+|從我的 ?\w+ 傳送)/i;

/** Index of the first line of quoted history, or the line count when there is none. */
function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (ORIGINAL.test(line)) return i;
    // Gmail wraps a long attribution over two lines.
    if (ATTRIBUTION.some((re) => re.test(line) || (i + 1 < lines.length && re.test(`${line} ${lines[i + 1]}`)))) {
      return i;
    }
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l))) {
      return i > 0 && RULE.test(lines[i - 1]) ? i - 1 : i;
    }
  }
  return lines.length;
}

function signatureStart(lines: string[]): number {
  const at = lines.findIndex((l) => SIGNATURE.test(l) || MOBILE.test(l));
  return at < 0 ? lines.length : at;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes one of `signatures` (the user's own, as configured) from the end of `text`. */
function stripKnownSignature(text: string, signatures: readonly string[]): string {
  const flat = squeeze(text);
  for (const signature of signatures) {
    const sig = squeeze(signature);
    if (sig === '' || !flat.endsWith(sig)) continue;
    // Walk back over the original text to cut at the same place, whitespace-insensitively.
    let remaining = sig.replace(/ /g, '').length;
    let i = text.length;
    while (i > 0 && remaining > 0) {
      i--;
      if (!/\s/.test(text[i])) remaining--;
    }
    return text.slice(0, i);
  }
  return text;
}

export interface NewTextOptions {
  /** The user's signatures, removed when a text ends with one. */
  signatures?: readonly string[];
}

export function newText(text: string, options: NewTextOptions = {}): string {
  let lines = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  lines = lines.slice(0, quoteStart(lines));
  lines = lines.filter((l) => !/^\s*>/.test(l));
  lines = lines.slice(0, signatureStart(lines));
  const joined = stripKnownSignature(lines.join('\n'), options.signatures ?? []);
  return joined
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Where the quoted history starts in an HTML mail (Gmail, Outlook, Yahoo, Apple Mail). */
const HTML_QUOTE = /<[^>]+(?:class="[^"]*(?:gmail_quote|yahoo_quoted)|id="(?:appendonsend|divRplyFwdMsg)")|<blockquote/i;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return Object.hasOwn(ENTITIES, code.toLowerCase()) ? ENTITIES[code.toLowerCase()] : whole;
  });
}

/** Plain text of an HTML mail without its quoted history; a string transform, no DOM needed. */
export function htmlMailText(html: string): string {
  const quote = HTML_QUOTE.exec(html);
  const own = quote ? html.slice(0, quote.index) : html;
  return decodeEntities(
    own
      .replace(/<(style|script|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(?:p|div|li|tr|h[1-6]|table|ul|ol)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}
