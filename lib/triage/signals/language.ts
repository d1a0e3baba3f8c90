import { franc } from 'franc-min';

/**
 * Language of a mail as a BCP 47 code (`en`, `de`, `zh`, …; `und` when nothing can tell).
 *
 * Why three stages: the script settles CJK at once (Han → zh, kana → ja, hangul → ko), which
 * trigram models get wrong on short Chinese questions; for Latin script, function words decide
 * short texts where franc's trigrams are weak ("Hello support team"); franc breaks the ties
 * on longer texts, limited to the languages we support so it cannot wander off to Scots or Tagalog.
 */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const KANA = /[\u3040-\u30ff]/gu;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff]/gu;
const LATIN = /[a-zA-Z\u00c0-\u024f]/gu;
const OTHER_SCRIPTS: readonly [RegExp, string][] = [
  [/[\u0400-\u04ff]/gu, 'ru'],
  [/[\u0370-\u03ff]/gu, 'el'],
  [/[\u0600-\u06ff]/gu, 'ar'],
  [/[\u0590-\u05ff]/gu, 'he'],
  [/[\u0e00-\u0e7f]/gu, 'th'],
];

// Frequent short words; a word may belong to several languages (then it helps each a little).
const FUNCTION_WORDS: Record<string, string> = {
  en: "the and to of is i you my your for with this that it in on please can we our have are was not would could hello hi thanks thank dear am an any what when how do does did will no yes if but me us from about still where why has been just all so get got there they it's i'm don't can't or at as be by",
  de: 'der die das und ist ich sie nicht mit ein eine einen zu mein meine meinen wir bitte für auf den dem des es haben habe kann können hallo danke sehr geehrte geehrter vielen grüße gruß noch auch wie bei von uns unser unsere ihre ihr ihnen leider wurde wird sind war aber oder schon keine kein mir mich',
  fr: 'le la les et est je vous pas une un des pour avec mon ma mes bonjour merci que qui dans sur ce cette nous votre vos au aux du ne suis mais très',
  es: 'el la los las y es que de en un una por para con mi mis no hola gracias su usted está muy pero como del al mí lo se',
  it: 'il la e è che di un una per con non mio mia sono ho ciao grazie buongiorno questo del della nel gli le ma molto vorrei',
  nl: 'de het een en is ik je niet met van voor op mijn wij we graag bedankt dank hallo kunt u uw dat maar ook zijn heb hebben er',
  pt: 'o a os as e é que de em um uma para com não meu minha olá obrigado obrigada você por mas muito do da no na',
};
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const w of words.split(' ')) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);
}
const LATIN_WORD = /[a-zà-ɏ']+/gu;
const FRANC_ONLY = ['eng', 'deu', 'fra', 'spa', 'ita', 'nld', 'por'];
const FROM_ISO3: Record<string, string> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', nld: 'nl', por: 'pt' };

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

export function detectLanguage(raw: string): string {
  // Long mails say it all in their first part; capping keeps detection fast.
  const text = raw.normalize('NFKC').slice(0, 1200);
  const han = count(text, HAN);
  const kana = count(text, KANA);
  const hangul = count(text, HANGUL);
  const latin = count(text, LATIN);
  // One CJK character carries about as much as a short Latin word: weigh it ×4 against letters,
  // so "我的AirPods坏了" is Chinese and an English mail signed "王伟" stays English.
  if (kana >= 2 && kana * 4 >= latin) return 'ja';
  if (hangul >= 2 && hangul >= han && hangul * 4 >= latin) return 'ko';
  if (han >= 1 && han * 4 >= latin) return 'zh';
  for (const [re, lang] of OTHER_SCRIPTS) if (count(text, re) * 2 > latin) return lang;
  if (latin === 0) return 'und';
  return latinLanguage(text);
}

function latinLanguage(text: string): string {
  const scores = new Map<string, number>();
  for (const word of text.toLowerCase().match(LATIN_WORD) ?? []) {
    const langs = WORD_LANGS.get(word);
    if (!langs) continue;
    for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + 1 / langs.length);
  }
  // Letters only some alphabets use.
  scores.set('de', (scores.get('de') ?? 0) + Math.min(3, count(text, /[äöüß]/giu)));
  scores.set('es', (scores.get('es') ?? 0) + Math.min(3, count(text, /[ñ¿¡]/giu)));
  scores.set('pt', (scores.get('pt') ?? 0) + Math.min(3, count(text, /[ãõ]/giu)));
  scores.set('fr', (scores.get('fr') ?? 0) + Math.min(3, count(text, /[èêçœ]/giu) / 2));
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0], ranked[1]];
  if (best[1] >= 1 && best[1] >= 2 * second[1]) return best[0];
  const guess = text.length >= 20 ? franc(text, { only: FRANC_ONLY, minLength: 20 }) : 'und';
  // Headline-style English ("Regular outages during busy periods") has no function words and
  // trigrams then drift to French or Italian; with no accents at all, those are unlikely.
  if (best[1] === 0 && guess !== 'deu' && !/[^\x00-\x7f]/u.test(text)) return 'en';
  if (guess in FROM_ISO3) return FROM_ISO3[guess];
  return best[1] > 0 ? best[0] : 'en';
}
