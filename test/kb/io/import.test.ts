// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { detectKbFormat, type ImportProgress, importKb, KbImportError, type KbImportIssue } from '../../../lib/kb/io';

const fixture = (name: string) => new URL(`../../fixtures/kb/${name}`, import.meta.url);
const text = (name: string) => readFileSync(fixture(name), 'utf8');
const blob = (name: string) => new File([readFileSync(fixture(name))], name);

async function issuesOf(input: string, fileName?: string): Promise<KbImportIssue[]> {
  const result = await importKb(input, { fileName });
  if (result.ok) throw new Error(`expected an error, got ${result.articles.length} articles`);
  expect(result.error).toBeInstanceOf(KbImportError);
  expect(result).not.toHaveProperty('articles');
  return result.error.issues;
}

describe('hand-written files', () => {
  it('reads a CSV with quoted cells, | and line-separated examples and Chinese commas in tags', async () => {
    const result = await importKb(text('hand-written.csv'));
    if (!result.ok) throw result.error;
    expect(result.articles).toMatchObject([
      {
        title: 'Where is my refund?',
        examples: ['when do i get my money back', 'refund status', 'where is my refund'],
        category: 'refund',
        lang: 'en',
        tags: ['refund', 'money'],
      },
      { title: '退款多久到账？', examples: ['退款什么时候到账', '钱什么时候退回来'], lang: 'zh-CN', tags: ['退款', '售后'] },
      { title: 'Shipping, costs and "express"', examples: [], category: 'pre-sales', lang: 'en', tags: [] },
    ]);
    expect(result.articles[0].body).toContain('Hi {{customer.firstName | "there"}},\n\nYour refund');
    expect(result.articles.every((a) => /^kb-[0-9a-f]{8}$/.test(a.id))).toBe(true);
  });

  it('reads a CSV with Chinese column names', async () => {
    const result = await importKb(text('hand-written-zh-header.csv'));
    expect(result.ok && result.articles[0]).toMatchObject({
      title: '如何修改收货地址？',
      examples: ['改地址', '地址写错了'],
      category: 'shipping-address',
      lang: 'zh',
    });
  });

  it('reads Markdown articles and keeps a horizontal rule inside a body', async () => {
    const result = await importKb(text('hand-written.md'));
    if (!result.ok) throw result.error;
    expect(result.articles).toHaveLength(2);
    expect(result.articles[0].body).toBe(
      'Hi {{customer.firstName | "there"}},\n\nYour refund was sent today.\n\n---\n\nPolicy details below the rule stay in the body.',
    );
    expect(result.articles[0].examples).toEqual(['when do i get my money back', 'refund status, please']);
    expect(result.articles[1]).toMatchObject({ lang: 'zh-CN', tags: ['退款', '售后'], examples: ['钱什么时候退回来'], category: 'other' });
  });

  it('reads a bare JSON array and fills in defaults', async () => {
    const result = await importKb(text('hand-written.json'));
    expect(result.ok && result.articles[1]).toMatchObject({ category: 'other', lang: 'zh', tags: [], examples: [] });
  });

  it('reads CONTRACT §2 KB rows (JSON Lines)', async () => {
    const result = await importKb(text('contract-rows.jsonl'));
    expect(result.ok && result.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  test.each([
    ['excel-gbk.csv', '发票怎么开？'],
    ['excel-cp1252.csv', 'Rückerstattung'],
  ])('reads %s saved by Excel in its legacy code page', async (name, title) => {
    const result = await importKb(blob(name));
    expect(result.ok && result.articles[0].title).toBe(title);
  });
});

describe('detectKbFormat', () => {
  test.each([
    ['{"articles": []}', undefined, 'json'],
    ['  [\n{}]', undefined, 'json'],
    ['\uFEFF---\ntitle: x\n---\n', undefined, 'markdown'],
    ['title,body\nx,y', undefined, 'csv'],
    ['Title;Body;Category\nx;y;z', undefined, 'csv'],
    ['标题,正文\n问,答', undefined, 'csv'],
    ['anything', 'kb.md', 'markdown'],
    ['title,body\nx,y', 'KB.CSV', 'csv'],
    ['email,date,amount\na@x,2024-01-01,10', 'orders.csv', null],
    ['Name,Email,Financial Status,Total\n#1001,a@x,paid,10', 'orders_export.csv', null],
    ['anything', 'rows.jsonl', 'json'],
    ['hello world', undefined, null],
    ['name,email\nann,a@x', undefined, null],
    ['', 'notes.txt', null],
  ])('detects %j (file %s) as %s', (content, fileName, expected) => {
    expect(detectKbFormat(content, fileName)).toBe(expected);
  });
});

describe('errors name the row and field, and nothing is imported', () => {
  test.each([
    ['', { message: 'the file is empty' }],
    ['just some text', { message: expect.stringMatching(/not a knowledge-base file/) }],
    ['{"articles": [{"title": "t", "body": "b"}, {"title": "", "body": "b"}]}', { row: 2, field: 'title', message: 'is required' }],
    ['[{"title": "t", "body": 5}]', { row: 1, field: 'body', message: 'must be text, not number' }],
    ['[{"title": "t", "body": "b", "examples": "q"}]', { row: 1, field: 'examples', message: 'must be a list of texts' }],
    ['[{"title": "t", "body": "b", "examples": ["ok", " "]}]', { row: 1, field: 'examples[2]', message: 'is empty' }],
    ['[{"title": "t", "body": "b", "lang": "english!"}]', { row: 1, field: 'lang', message: expect.stringMatching(/not a language code/) }],
    ['[{"title": "t", "body": "b", "updatedAt": "yesterday"}]', { row: 1, field: 'updatedAt' }],
    ['[{"id": "a", "title": "t", "body": "b"}, {"id": "a", "title": "u", "body": "c"}]', { row: 2, field: 'id', message: 'id "a" is already used by row 1' }],
    ['[1, {"title": "t", "body": "b"}]', { row: 1, message: expect.stringMatching(/must be an object/) }],
    ['{"format": "other-app", "articles": []}', { field: 'format' }],
    ['{"format": "solodesk-kb", "version": 2, "articles": []}', { field: 'version' }],
    ['{"format": "solodesk-kb", "version": 1, "articles": []}', { message: 'the file has no articles' }],
    // The line is known where the engine says where (Chrome does; Node 20 does not).
    ['{"articles": [\n{"title": "t",\n"body": }]}', { message: expect.stringMatching(/not valid JSON/) }],
    ['{"title":"a","body":"b"}\n{"title": oops}\n', { row: 2, message: expect.stringMatching(/not valid JSON/) }],
    ['title,body,category\nt,b,c\nt2,"unclosed', { row: 3, message: expect.stringMatching(/quote/) }],
    ['title,body\nt,b\nt2', { row: 3, message: 'has 1 cells but the header has 2' }],
    ['title,body,language\nt,b,xx yy', { row: 2, field: 'language' }],
    ['title,body\n,b', { row: 2, field: 'title', message: 'is required' }],
    ['title,body,Title\nt,b,c', { row: 1, field: 'Title', message: 'this column appears twice' }],
    ['---\ntitle: "t"\n---\nbody\n---\nbody: "x"\n---\n', { row: 2, field: 'title', message: 'is required' }],
    ['---\ntitle: "t\n---\nbody', { row: 1, line: 2, field: 'title', message: expect.stringMatching(/not closed/) }],
    ['---\ntitle: t\ntitle: u\n---\nb', { row: 1, line: 3, field: 'title', message: 'this key appears twice' }],
    ['---\ntitle: t\nbody: "x"\n---\nalso below', { row: 1, field: 'body' }],
    ['---\ntitle: t\nbody: |\n---\n', { row: 1, field: 'body', message: expect.stringMatching(/not supported/) }],
    ['intro text\n---\ntitle: t\n---\nb', { row: 1, line: 1, message: expect.stringMatching(/must start with a front matter/) }],
  ])('%j', async (input, expected) => {
    const issues = await issuesOf(input, input.startsWith('intro') ? 'kb.md' : undefined);
    expect(issues).toContainEqual(expect.objectContaining(expected));
  });

  it.each([
    ['language', `title,body,language\nt,b,${'x'.repeat(200_000)}\n`],
    ['updatedAt', `title,body,updatedAt\nt,b,${'x'.repeat(200_000)}\n`],
  ])('quotes only the start of a 200,000-character %s cell', async (field, csv) => {
    const issues = await issuesOf(csv, 'kb.csv');
    const issue = issues.find((i) => i.field === field && i.message.includes('…'));
    expect(issue?.message.length).toBeLessThan(200);
  });

  it.each([
    ['{"format": "solodesk-kb", "version": {"major": 1}, "articles": []}', 'version: version an object is not supported (this SoloDesk reads version 1)'],
    ['{"format": ["solodesk-kb"], "articles": []}', 'format: a list is not a SoloDesk knowledge base'],
    ['{"format": "solodesk-kb", "version": "2", "articles": []}', 'version: version "2" is not supported (this SoloDesk reads version 1)'],
  ])('names a wrong format or version header without "[object Object]": %s', async (json, message) => {
    expect((await issuesOf(json, 'kb.json')).map((i) => `${i.field}: ${i.message}`)).toEqual([message]);
  });

  it('says how many more problems there are in its message', async () => {
    const rows = Array.from({ length: 10 }, () => '{"title": ""}').join(',');
    const result = await importKb(`[${rows}]`);
    expect(!result.ok && result.error.message).toMatch(/^Nothing was imported: row 1, title: is required; .*\(and \d+ more\)$/);
  });

  it('stops collecting after 50 problems', async () => {
    const rows = Array.from({ length: 200 }, () => '{"title": ""}').join(',');
    expect((await issuesOf(`[${rows}]`)).length).toBeLessThanOrEqual(50);
  });
});

describe('large files', () => {
  // Both took minutes (quadratic regex backtracking) before; the test timeout is the hang guard.
  it('reads a Markdown body with 150,000 blank lines inside it', async () => {
    const result = await importKb(`---\ntitle: t\n---\nstart${'\n'.repeat(150_000)}end\n`, { fileName: 'kb.md' });
    expect(result.ok && result.articles[0].body).toBe(`start${'\n'.repeat(150_000)}end`);
  });

  it('reads a front matter value with 150,000 spaces inside it', async () => {
    const title = `a${' '.repeat(150_000)}b`;
    const result = await importKb(`---\ntitle: ${title}   \nexamples:\n  - x${' '.repeat(150_000)}y \n---\nbody\n`, { fileName: 'kb.md' });
    expect(result.ok && [result.articles[0].title, result.articles[0].examples[0]]).toEqual([title, `x${' '.repeat(150_000)}y`]);
  });

  it('reports progress while validating in chunks and ends at the total', async () => {
    const articles = Array.from({ length: 2500 }, (_, i) => ({ title: `Question ${i}`, body: `Answer ${i}` }));
    const progress: ImportProgress[] = [];
    const result = await importKb(JSON.stringify(articles), { onProgress: (p) => progress.push(p), chunkSize: 1000 });
    expect(result.ok && result.articles).toHaveLength(2500);
    const validate = progress.filter((p) => p.phase === 'validate').map((p) => p.done);
    expect(validate).toEqual([1000, 2000, 2500]);
    expect(progress.some((p) => p.phase === 'parse')).toBe(true);
  });

  it('gives articles without an id distinct, stable ids', async () => {
    const input = JSON.stringify([{ title: 'Same', body: 'a' }, { title: 'Same', body: 'b' }]);
    const [a, b] = await Promise.all([importKb(input), importKb(input)]);
    const ids = a.ok ? a.articles.map((x) => x.id) : [];
    expect(new Set(ids).size).toBe(2);
    expect(b.ok && b.articles.map((x) => x.id)).toEqual(ids);
  });
});
