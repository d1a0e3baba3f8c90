import { describe, expect, it } from 'vitest';
import { signalsOf } from './helpers';

describe('sentiment', () => {
  it.each([
    ['en', 'Beans\nThe last batch was really disappointing.'],
    ['en', 'Service\nThis is unacceptable, nobody seems to care.'],
    ['en', 'Mugs\nI am not happy with the quality at all.'],
    ['de', 'Lieferung\nIch bin echt enttäuscht von Ihrem Service.'],
    ['de', 'Mixer\nDas ist wirklich eine Frechheit.'],
    ['de', 'Qualität\nIch bin mit der Qualität nicht zufrieden.'],
    ['zh', '质量\n收到的花瓶有裂缝，真的很失望。'],
    ['zh', '服务\n你们的服务越来越差了。'],
    ['zh', '回复\n为什么一直没人回复？'],
  ])('is negative for anger, disappointment or complaint (%s): %s', (_lang, text) => {
    expect(signalsOf(text).sentiment).toBe('negative');
  });

  it.each([
    ['en', 'Thanks\nThe charger works perfectly. Thanks a lot, great service!'],
    ['en', 'Mugs\nThe mugs are gorgeous, I love them!'],
    ['de', 'Lob\nDie Handtücher sind hervorragend, ich werde Sie weiterempfehlen!'],
    ['de', 'Danke\nVielen lieben Dank, alles super geklappt!'],
    ['zh', '好评\n做工很精致，非常满意，谢谢老板！'],
    ['zh', '感谢\n处理得很快，太棒了，感谢！'],
  ])('is positive when thanks or praise dominate (%s): %s', (_lang, text) => {
    expect(signalsOf(text).sentiment).toBe('positive');
  });

  it.each([
    ['en', 'Exchange\nCan I exchange the shoes for a 43?\nThanks in advance,\nMark'],
    ['en', 'Invoice\nCould you resend the invoice? Thank you for your help.\nBest regards, Ann'],
    ['de', 'Rechnung\nKönnten Sie mir eine Rechnung schicken?\nVielen Dank im Voraus und freundliche Grüße'],
    ['de', 'App\nWie verbinde ich die Waage mit der App? Danke für Ihre Hilfe!'],
    ['zh', '发票\n麻烦帮我开一张发票，提前感谢！'],
    ['zh', '设置\n请问定时功能怎么设置？谢谢您的帮助。'],
  ])('stays neutral for a polite request with thanks in advance (%s): %s', (_lang, text) => {
    expect(signalsOf(text).sentiment).toBe('neutral');
  });

  it('ignores the quoted earlier thread', () => {
    const text = 'Re: size\nCan I exchange it for a 43?\n\nOn Mon, 3 Mar 2025 at 10:00, Shop <a@b.c> wrote:\n> Thanks so much, we love happy customers, great to hear!';
    expect(signalsOf(text).sentiment).toBe('neutral');
  });
});
