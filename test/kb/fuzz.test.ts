// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Article, normalizeLang } from '../../lib/kb/article';
import { exportKb, importKb, type KbFormat, KbImportError, type KbImportResult } from '../../lib/kb/io';
import { importMbox, MboxFormatError, type MboxImportResult } from '../../lib/kb/mbox';
import { TRICKY_KB } from './io/tricky-kb';
import { pick, seededRandom } from './prng';

/**
 * Generated inputs, same every run (fixed seed): valid files broken in small ways. Whatever
 * comes in, an import returns either every article (each valid) or an error object with at
 * least one located issue, never a throw and never a part of the file.
 */
const random = seededRandom(20251126);
const JUNK = ['"', ',', '\n', '\r\n', '---\n', '{', '}', '[', ']', ':', '\u0000', "'", '|', '{{', 'title: x\n', '\r', 'From ', '退', '\uFFFD', '>', '=', '\\', ' '];

function mutate(text: string): { text: string; kind: string } {
  const at = Math.floor(random() * (text.length + 1));
  const lines = text.split('\n');
  switch (Math.floor(random() * 6)) {
    case 0:
      return { text: text.slice(0, at), kind: 'truncate' };
    case 1: {
      const length = 1 + Math.floor(random() * 40);
      return { text: text.slice(0, at) + text.slice(at + length), kind: 'delete' };
    }
    case 2:
      return { text: text.slice(0, at) + pick(random, JUNK) + text.slice(at), kind: 'insert' };
    case 3: {
      const i = Math.floor(random() * lines.length);
      lines.splice(i, 0, lines[i]);
      return { text: lines.join('\n'), kind: 'duplicate-line' };
    }
    case 4: {
      const i = Math.floor(random() * lines.length);
      const j = Math.floor(random() * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return { text: lines.join('\n'), kind: 'swap-lines' };
    }
    default:
      return { text: text.slice(0, at) + pick(random, JUNK) + text.slice(at + 1), kind: 'replace' };
  }
}

function expectWellFormedKb(result: KbImportResult): void {
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['articles', 'format', 'ok']);
    expect(result.articles.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const a of result.articles) {
      expect(a.title.trim()).not.toBe('');
      expect(a.body.trim()).not.toBe('');
      expect(a.examples.every((e) => typeof e === 'string' && e.trim() !== '')).toBe(true);
      expect(a.tags.every((t) => typeof t === 'string' && t.trim() === t && t !== '')).toBe(true);
      expect(normalizeLang(a.lang)).toBe(a.lang);
      expect(a.id).not.toBe('');
      ids.add(a.id);
    }
    expect(ids.size).toBe(result.articles.length);
  } else {
    expect(result).not.toHaveProperty('articles');
    expect(result.error).toBeInstanceOf(KbImportError);
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) {
      expect(issue.message).toMatch(/\S/);
      if (issue.row !== undefined) expect(Number.isInteger(issue.row) && issue.row > 0).toBe(true);
    }
  }
}

function expectWellFormedMbox(result: MboxImportResult): void {
  if (result.ok) {
    expect(Array.isArray(result.pairs) && Array.isArray(result.customers)).toBe(true);
    for (const p of result.pairs) expect(p.question !== '' && p.reply !== '').toBe(true);
  } else {
    expect(result).not.toHaveProperty('pairs');
    expect(result.error).toBeInstanceOf(MboxFormatError);
    expect(result.error.message).toMatch(/\S/);
  }
}

describe('knowledge-base files, mutated (150 inputs)', () => {
  const formats: KbFormat[] = ['json', 'csv', 'markdown'];
  const cases = Array.from({ length: 150 }, (_, i) => {
    const format = formats[i % 3];
    return { format, ...mutate(exportKb(TRICKY_KB, format)) };
  });

  it('always returns all valid articles or a located error, never throws', async () => {
    let errors = 0;
    for (const c of cases) {
      let result: KbImportResult;
      try {
        result = await importKb(c.text);
      } catch (error) {
        throw new Error(`importKb threw on a ${c.kind} ${c.format} input: ${String(error)}`);
      }
      expectWellFormedKb(result);
      if (!result.ok) errors++;
      // A JSON document cut short is never valid.
      if (c.format === 'json' && c.kind === 'truncate' && c.text.trimEnd().length < exportKb(TRICKY_KB, 'json').trimEnd().length) {
        expect(result.ok).toBe(false);
      }
    }
    expect(errors).toBeGreaterThan(30);
  });
});

describe('mbox files, mutated (60 inputs)', () => {
  const original = readFileSync(new URL('../fixtures/mbox/takeout.mbox', import.meta.url), 'latin1');
  const cases = Array.from({ length: 60 }, () => mutate(original));

  it('always returns pairs or an error object, never throws', async () => {
    for (const c of cases) {
      const bytes = new Uint8Array(Buffer.from(c.text, 'latin1'));
      let result: MboxImportResult;
      try {
        result = await importMbox(bytes);
      } catch (error) {
        throw new Error(`importMbox threw on a ${c.kind} input: ${String(error)}`);
      }
      expectWellFormedMbox(result);
    }
  });
});

describe('generated knowledge bases (60 per format)', () => {
  const pieces = ['a', 'Z', ' ', '\n', '\n\n', '---', '\n---\n', 'title: t', ',', '"', "'", '|', '=', '-', '+1', '@', '#', '退款', '🎉', '\t', '\r\n', '{{x}}', '[', ']', 'From '];
  const text = (min: number) => {
    let s = '';
    const n = min + Math.floor(random() * 8);
    for (let i = 0; i < n; i++) s += pick(random, pieces);
    return s.trim() === '' ? `${s}k` : s;
  };
  const kb = (): Article[] =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => {
      const article: Article = {
        id: `id-${i}`,
        title: text(1),
        body: text(1),
        examples: Array.from({ length: Math.floor(random() * 3) }, () => text(1)),
        category: pick(random, ['other', 'refund', 'my own']),
        lang: pick(random, ['en', 'zh-CN', 'de']),
        tags: Array.from({ length: Math.floor(random() * 3) }, () => text(1).replace(/[\r\n]/g, 'x').trim() || 'k'),
      };
      if (random() < 0.3) article.shortcut = '/s';
      return article;
    });

  it.each(['json', 'csv', 'markdown'] as KbFormat[])('%s: export → import gives each generated knowledge base back', async (format) => {
    for (let i = 0; i < 60; i++) {
      const articles = kb();
      const result = await importKb(exportKb(articles, format));
      if (!result.ok) throw new Error(`${result.error.message}\n${JSON.stringify(articles)}`);
      expect(result.articles).toEqual(articles);
    }
  });
});
