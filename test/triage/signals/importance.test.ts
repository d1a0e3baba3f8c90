import { describe, expect, it } from 'vitest';
import { signalsOf } from './helpers';

describe('importance', () => {
  it.each([
    ['en', 'Charge\nIf this is not fixed I will file a chargeback.', 'importance:chargeback'],
    ['en', 'Charge\nI am going to dispute the charge with my bank.', 'importance:chargeback'],
    ['en', 'Claim\nI will open a PayPal dispute tomorrow.', 'importance:chargeback'],
    ['de', 'Abbuchung\nSonst lasse ich die Lastschrift zurückbuchen.', 'importance:chargeback'],
    ['de', 'Zahlung\nIch werde eine Rückbuchung veranlassen.', 'importance:chargeback'],
    ['zh', '扣款\n不退回的话我会申请拒付。', 'importance:chargeback'],
    ['en', 'Review\nI am leaving a one star review on Trustpilot.', 'importance:public-complaint'],
    ['en', 'Warning\nI will post about this on Twitter and warn other customers.', 'importance:public-complaint'],
    ['de', 'Bewertung\nIch schreibe eine schlechte Bewertung.', 'importance:public-complaint'],
    ['de', 'Verbraucher\nIch wende mich an die Verbraucherzentrale.', 'importance:public-complaint'],
    ['zh', '差评\n再不处理我就给差评。', 'importance:public-complaint'],
    ['zh', '曝光\n我要去12315举报，还要在微博曝光。', 'importance:public-complaint'],
    ['zh', '投诉\n我要投诉你们的客服。', 'importance:formal-complaint'],
    ['en', 'Complaint\nI want to file a formal complaint.', 'importance:formal-complaint'],
    ['en', 'Legal\nMy lawyer will contact you.', 'importance:legal'],
    ['en', 'Legal\nI will sue if I do not get my money back.', 'importance:legal'],
    ['de', 'Anwalt\nIch habe meinen Anwalt eingeschaltet.', 'importance:legal'],
    ['de', 'Recht\nIch behalte mir rechtliche Schritte vor.', 'importance:legal'],
    ['zh', '律师\n我已经咨询了律师，准备起诉。', 'importance:legal'],
  ])('is high for an explicit threat (%s): %s', (_lang, text, reason) => {
    const s = signalsOf(text);
    expect(s.importance).toBe('high');
    expect(s.reasons).toContain(reason);
  });

  it.each([
    ['en', 'Plan\nWe have 25 seats on the annual plan and will cancel it.'],
    ['en', 'Renewal\nWe will not renew our yearly subscription.'],
    ['de', 'Kündigung\nHiermit kündige ich unsere Jahreslizenz.'],
    ['de', 'Kuendigung\nWir kuendigen das Team-Abo mit 12 Nutzern.'],
    ['zh', '续费\n我们团队的年费会员不再续费了。'],
  ])('is high when an annual or multi-seat account is cancelled (%s): %s', (_lang, text) => {
    expect(signalsOf(text).reasons).toContain('importance:cancel-account');
  });

  it.each([
    ['en', 'Order\nPlease cancel my order 5521.'],
    ['de', 'Abo\nBitte kündigen Sie mein Monatsabo.'],
    ['zh', '订单\n请帮我取消这个订单。'],
  ])('stays low when only an order or a small plan is cancelled (%s): %s', (_lang, text) => {
    expect(signalsOf(text).importance).toBe('low');
  });

  it.each([
    ['en', 'Dashboard\nOur team of 20 cannot work since the update.'],
    ['en', 'POS\nNone of our 4 stores can take payments, we are losing sales.'],
    ['de', 'Zeiterfassung\nUnsere 15 Mitarbeiter können nicht arbeiten, der ganze Betrieb steht still.'],
    ['zh', '后台\n我们公司所有客服都无法登录后台，订单全部积压。'],
    ['zh', '店铺\n我们店铺无法上架商品，影响生意。'],
  ])('is high when a business customer is blocked (%s): %s', (_lang, text) => {
    expect(signalsOf(text).reasons).toContain('importance:business-blocked');
  });

  it.each([
    ['en', 'Shop\nYour checkout is down, I get an error 500 when I pay.'],
    ['de', 'Shop\nIhr Shop ist offline.'],
    ['zh', '网站\n网站打不开，显示502。'],
  ])('is high for an outage of the own shop (%s): %s', (_lang, text) => {
    expect(signalsOf(text).reasons).toContain('importance:shop-outage');
  });

  it('is high for the system-outage category when the classifier is confident', () => {
    expect(signalsOf('Problem\nSomething is wrong.', {}, { id: 'system-outage', confidence: 0.8 }).reasons).toContain(
      'importance:shop-outage',
    );
  });

  it.each([
    ['en', 'Refund\nThis is absolutely ridiculous, I am furious and totally fed up with you!!'],
    ['de', 'Ware\nDas ist eine Frechheit, ich bin wirklich wütend und enttäuscht!'],
    ['zh', '质量\n太垃圾了，气死我了，真的很失望！'],
  ])('is not raised by anger alone (%s): %s', (_lang, text) => {
    const s = signalsOf(text);
    expect(s.importance).toBe('low');
    expect(s.sentiment).toBe('negative');
  });

  it.each([
    ['en', "Thanks\nI'll leave a great review, thank you!"],
    ['de', 'Danke\nIch schreibe Ihnen gern eine gute Bewertung.'],
  ])('does not treat a promised good review as a threat (%s): %s', (_lang, text) => {
    expect(signalsOf(text).importance).toBe('low');
  });

  it.each([
    ['en', 'Sizes\nDo the shirts run small?'],
    ['de', 'Größen\nFallen die Pullover klein aus?'],
    ['zh', '咨询\n有没有粉色的？'],
  ])('never puts a vip customer below importance high (%s): %s', (_lang, text) => {
    const s = signalsOf(text, { customerTier: 'vip' });
    expect(s.importance).toBe('high');
    expect(s.reasons).toContain('importance:vip');
  });
});
