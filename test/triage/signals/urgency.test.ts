import { describe, expect, it } from 'vitest';
import { signalsOf } from './helpers';

describe('urgency', () => {
  it.each([
    ['en', 'Invoice\nPlease send the invoice today, our books close tonight.'],
    ['en', 'Order 7781\nI need the order ASAP please.'],
    ['en', 'Quote\nCould you get back to me by Friday?'],
    ['en', 'Delivery\nI must have it tomorrow morning for the event.'],
    ['en', 'Shipping\nWill it arrive before Christmas?'],
    ['de', 'Rechnung\nIch brauche die Rechnung bitte sofort.'],
    ['de', 'Lieferung\nEs ist dringend, bitte melden Sie sich.'],
    ['de', 'Bestellung\nDie Ware muss bis morgen da sein.'],
    ['de', 'Frist\nBitte erledigen Sie das bis Freitag.'],
    ['zh', '发票\n麻烦今天之内把发票开给我。'],
    ['zh', '退款\n请尽快处理我的退款。'],
    ['zh', '订单\n马上帮我查一下订单，急！'],
    ['zh', '发货\n周五之前一定要发出。'],
  ])('is high for a deadline or time pressure (%s): %s', (_lang, text) => {
    const s = signalsOf(text);
    expect(s.urgency).toBe('high');
    expect(s.reasons).toContain('urgency:deadline');
  });

  it.each([
    ['en', 'Login\nI cannot log in to my account since this morning.', 'urgency:blocked'],
    ['en', 'Shop\nYour website is down, I get a 503.', 'urgency:outage'],
    ['en', 'Checkout\nThe checkout is broken, every payment fails.', 'urgency:outage'],
    ['en', 'App\nThe app keeps crashing when I open it.', 'urgency:blocked'],
    ['de', 'Konto\nIch kann mich nicht anmelden.', 'urgency:blocked'],
    ['de', 'Login\nDer Login funktioniert nicht.', 'urgency:blocked'],
    ['de', 'Shop\nIhre Seite ist seit einer Stunde nicht erreichbar.', 'urgency:outage'],
    ['zh', '登录\n我的账号无法登录。', 'urgency:blocked'],
    ['zh', '支付\n一直提示支付失败。', 'urgency:outage'],
    ['zh', '网站\n你们的网站打不开了。', 'urgency:outage'],
  ])('is high for an outage or a blocking failure (%s): %s', (_lang, text, reason) => {
    const s = signalsOf(text);
    expect(s.urgency).toBe('high');
    expect(s.reasons).toContain(reason);
  });

  it.each([
    ['en', 'Parcel\nTracking says delivered but nothing is at my door.'],
    ['en', 'Missing\nMy package never arrived.'],
    ['de', 'Paket\nMein Paket ist nie angekommen.'],
    ['de', 'Sendung\nLaut DHL zugestellt, aber ich habe nichts bekommen.'],
    ['zh', '快递\n物流显示已签收，但我没收到。'],
    ['zh', '包裹\n包裹好像丢件了。'],
  ])('is high for a lost parcel (%s): %s', (_lang, text) => {
    expect(signalsOf(text).reasons).toContain('urgency:lost-parcel');
  });

  it.each([
    ['en', 'Order\nMy order is two weeks overdue.'],
    ['de', 'Bestellung\nDie Bestellung ist immer noch nicht angekommen, seit zwei Wochen keine Bewegung.'],
    ['zh', '物流\n下单十天了物流一直没更新。'],
  ])('is high for a badly late parcel (%s): %s', (_lang, text) => {
    expect(signalsOf(text).urgency).toBe('high');
  });

  it.each([
    ['en', 'Refund\nThis is the third time I am writing about my refund.'],
    ['en', 'Refund\nStill no answer to my question from last week.'],
    ['de', 'Erstattung\nIch schreibe Ihnen zum dritten Mal.'],
    ['de', 'Erstattung\nIch habe noch keine Antwort erhalten.'],
    ['zh', '退款\n这是我第三次发邮件了。'],
    ['zh', '退款\n再次联系你们，一直没人回复。'],
  ])('is high for a repeat contact told in words (%s): %s', (_lang, text) => {
    expect(signalsOf(text).reasons).toContain('urgency:repeat-contact');
  });

  it('is high for a repeat contact counted by previousMessages', () => {
    const s = signalsOf('Refund\nWhere is my refund?', { previousMessages: 1 });
    expect(s.urgency).toBe('high');
    expect(s.reasons).toContain('urgency:repeat-contact');
  });

  it.each([
    ['en', 'Engraving\nNo rush at all, do you offer engraving?'],
    ['en', 'Question\nThis is not urgent, but could you tell me the size of the box?'],
    ['en', 'Sizes\nWhenever you get a chance: do the shirts run small?'],
    ['de', 'Frage\nKeine Eile, gibt es den Pullover auch in Blau?'],
    ['de', 'Deckel\nEs ist nicht dringend, kann ich den Deckel nachkaufen?'],
    ['de', 'Frage\nKein Stress, melden Sie sich, wenn Sie Zeit haben.'],
    ['zh', '咨询\n不急，想问一下有没有蓝色的？'],
    ['zh', '定制\n不着急，有空回复就行。'],
  ])('is low when the customer says there is no rush (%s): %s', (_lang, text) => {
    const s = signalsOf(text);
    expect(s.urgency).toBe('low');
    expect(s.reasons).toContain('low:no-rush');
  });

  it.each([
    ['en', 'Sizes\nDo your shirts run small or large?'],
    ['en', 'Thanks\nThe mugs arrived today and they are lovely.'],
    ['de', 'Rechnung\nGuten Morgen, könnten Sie mir eine Rechnung schicken?'],
    ['de', 'Paket\nDas Paket kam heute an, ein Glas ist zerbrochen. Wie läuft der Umtausch?'],
    ['de', 'Farbe\nZum zweiten Mal haben Sie mir die falsche Farbe geschickt.'],
    ['zh', '咨询\n这款保温杯能装开水吗？'],
    ['zh', '开机\n投影仪无法开机，怎么办？'],
  ])('is low for routine questions, feedback and product questions (%s): %s', (_lang, text) => {
    expect(signalsOf(text).urgency).toBe('low');
  });

  it('uses an urgent category only when the classifier is confident', () => {
    const text = 'Order\nWhere is my order?';
    expect(signalsOf(text, {}, { id: 'order-delay', confidence: 0.9 }).reasons).toContain('urgency:category');
    expect(signalsOf(text, {}, { id: 'order-delay', confidence: 0.2 }).urgency).toBe('low');
  });
});
