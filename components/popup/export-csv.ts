import type { ConversationRecord } from '@/lib/metrics/metrics';
import type { MetricName } from '@/lib/metrics/popup-metrics';
import { downloadFile } from '../download';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function conversationsCsv(records: readonly ConversationRecord[]): string {
  return toCsv([
    ['id', 'priority', 'created_at', 'first_response_at', 'resolved_at', 'sla_met', 'rating'],
    ...records.map((r) => [r.id, r.priority, r.createdAt, r.firstResponseAt, r.resolvedAt, r.slaMet, r.rating]),
  ]);
}

export function metricsCsv(metrics: Record<MetricName, number | undefined>, from: Date, to: Date): string {
  return toCsv([
    ['metric', 'value', 'from', 'to'],
    ...Object.entries(metrics).map(([name, value]) => [name, value, from.toISOString(), to.toISOString()]),
  ]);
}

/** Saves text as a file through a temporary object URL and anchor. */
export function download(name: string, text: string): void {
  // The byte-order mark makes Excel read the UTF-8 (Chinese names) correctly.
  downloadFile(name, ['\uFEFF', text], 'text/csv;charset=utf-8');
}
