/**
 * CSV records from a string or a File/Blob, read in slices so a large export never has to be
 * decoded in one piece. Each slice is decoded with a streaming TextDecoder (safe for multi-byte
 * characters cut at a slice edge) and cut after the last line break that is outside quotes, so
 * papaparse only ever sees whole records. Works anywhere Blob.arrayBuffer() does (pages, workers,
 * service workers), unlike papaparse's own FileReader-based streaming.
 */
import Papa from 'papaparse';

export interface CsvStreamOptions {
  /** Called with the share of the input read so far (0…1), after each slice. */
  onProgress?: (fraction: number) => void;
  /** Slice size in bytes; default 1 MiB. */
  chunkBytes?: number;
}

/** Called per record with its 1-based record number (the header is record 1). */
export type CsvRecordHandler = (record: string[], row: number) => void;

/** Index just after the last line break outside quoted fields, or -1 (RFC 4180: "" escapes ""). */
export function lastRecordEnd(text: string): number {
  let inQuotes = false;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes; // an escaped "" flips twice
    else if (c === 10 && !inQuotes) end = i + 1;
  }
  return end;
}

/** Reads every record; delimiter and line break are detected from the first slice and kept. */
export async function readCsvRecords(
  input: string | Blob,
  onRecord: CsvRecordHandler,
  options: CsvStreamOptions = {},
): Promise<void> {
  const { onProgress, chunkBytes = 1 << 20 } = options;
  let row = 0;
  let delimiter: string | undefined;
  type LineBreak = '\r' | '\n' | '\r\n';
  let newline: LineBreak | undefined;
  const emit = (text: string): void => {
    if (text === '') return;
    const parsed = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false });
    delimiter ??= parsed.meta.delimiter;
    newline ??= parsed.meta.linebreak as LineBreak;
    for (const record of parsed.data) {
      row++;
      // Blank lines keep their number (so rows match the spreadsheet) but carry no record.
      if (record.length === 1 && record[0].trim() === '') continue;
      onRecord(record, row);
    }
  };

  if (typeof input === 'string') {
    emit(stripTrailingBreak(input.replace(/^\uFEFF/, '')));
    onProgress?.(1);
    return;
  }
  const decoder = new TextDecoder('utf-8'); // drops a leading BOM
  let pending = '';
  for (let start = 0; start < input.size; start += chunkBytes) {
    const bytes = await input.slice(start, start + chunkBytes).arrayBuffer();
    pending += decoder.decode(bytes, { stream: true });
    const end = lastRecordEnd(pending);
    if (end > 0) {
      emit(stripTrailingBreak(pending.slice(0, end)));
      pending = pending.slice(end);
    }
    onProgress?.(Math.min(1, (start + chunkBytes) / input.size));
  }
  pending += decoder.decode();
  emit(stripTrailingBreak(pending));
  onProgress?.(1);
}

/** papaparse turns a final line break into an extra empty record; the break only ends the last one. */
function stripTrailingBreak(text: string): string {
  return text.replace(/\r?\n$/, '');
}
