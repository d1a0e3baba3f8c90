import { describe, expect, it } from 'vitest';
import { conversationsCsv, csvField, metricsCsv } from '../../components/popup/export-csv';

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [undefined, ''],
    [12.5, '12.5'],
    [false, 'false'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes one row per conversation with empty cells for missing times', () => {
    const csv = conversationsCsv([{ id: 'gmail:1', priority: 'P1', createdAt: '2026-11-23T09:00:00.000Z', slaMet: true }]);
    expect(csv).toBe('id,priority,created_at,first_response_at,resolved_at,sla_met,rating\r\ngmail:1,P1,2026-11-23T09:00:00.000Z,,,true,\r\n');
  });

  it('writes every metric with the period', () => {
    const csv = metricsCsv(
      { 'first-response-minutes': 12, 'resolution-minutes': undefined, 'within-sla-percent': 50, 'csat-percent': 100, 'churn-percent': 0, 'retention-percent': 100, 'cost-per-ticket': 3.5 },
      new Date('2026-10-26T00:00:00Z'),
      new Date('2026-11-25T00:00:00Z'),
    );
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[2]).toBe('resolution-minutes,,2026-10-26T00:00:00.000Z,2026-11-25T00:00:00.000Z');
  });
});
