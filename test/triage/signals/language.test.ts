import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../lib/triage/signals';

describe('detectLanguage', () => {
  it.each([
    ['Hello support team', 'en'],
    ['Where is my order?', 'en'],
    ['I cannot log in to my account since this morning, please help.', 'en'],
    ['Wo ist meine Bestellung?', 'de'],
    ['Hallo, ich kann mich nicht anmelden.', 'de'],
    ['Kuendigung meines Abos zum Monatsende bitte', 'de'],
    ['请问什么时候发货？', 'zh'],
    ['我的AirPods Pro耳机坏了', 'zh'],
    ['信用卡', 'zh'],
    ['注文した商品がまだ届きません。', 'ja'],
    ['주문한 상품이 아직 도착하지 않았습니다.', 'ko'],
    ['Bonjour, où est ma commande ? Merci beaucoup.', 'fr'],
    ['Hola, ¿dónde está mi pedido? Gracias.', 'es'],
    ['Ciao, vorrei sapere dove è il mio ordine, grazie.', 'it'],
    ['Hallo, ik heb mijn bestelling nog niet ontvangen. Kunt u mij helpen?', 'nl'],
    ['Olá, o meu pedido ainda não chegou. Obrigado.', 'pt'],
    ['Thanks!\n\nWang Wei 王伟\nSales manager, Shenzhen office, please call me back about the quote for 200 units.', 'en'],
    ['1020057', 'und'],
  ])('detects %j as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
