import { describe, expect, it } from 'vitest';
import { LexicalRetriever, sentences } from '../../lib/triage/retriever';
import { KB } from './fixtures';



describe('LexicalRetriever', () => {
  const retriever = new LexicalRetriever();
  retriever.build(KB);

  it.each([
    ['Has my reimbursement been sent yet? I returned the item', 'refund-status'],
    ['please send me a receipt for order 1234', 'invoice'],
    ['I forgot my password and cannot sign in', 'password-reset'],
    ['我忘记密码，登录不了', 'password-reset'],
    ['能不能帮我改一下收货地址', 'change-address'],
  ])('ranks the right article first for %j', (text, id) => {
    expect(retriever.retrieve(text, 3)[0]?.id).toBe(id);
  });

  it('returns scores best first', () => {
    const scores = retriever.retrieve('refund money back', 4, -1).map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('suggests nothing when no article fits (a KB gap)', () => {
    expect(retriever.retrieve('Do you sell gift cards for the spring festival in Norway?', 5)).toEqual([]);
  });

  it('learns from extra labelled examples', () => {
    const withExtra = new LexicalRetriever();
    withExtra.build(KB, [{ text: 'the parcel went to my old flat', label: 'change-address' }]);
    expect(withExtra.retrieve('the parcel went to my old flat again', 1)[0]?.id).toBe('change-address');
  });

  it('boosts an article the user picked before', () => {
    const boosted = new LexicalRetriever();
    boosted.build(KB);
    const text = 'question about my order';
    const before = boosted.retrieve(text, 4, -1);
    const last = before[before.length - 1].id;
    for (let i = 0; i < 30; i++) boosted.recordPick(last);
    expect(boosted.retrieve(text, 4, -1)[0].id).toBe(last);
  });

  it('splits replies into sentences in English and Chinese', () => {
    expect(sentences('Hello there. How are you?\n您的退款已经处理。三天内到账！')).toEqual([
      'Hello there.',
      'How are you?',
      '您的退款已经处理。',
      '三天内到账！',
    ]);
  });
});

describe('sentences and pseudo-examples', () => {
  it.each([
    ['See www.example.com for details. Then log in.', ['See www.example.com for details.', 'Then log in.']],
    ['Version 3.5 is out! Update now.', ['Version 3.5 is out!', 'Update now.']],
  ])('does not split at a dot inside a word or number: %j', (text, want) => {
    expect(sentences(text)).toEqual(want);
  });

  it('ignores an opening sentence shared by several articles (boilerplate) when it matches a query', () => {
    const greeting = '您好，小U为您介绍。';
    const retriever = new LexicalRetriever();
    retriever.build([
      { id: 'a', title: '如何开通在线支付', body: greeting + '登录网站后点击开通。', examples: [] },
      { id: 'b', title: '如何查询余额', body: greeting + '拨打热线查询。', examples: [] },
      { id: 'c', title: '小U是谁', body: '小U为您介绍：小U是客服助手。', examples: [] },
    ]);
    expect(retriever.retrieve('小U为您介绍', 1, -1)[0].id).toBe('c');
  });

  it('matches an article by an error code in its title', () => {
    const retriever = new LexicalRetriever();
    retriever.build([
      { id: 'e1', title: '为什么在线支付报错1000075', body: '密码输入次数超限。', examples: [] },
      { id: 'e2', title: '为什么在线支付报错2020023', body: '请咨询发卡行。', examples: [] },
    ]);
    expect(retriever.retrieve('交易失败，代码（2020023）怎么办', 1, -1)[0].id).toBe('e2');
  });
});

describe('LexicalRetriever on a knowledge base too large for the article classifier', () => {
  it('still ranks the right article without it, and drops the classes of a smaller KB indexed before', () => {
    const retriever = new LexicalRetriever({ maxClassifierArticles: KB.length - 1 });
    retriever.build(KB.slice(0, KB.length - 1)); // at the limit: trained
    expect(retriever.retrieve('when will I get my money back', 3)[0]?.id).toBe('refund-status');
    retriever.build(KB); // over the limit: BM25 and nearest examples only
    expect(retriever.retrieve('when will I get my money back', 3)[0]?.id).toBe('refund-status');
    expect(retriever.retrieve('I need a VAT invoice', 3)[0]?.id).toBe('invoice');
    expect(retriever.retrieve('I cannot log in', 3)[0]?.id).toBe('password-reset');
  });
});
