import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../lib/triage/classifier';
import type { LabelledText } from '../../lib/triage/types';
import { fitTemperature } from '../../lib/triage/calibrate';

const TABLE: LabelledText[] = [
  ...['where is my refund', 'I want my money back', 'refund my order please', 'when will the refund arrive', 'please refund the payment', '我要退款', '退款什么时候到账'].map((text) => ({ text, label: 'refund' })),
  ...['send me the invoice', 'I need a receipt for my order', 'invoice with VAT please', 'can I get a bill', 'where do I download my invoice', '请开发票', '我需要发票'].map((text) => ({ text, label: 'invoice' })),
  ...['I cannot log in', 'reset my password', 'my account is locked', 'change the email of my account', 'login does not work', '无法登录', '忘记密码'].map((text) => ({ text, label: 'account' })),
  ...['what is the weather', 'tell me a joke', 'who won the football game', 'play some music', 'what time is it in Tokyo', '今天天气怎么样', '讲个笑话'].map((text) => ({ text, label: 'other' })),
];

describe('TextClassifier', () => {
  const classifier = new TextClassifier({ noMatchLabel: 'other', threshold: 0.3 });
  classifier.train(TABLE);

  it.each([
    ['has my refund been sent', 'refund'],
    ['I need an invoice for last month', 'invoice'],
    ['I forgot my password', 'account'],
    ['退款还没到', 'refund'],
  ])('labels %j as %s', (text, label) => {
    expect(classifier.predict(text).label).toBe(label);
  });

  it('gives probabilities that sum to one and a confidence between 0 and 1', () => {
    const probs = classifier.probabilities('refund please');
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const { confidence } = classifier.predict('refund please');
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  it('is more confident on a clear request than on an unrelated one', () => {
    expect(classifier.predict('please refund my money').bestConfidence).toBeGreaterThan(
      classifier.predict('xylophone quantum banana').bestConfidence,
    );
  });

  it('answers no-match for text like the out-of-scope examples', () => {
    expect(classifier.predict('tell me a joke about football').label).toBe('other');
  });

  it('answers no-match when nothing is confident enough', () => {
    const strict = new TextClassifier({ noMatchLabel: 'none', threshold: 0.99, calibrate: false });
    strict.train(TABLE.filter((e) => e.label !== 'other'));
    expect(strict.predict('zzz qqq').label).toBe('none');
  });

  it('trains to the same model every time (seeded)', () => {
    const again = new TextClassifier({ noMatchLabel: 'other', threshold: 0.3 });
    again.train(TABLE);
    expect(Array.from(again.probabilities('refund'))).toEqual(Array.from(classifier.probabilities('refund')));
  });
});

describe('fitTemperature', () => {
  it('softens overconfident logits and sharpens underconfident ones', () => {
    // Half right at huge margins → overconfident → T > 1.
    const over = [Float64Array.from([10, 0]), Float64Array.from([10, 0])];
    expect(fitTemperature(over, [0, 1])).toBeGreaterThan(1);
    // Always right at small margins → underconfident → T < 1.
    const under = [Float64Array.from([0.2, 0]), Float64Array.from([0, 0.2])];
    expect(fitTemperature(under, [0, 1])).toBeLessThan(1);
  });
});
