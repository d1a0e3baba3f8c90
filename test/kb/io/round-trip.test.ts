// @vitest-environment node
import { describe, expect, it, test } from 'vitest';
import { exportKb, importKb, type KbFormat } from '../../../lib/kb/io';
import { TRICKY_KB } from './tricky-kb';

const FORMATS: KbFormat[] = ['json', 'csv', 'markdown'];

describe.each(FORMATS)('%s export → import', (format) => {
  it('gives the same knowledge base back, field for field', async () => {
    const result = await importKb(exportKb(TRICKY_KB, format));
    if (!result.ok) throw result.error;
    expect(result.format).toBe(format);
    expect(result.articles).toEqual(TRICKY_KB);
  });

  it('exports the re-imported knowledge base byte for byte the same', async () => {
    const first = exportKb(TRICKY_KB, format);
    const result = await importKb(first);
    if (!result.ok) throw result.error;
    expect(exportKb(result.articles, format)).toBe(first);
  });

  it('round-trips through a Blob as a file would arrive', async () => {
    const blob = new Blob([exportKb(TRICKY_KB, format)]);
    const result = await importKb(blob);
    expect(result.ok && result.articles).toEqual(TRICKY_KB);
  });

  it('round-trips an empty-ish knowledge base of one minimal article', async () => {
    const kb = [{ id: 'x', title: 'T', body: 'B', examples: [], category: 'other', lang: 'en', tags: [] }];
    const result = await importKb(exportKb(kb, format));
    expect(result.ok && result.articles).toEqual(kb);
  });
});

test.each(FORMATS)('%s keeps Chinese text readable in the file (not escaped)', (format) => {
  expect(exportKb(TRICKY_KB, format)).toContain('退款多久到账？');
});

it('guards spreadsheet formulas in CSV cells but not in other formats', () => {
  const csv = exportKb(TRICKY_KB, 'csv');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  expect(exportKb(TRICKY_KB, 'json')).not.toContain("'=HYPERLINK");
});

it('writes CSV with a BOM and CRLF so Excel reads it as UTF-8', () => {
  const csv = exportKb(TRICKY_KB, 'csv');
  expect(csv.startsWith('\uFEFF"id","title","body"')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
});
