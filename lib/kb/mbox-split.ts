/**
 * Splits an mbox file (RFC 4155, as Gmail Takeout writes it) into raw messages while reading
 * it in chunks, so a mailbox of gigabytes never sits in memory at once: only the message being
 * assembled does.
 *
 * - A message starts at a `From ` line that follows a blank line (or starts the file), or that
 *   carries the classic `From sender Www Mmm dd hh:mm:ss` date of a separator.
 * - mboxrd quoting: `>From `, `>>From ` … in a body lose one `>`.
 * - A file whose first line is not `From ` is not an mbox; a last message without the end of
 *   its header, or with a multipart body whose closing boundary never comes, is a truncated file.
 */
export type MboxSource = Blob | ReadableStream<Uint8Array> | Uint8Array | string;

export class MboxFormatError extends Error {
  constructor(
    message: string,
    readonly messageNumber?: number,
  ) {
    super(message);
    this.name = 'MboxFormatError';
  }
}

const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "
const SEPARATOR_DATE = /^From \S+ +(?:\S+ +)?[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}:\d{2}/;
const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

function startsWith(line: Uint8Array, offset: number, prefix: number[]): boolean {
  if (line.length < offset + prefix.length) return false;
  return prefix.every((b, i) => line[offset + i] === b);
}

function isBlank(line: Uint8Array): boolean {
  return line.every((b) => b === 0x0a || b === 0x0d || b === 0x20 || b === 0x09);
}

const latin1 = new TextDecoder('latin1');

async function* chunksOf(source: MboxSource): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') {
    yield new TextEncoder().encode(source);
    return;
  }
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  const stream = 'getReader' in source ? source : source.stream();
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.length > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The header block ends at the first blank line. */
function headerEnd(raw: Uint8Array): number {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return i + 1;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i + 2;
  }
  return -1;
}

/** Why the last message looks cut off, or null when it looks whole. */
export function truncation(raw: Uint8Array): string | null {
  const end = headerEnd(raw);
  if (end < 0) return 'its header never ends';
  const header = latin1.decode(raw.subarray(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const boundary = /^content-type:[^\n]*multipart\/[^\n]*boundary="?([^";\r\n]+)"?/im.exec(header)?.[1];
  if (boundary && !latin1.decode(raw.subarray(end)).includes(`--${boundary}--`)) {
    return 'its multipart body is not closed';
  }
  return null;
}

export interface SplitProgress {
  bytesRead: number;
}

export interface RawMessage {
  /** 1-based position in the file. */
  number: number;
  raw: Uint8Array;
  /** The message was larger than the limit: `raw` holds only its beginning. */
  oversized: boolean;
}

/** Yields each raw message of the mbox; throws `MboxFormatError` on a file that is not one. */
export async function* splitMbox(source: MboxSource, onBytes?: (p: SplitProgress) => void): AsyncGenerator<RawMessage> {
  let carry: Uint8Array = new Uint8Array(0);
  let parts: Uint8Array[] = [];
  let size = 0;
  let count = 0;
  let started = false;
  let previousBlank = true;
  let bytesRead = 0;
  let oversized = false;

  const take = (): RawMessage => {
    const message = { number: count, raw: concat(parts, size), oversized };
    parts = [];
    size = 0;
    oversized = false;
    return message;
  };

  function* line(bytes: Uint8Array): Generator<RawMessage> {
    if (!started) {
      if (isBlank(bytes)) return;
      if (!startsWith(bytes, 0, FROM)) {
        throw new MboxFormatError('This is not an mbox file: it should start with a "From " line (export the mailbox with Google Takeout).');
      }
    }
    const separator =
      startsWith(bytes, 0, FROM) && (!started || previousBlank || SEPARATOR_DATE.test(latin1.decode(bytes.subarray(0, 200))));
    previousBlank = isBlank(bytes);
    if (separator) {
      if (started) yield take();
      started = true;
      count++;
      return;
    }
    let content = bytes;
    // mboxrd: ">From " and ">>From " lose one ">".
    let quotes = 0;
    while (content[quotes] === 0x3e) quotes++;
    if (quotes > 0 && startsWith(content, quotes, FROM)) content = content.subarray(1);
    if (size + content.length > MAX_MESSAGE_BYTES) {
      oversized = true;
      return;
    }
    parts.push(content);
    size += content.length;
  }

  for await (const chunk of chunksOf(source)) {
    bytesRead += chunk.length;
    const data = carry.length > 0 ? concat([carry, chunk], carry.length + chunk.length) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl >= 0; nl = data.indexOf(0x0a, start)) {
      yield* line(data.subarray(start, nl + 1));
      start = nl + 1;
    }
    // Copy the partial line so the chunk it came from can be freed.
    carry = data.slice(start);
    onBytes?.({ bytesRead });
  }
  if (carry.length > 0) yield* line(carry);
  if (!started) throw new MboxFormatError('The file is empty.');
  const last = take();
  const cut = last.oversized ? null : truncation(last.raw);
  if (cut) {
    throw new MboxFormatError(`The file seems to be cut off: the last message (number ${last.number}) ${cut}. Was the download complete?`, last.number);
  }
  yield last;
}
