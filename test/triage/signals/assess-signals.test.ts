// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessSignals, describeReason, REASON_CODES, type Signals } from '../../../lib/triage/signals';
import type { TriageInput } from '../../../lib/triage/types';
import { signalsOf } from './helpers';

interface LabelledMail extends TriageInput {
  id: string;
  category: string;
  urgency: string;
  importance: string;
  priority: string;
  sentiment: string;
  lang: string;
}

const FIELDS = ['urgency', 'importance', 'priority', 'sentiment', 'lang'] as const;

function readMails(name: string): LabelledMail[] {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledMail);
}

function accuracy(mails: LabelledMail[], withCategory: boolean): Record<(typeof FIELDS)[number], number> {
  const right = { urgency: 0, importance: 0, priority: 0, sentiment: 0, lang: 0 };
  for (const mail of mails) {
    const category = withCategory ? { id: mail.category, confidence: 0.8 } : { id: 'other', confidence: 0 };
    const got: Signals = assessSignals(mail, category);
    for (const f of FIELDS) if (got[f] === mail[f]) right[f] += 1;
  }
  for (const f of FIELDS) right[f] /= mails.length;
  return right;
}

describe('assessSignals', () => {
  it.each([
    ['P1', 'en', 'Refund!!\nWhere is my refund? This is ridiculous.', { customerTier: 'vip', previousMessages: 1 }],
    ['P1', 'de', 'Shop down\nIhr Checkout ist seit heute Morgen offline, ich kann nicht bezahlen.', {}],
    ['P1', 'zh', '重复扣款\n你们重复扣款，三天内不退我就申请拒付。', {}],
    ['P2', 'en', 'Login\nI cannot log in and need my invoice today.', {}],
    ['P2', 'de', 'Paket\nMein Paket ist nie angekommen.', {}],
    ['P2', 'zh', '退款\n这是我第三次发邮件询问退款了。', {}],
    ['P3', 'en', 'Address\nCould you change my delivery address, please?', { customerTier: 'vip' }],
    ['P3', 'de', 'Kündigung\nWir kündigen unsere Jahreslizenz mit 10 Plätzen.', {}],
    ['P3', 'zh', '质量\n衣服掉色严重，不处理我就给差评。', {}],
    ['P4', 'en', 'Question\nDo you ship to Canada?', {}],
    ['P4', 'de', 'Frage\nGibt es den Pullover auch in Blau? Keine Eile.', {}],
    ['P4', 'zh', '咨询\n请问定时功能怎么设置？', {}],
  ] as const)('puts this mail in %s (%s): %s', (priority, _lang, text, extra) => {
    expect(signalsOf(text, extra).priority).toBe(priority);
  });

  it('puts an angry VIP refund request that waits for an answer in P1', () => {
    const s = signalsOf('Refund\nStill no answer about my refund. Unacceptable!', { customerTier: 'vip' });
    expect(s).toMatchObject({ priority: 'P1', sentiment: 'negative', lang: 'en' });
    expect(s.reasons).toEqual(expect.arrayContaining(['urgency:repeat-contact', 'importance:vip']));
  });

  it('keeps an angry regular customer without a threat out of the important queues', () => {
    expect(signalsOf('Beans\nThe coffee was stale, I am really disappointed.').priority).toBe('P4');
  });

  it('returns only known reason codes, each described in en and zh_CN', () => {
    const s = signalsOf('Shop\nYour checkout is down! I will sue.', { customerTier: 'vip', previousMessages: 2 });
    for (const code of s.reasons) expect(REASON_CODES).toContain(code);
    for (const code of REASON_CODES) {
      expect(describeReason(code, 'en')).not.toBe(code);
      expect(describeReason(code, 'zh_CN')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(describeReason('x:unknown', 'en')).toBe('x:unknown');
  });

  it.each([
    ['the pre-rule check set', 'mails.jsonl'],
    ['the second check set', 'mails-b.jsonl'],
  ])('reaches the targets on %s, from text alone and with the category', (_name, file) => {
    const mails = readMails(file);
    for (const withCategory of [false, true]) {
      const acc = accuracy(mails, withCategory);
      expect(acc.urgency).toBeGreaterThanOrEqual(0.85);
      expect(acc.importance).toBeGreaterThanOrEqual(0.85);
      expect(acc.priority).toBeGreaterThanOrEqual(0.8);
      expect(acc.lang).toBeGreaterThanOrEqual(0.95);
      expect(acc.sentiment).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('labels every check-set mail with a priority consistent with its urgency and importance', () => {
    const quadrant: Record<string, string> = { 'high/high': 'P1', 'high/low': 'P2', 'low/high': 'P3', 'low/low': 'P4' };
    for (const mail of [...readMails('mails.jsonl'), ...readMails('mails-b.jsonl')]) {
      expect(quadrant[`${mail.urgency}/${mail.importance}`], mail.id).toBe(mail.priority);
    }
  });
});
