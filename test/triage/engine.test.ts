import { describe, expect, it } from 'vitest';
import { TriageEngine, createStarterEngine, type Embedder } from '../../lib/triage/engine';
import { KB } from './fixtures';

const CATEGORIES = [
  ...['where is my refund', 'I want my money back', 'refund please', '我要退款'].map((text) => ({ text, label: 'refund' })),
  ...['send me the invoice', 'I need a receipt', 'VAT invoice please', '请开发票'].map((text) => ({ text, label: 'invoice' })),
  ...['I cannot log in', 'reset my password', 'account locked', '无法登录'].map((text) => ({ text, label: 'account' })),
];

describe('TriageEngine', () => {
  it('classifies, assesses signals and suggests articles for one mail', async () => {
    const engine = new TriageEngine();
    await engine.setKnowledgeBase(KB);
    engine.setLabelledExamples(CATEGORIES);
    const result = await engine.triage({ subject: 'Refund?', body: 'When will I get my money back?' });
    expect(result.category).toBe('refund');
    expect(result.confidence).toBeGreaterThan(0);
    expect(['P1', 'P2', 'P3', 'P4']).toContain(result.priority);
    expect(result.lang).toBe('en');
    expect(result.suggestions[0]?.id).toBe('refund-status');
  });

  it('changes the very next prediction after a correction', async () => {
    const engine = new TriageEngine();
    engine.setLabelledExamples(CATEGORIES);
    const text = 'my money for the invoice was taken twice';
    const before = engine.classify(text).label;
    const corrected = before === 'refund' ? 'invoice' : 'refund';
    engine.addCorrection({ text, label: corrected });
    expect(engine.classify(text).label).toBe(corrected);
    expect((await engine.triage({ subject: '', body: text })).category).toBe(corrected);
  });

  it('moves a picked article up for similar mail', async () => {
    const engine = new TriageEngine();
    await engine.setKnowledgeBase(KB);
    const text = 'the parcel will go to my old flat';
    for (let i = 0; i < 3; i++) engine.recordPick('change-address', text);
    expect((await engine.retrieve('my parcel is going to my old flat', 1))[0]?.id).toBe('change-address');
  });

  it("answers 'other' with no training data and suggests nothing with no knowledge base", async () => {
    const engine = new TriageEngine();
    expect(engine.classify('hello')).toEqual({ label: 'other', confidence: 0 });
    expect(await engine.retrieve('hello')).toEqual([]);
  });

  it('fuses embeddings when an embedder is given', async () => {
    // A toy embedder: one dimension per article keyword, so the embedding side alone can decide.
    const words = ['refund', 'invoice', 'password', 'address'];
    const embedder: Embedder = {
      modelId: 'toy',
      dim: words.length,
      embed: async (texts) =>
        texts.map((t) => {
          const v = Float32Array.from(words, (w) => (t.toLowerCase().includes(w) ? 1 : 0));
          const n = Math.hypot(...v) || 1;
          return v.map((x) => x / n);
        }),
    };
    const engine = new TriageEngine({ embedder });
    await engine.setKnowledgeBase(KB);
    const top = await engine.retrieve('password', 2);
    expect(top[0]?.id).toBe('password-reset');
  });

  it('starts with the built-in starter knowledge base and categories', async () => {
    const engine = await createStarterEngine();
    expect(engine.knowledgeBase.length).toBeGreaterThan(10);
    const result = await engine.triage({ subject: '发票', body: '你好，请帮我开一张发票，谢谢' });
    expect(result.category).toBe('invoice');
    expect(result.lang).toBe('zh');
    expect(result.suggestions.length).toBeGreaterThan(0);
  });
});

describe('category examples from a large knowledge base', () => {
  it('takes at most 400 article texts per category, spread over all articles; a small KB gives all, in order', async () => {
    const engine = new TriageEngine();
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, title: `Refund question ${i}`, body: 'Refunds take 5 days.', examples: [`money back ${i}`], category: 'refund' }));
    await engine.setKnowledgeBase([...many, { id: 'inv', title: 'Invoice', body: 'Download it.', examples: ['VAT invoice'], category: 'invoice' }]);
    const rows = engine.categoryExamples();
    const refunds = rows.filter((r) => r.label === 'refund');
    expect(refunds).toHaveLength(400);
    const articleOf = (text: string) => Number(text.split(' ').at(-1));
    // From the whole range, not the first 400 texts.
    expect(Math.min(...refunds.map((r) => articleOf(r.text)))).toBeLessThan(5);
    expect(Math.max(...refunds.map((r) => articleOf(r.text)))).toBeGreaterThan(995);
    expect(rows.filter((r) => r.label === 'invoice').map((r) => r.text)).toEqual(['Invoice', 'VAT invoice']);

    const small = new TriageEngine();
    await small.setKnowledgeBase(KB.map((a, i) => ({ ...a, category: i % 2 ? 'refund' : 'invoice' })));
    expect(small.categoryExamples().map((r) => r.text)).toEqual(KB.flatMap((a) => [a.title, ...a.examples]));
  });
});
