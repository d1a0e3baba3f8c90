import { describe, expect, test } from 'vitest';
import { CATEGORY_IDS } from '../../lib/categories';
import { CATEGORY_EXAMPLES, STARTER_ARTICLES } from '../../lib/kb/starter';
import { checkTemplate, fillTemplate } from '../../lib/kb/template';

const ALLOWED_VARIABLES = new Set([
  'customer.firstName',
  'customer.name',
  'customer.email',
  'order.id',
  'agent.name',
  'company.name',
  'today',
]);

/** `{{ name }}` or `{{ name | "fallback" }}`, the only placeholder shapes a starter article may use. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*(?:\|\s*"([^"{}]*)"\s*)?\}\}/g;
const CJK = /[\u4e00-\u9fff]/;

function variablesIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

const articleCases = STARTER_ARTICLES.map((article) => [article.id, article] as const);

describe('starter articles', () => {
  test.each(CATEGORY_IDS)('category %s has at least two English and two Chinese articles', (category) => {
    const inCategory = STARTER_ARTICLES.filter((article) => article.category === category);
    expect(inCategory.filter((article) => article.lang === 'en').length).toBeGreaterThanOrEqual(2);
    expect(inCategory.filter((article) => article.lang === 'zh').length).toBeGreaterThanOrEqual(2);
  });

  test('there are at least 60 articles and every id is unique and stable-looking', () => {
    expect(STARTER_ARTICLES.length).toBeGreaterThanOrEqual(60);
    const ids = STARTER_ARTICLES.map((article) => article.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const article of STARTER_ARTICLES) {
      expect(article.id).toMatch(new RegExp(`^starter-${article.category}-[a-z0-9-]+-${article.lang}$`));
    }
  });

  test('titles are unique within a language', () => {
    for (const lang of ['en', 'zh'] as const) {
      const titles = STARTER_ARTICLES.filter((a) => a.lang === lang).map((a) => a.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  test('every article belongs to a built-in category', () => {
    const known = new Set<string>(CATEGORY_IDS);
    for (const article of STARTER_ARTICLES) expect(known.has(article.category)).toBe(true);
  });

  test.each(articleCases)('%s uses only the known variables', (_id, article) => {
    for (const variable of variablesIn(`${article.title}\n${article.body}`)) {
      expect(ALLOWED_VARIABLES.has(variable)).toBe(true);
    }
  });

  test.each(articleCases)('%s has balanced braces and no malformed placeholder', (_id, article) => {
    const rest = article.body.replace(PLACEHOLDER, '');
    expect(rest).not.toMatch(/[{}]/);
    expect(article.title).not.toMatch(/[{}]/);
  });

  test.each(articleCases)('%s greets the customer by a name variable on its first line', (_id, article) => {
    const firstLine = article.body.split('\n')[0];
    const greetingVariables = variablesIn(firstLine);
    expect(greetingVariables.some((v) => v === 'customer.firstName' || v === 'customer.name')).toBe(true);
  });

  test.each(articleCases)('%s gives the greeting a fallback so it never needs a fill-in', (_id, article) => {
    const firstLine = article.body.split('\n')[0];
    expect(firstLine).toMatch(/\{\{\s*customer\.(firstName|name)\s*\|\s*"[^"]+"\s*\}\}/);
  });

  test.each(articleCases)('%s is signed with the agent and company', (_id, article) => {
    const variables = variablesIn(article.body);
    expect(variables).toContain('agent.name');
    expect(variables).toContain('company.name');
  });

  test.each(articleCases)('%s has 4 to 8 distinct example questions in its own language', (_id, article) => {
    expect(article.examples.length).toBeGreaterThanOrEqual(4);
    expect(article.examples.length).toBeLessThanOrEqual(8);
    expect(new Set(article.examples).size).toBe(article.examples.length);
    for (const example of article.examples) {
      expect(CJK.test(example)).toBe(article.lang === 'zh');
    }
    expect(CJK.test(article.title)).toBe(article.lang === 'zh');
  });

  test.each(articleCases)('%s parses in the template language', (_id, article) => {
    expect(checkTemplate(article.body)).toBeNull();
  });

  // Customer and order values are often unknown: a starter reply must then read well on its
  // fallbacks instead of opening the fill-in form; only the user's own settings are required.
  test.each(articleCases)('%s fills with only the agent settings known', (_id, article) => {
    const settingsOnly = { agent: { name: 'Sam' }, company: { name: 'Acme' }, today: '1 May 2026' };
    const filled = fillTemplate(article.body, settingsOnly);
    expect(filled.ok).toBe(true);
    if (filled.ok) expect(filled.text).not.toMatch(/\{\{|\}\}/);
  });

  test.each(articleCases)('%s has at least one tag', (_id, article) => {
    expect(article.tags.length).toBeGreaterThan(0);
  });
});

describe('category examples', () => {
  test('cover exactly the built-in categories', () => {
    expect(Object.keys(CATEGORY_EXAMPLES).sort()).toEqual([...CATEGORY_IDS].sort());
  });

  test.each(CATEGORY_IDS)('%s has at least 15 English, 15 Chinese and 12 German examples', (category) => {
    const { en, zh, de } = CATEGORY_EXAMPLES[category];
    expect(en.length).toBeGreaterThanOrEqual(15);
    expect(zh.length).toBeGreaterThanOrEqual(15);
    expect(de.length).toBeGreaterThanOrEqual(12);
  });

  test.each(CATEGORY_IDS)('%s examples are in the language they are filed under', (category) => {
    const { en, zh, de } = CATEGORY_EXAMPLES[category];
    for (const text of zh) expect(CJK.test(text)).toBe(true);
    for (const text of [...en, ...de]) expect(CJK.test(text)).toBe(false);
  });

  test('no example text is filed under two categories or twice in one', () => {
    const all = CATEGORY_IDS.flatMap((c) => {
      const { en, zh, de } = CATEGORY_EXAMPLES[c];
      return [...en, ...zh, ...de].map((text) => text.trim().toLowerCase());
    });
    expect(new Set(all).size).toBe(all.length);
  });

  test('every example is a non-empty message of reasonable length', () => {
    for (const category of CATEGORY_IDS) {
      const { en, zh, de } = CATEGORY_EXAMPLES[category];
      for (const text of [...en, ...zh, ...de]) {
        expect(text.trim().length).toBeGreaterThan(3);
        expect(text.length).toBeLessThan(300);
      }
    }
  });
});
