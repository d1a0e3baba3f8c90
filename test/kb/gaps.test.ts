import { describe, expect, it, test } from 'vitest';
import { draftArticleFromPair, templatizeReply, titleFromQuestion } from '../../lib/kb/gaps';
import { fillTemplate } from '../../lib/kb/template';

describe('titleFromQuestion', () => {
  test.each([
    ['Hi Sam,\n\nWhere is my order #1042? It was due last week.', 'Where is my order #1042?'],
    ['您好！\n我的订单什么时候发货？谢谢', '我的订单什么时候发货？'],
    ['Hallo, meine Bestellung ist beschädigt. Bitte Ersatz.', 'Meine Bestellung ist beschädigt.'],
    ['Hello', 'Hello'],
    ['Hi there! Do you ship to Norway?', 'Do you ship to Norway?'],
    ['Dear support team, my parcel is lost.', 'My parcel is lost.'],
    ['Hiking boots: do you ship them to Norway?', 'Hiking boots: do you ship them to Norway?'],
    [
      'I would like to know whether the premium subscription includes priority support for all of my team members',
      'I would like to know whether the premium subscription includes priority…',
    ],
  ])('titles %j as %j', (question, title) => {
    expect(titleFromQuestion(question)).toBe(title);
  });
});

describe('draftArticleFromPair', () => {
  it('turns the customer name, address and order number into variables', () => {
    const draft = draftArticleFromPair(
      {
        question: 'Hi,\nwhere is order 1042? My address is ann.lee@example.com',
        reply: 'Hi Ann,\n\nOrder 1042 ships today; I sent the label to ann.lee@example.com.\nAnnie says hi.\n\nSam',
        questionFrom: { name: 'Lee, Ann', email: 'ann.lee@example.com' },
      },
      { agentName: 'Sam', category: 'order-status', now: new Date('2025-05-01T00:00:00Z') },
    );
    expect(draft).toEqual({
      id: expect.stringMatching(/^gap-[0-9a-f]{8}$/),
      title: 'Where is order 1042?',
      body: 'Hi {{customer.firstName | "there"}},\n\nOrder {{order.id}} ships today; I sent the label to {{customer.email}}.\nAnnie says hi.\n\n{{agent.name}}',
      examples: ['Hi, where is order 1042? My address is ann.lee@example.com'],
      category: 'order-status',
      lang: 'en',
      tags: [],
      updatedAt: '2025-05-01T00:00:00.000Z',
    });
    const filled = fillTemplate(draft.body, { customer: { firstName: 'Bo' }, order: { id: '77' }, agent: { name: 'Kim' } });
    expect(filled.ok).toBe(false);
    expect(fillTemplate(draft.body, { customer: { firstName: 'Bo', email: 'b@x' }, order: { id: '77' }, agent: { name: 'Kim' } })).toEqual({
      ok: true,
      text: 'Hi Bo,\n\nOrder 77 ships today; I sent the label to b@x.\nAnnie says hi.\n\nKim',
    });
  });

  it('uses an empty fallback for Chinese so a missing name leaves a plain 您好', () => {
    const draft = draftArticleFromPair({
      question: '你好，订单号：20231234 还没发货',
      reply: '王小明您好：订单 20231234 今天发出。',
      questionFrom: { name: '王小明', email: 'wxm@example.cn' },
    });
    expect(draft.lang).toBe('zh');
    expect(draft.body).toBe('{{customer.firstName | ""}}您好：订单 {{order.id}} 今天发出。');
    expect(fillTemplate(draft.body, { order: { id: '1' } })).toEqual({ ok: true, text: '您好：订单 1 今天发出。' });
  });

  it('replaces the full name before the first name', () => {
    const body = draftArticleFromPair({ question: 'q', reply: 'Dear Ann Lee, thanks Ann.', questionFrom: { name: 'Ann Lee', email: '' } }).body;
    expect(body).toBe('Dear {{customer.name | "customer"}}, thanks {{customer.firstName | "there"}}.');
  });
});

describe('templatizeReply', () => {
  it('breaks up braces already in the reply so the draft is never an accidental template', () => {
    const body = templatizeReply('Use {{code}} or }} here, Ann', [['Ann', '{{customer.firstName | "there"}}']]);
    expect(body).toBe('Use { {code} } or } } here, {{customer.firstName | "there"}}');
    expect(fillTemplate(body, {}).ok).toBe(true);
  });

  it('never matches inside another word or a just-inserted variable', () => {
    expect(templatizeReply('Sam and Samuel; customer', [['Sam', '{{agent.name}}'], ['customer', 'X']])).toBe('{{agent.name}} and Samuel; X');
  });

  it('ignores one-letter names, which would replace too much', () => {
    expect(templatizeReply('A plan', [['A', '{{customer.firstName}}']])).toBe('A plan');
  });
});
