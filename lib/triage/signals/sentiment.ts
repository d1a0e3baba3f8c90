import type { Sentiment } from '../../categories';
import { isNegated } from './text';

/**
 * Sentiment per CONTRACT §5: negative when angry, disappointed or complaining; positive when
 * thanks or praise dominate; neutral otherwise. Lexicon scoring over folded sentences, with
 * politeness formulas ("thanks in advance", "Danke für Ihre Hilfe", "提前感谢") removed first:
 * a polite problem mail is not a happy one.
 */

interface Term {
  re: RegExp;
  weight: number;
}

// Global copies, compiled once: matchAll needs the `g` flag.
const globalTerms = (terms: readonly Term[]): readonly Term[] =>
  terms.map((t) => ({ weight: t.weight, re: new RegExp(t.re.source, `${t.re.flags}g`) }));

const NEGATIVE: readonly Term[] = globalTerms([
  { weight: 2, re: /\b(?:disappoint\w*|unacceptable|ridiculous|outrageous|terrible|horrible|horrid|awful|worst|pathetic|disgrac\w*|shameful|scam\w*|rip[- ]?off|fraud\w*|useless|incompetent|unprofessional|furious|angry|livid|fuming|fed up|sick (?:and tired )?of|frustrat\w*|annoy\w*|upset|unhappy|dissatisf\w*|appall\w*|absurd|nightmare|never again|waste of (?:money|time)|rude|lied|lying|a joke|what is going on|what's going on|poor (?:service|quality|support|communication)|(?:doesn't|don't|does not|do not|seems? to) care|getting (?:ridiculous|silly|absurd)|fed up|not ok(?:ay)?|shocking|insult\w*)\b/ },
  { weight: 2, re: /\b(?:enttaeusch\w*|unverschaemt\w*|frechheit|katastroph\w*|aergerlich\w*|veraergert|aerger|wuetend|sauer|miserabel\w*|inakzeptabel|nicht akzeptabel|betrug|betrueger\w*|abzocke|zumutung|skandal\w*|unzufrieden\w*|genervt|nervig|laecherlich|nie wieder|was soll das|unfassbar|unglaublich|peinlich|armselig|ein witz|reicht (?:mir|jetzt)|schlecht\w*|mangelhaft|unmoeglich\w*|schade)\b/ },
  { weight: 2, re: /失望|太差|很差|真差|差劲|垃圾|气死|生气|愤怒|不满|骗子|骗人|欺骗|坑人|坑爹|无语|离谱|过分|恶心|糟糕|什么破|搞什么|受不了|忍无可忍|不靠谱|敷衍|再也不|越来越差|太慢|心寒|无奈|虚假|怎么回事|太让人|岂有此理|到底/ },
  { weight: 1, re: /\b(?:hello\?|seriously|really\?|why (?:has|have|is|isn't|hasn't|haven't|do|don't|does|doesn't|did|didn't)|still (?:nothing|no |not )|broke|broken|damaged|defective|faulty|wrong|again\?)\b|!!|\?\?|\?!|\b(?:warum|wieso|immer noch|kaputt|defekt|beschaedigt|falsch\w*|schon wieder)\b|！！|？！|为什么|说好的|还是没|一直没|坏了|破损|质量问题/ },
]);

const POSITIVE: readonly Term[] = globalTerms([
  { weight: 2, re: /\b(?:thank(?:s| you) (?:so|very) much|many thanks|thanks a (?:lot|million|bunch|ton)|(?:really |truly |greatly )?appreciat\w*|love[ds]?|loving|gorgeous|amazing|awesome|fantastic|excellent|wonderful|brilliant|perfect\w*|impressed|delighted|happy with|pleased with|well done|kudos|superb|outstanding|recommend\w*|lovely|beautiful|five stars|5 stars|keep up the|great (?:service|job|work|product|quality|experience|support|team))\b/ },
  { weight: 2, re: /\b(?:lob|begeistert|hervorragend\w*|ausgezeichnet\w*|fantastisch\w*|grossartig\w*|wunderbar\w*|wunderschoen\w*|toll\w*|super\w*|klasse|perfekt\w*|spitze|weiterempfehl\w*|empfehle\w*|zufrieden|bedanken|herzlichen dank|vielen lieben dank|tausend dank|weiter so|freue mich|gefreut|liebe (?:es|ihn|sie))\b/ },
  { weight: 2, re: /非常满意|很满意|满意|好评|点赞|给力|喜欢|爱了|精致|用心|贴心|漂亮|完美|优秀|很棒|太棒|真棒|太好了|惊喜|感谢|回购|还会再|五星|推荐/ },
  { weight: 1, re: /\b(?:thank\w*|thx|great|good|nice|glad|happy|works (?:perfectly|great|now|fine))\b|\b(?:danke|dank|gut|schoen|freundlich)\b|谢谢|多谢|不错|挺好|辛苦/ },
]);

// Politeness and sign-off formulas: removed before scoring.
const POLITE = [
  /\b(?:many |thanks? ?(?:you )?)?(?:thanks?|thank you)\s+(?:so much |very much )?in advance\b/g,
  /\bthanks? (?:you )?(?:for|in) (?:your |the )?(?:help|time|assistance|support|attention|understanding|patience|looking into (?:this|it)|checking)\b/g,
  /\b(?:kind|best|warm|many)(?:est)? regards\b|\bthanks? (?:and|&) (?:regards|best)\b/g,
  /^\s*(?:thanks|thank you|thx|cheers|danke|vielen dank|谢谢|感谢)[\s,!.]*[\p{L} .]{0,30}$/gmu,
  /\b(?:vielen |herzlichen |besten )?dank (?:schon )?(?:im voraus|vorab)\b|\bdanke (?:vorab|im voraus)\b|\b(?:vielen )?dank(?:e)? fuer (?:ihre|deine|eure) (?:hilfe|muehe|unterstuetzung|rueckmeldung|antwort|geduld)\b|\bdanke und (?:viele |beste |liebe |freundliche )?gruesse\b|\bmit freundlichen gruessen\b|\b(?:viele|beste|liebe|freundliche) gruesse\b/g,
  /(?:提前|先)(?:感谢|谢谢)|先行感谢|谢谢(?:您|你)?的(?:帮助|回复|耐心)|感谢(?:您|你)的(?:帮助|回复|耐心)|麻烦(?:您|你)?了|辛苦(?:您|你)了/g,
];

function score(text: string, terms: readonly Term[], flipped: { count: number }): number {
  let total = 0;
  for (const term of terms) {
    for (const m of text.matchAll(term.re)) {
      const start = m.index ?? 0;
      if (isNegated(text, start, start + m[0].length)) flipped.count += term.weight;
      else total += term.weight;
    }
  }
  return total;
}

export interface SentimentEvidence {
  /** Extra complaint weight found by other signals (threats, "still no answer"). */
  complaintWeight: number;
}

export function assessSentiment(folded: string, evidence: SentimentEvidence): Sentiment {
  let polite = folded;
  for (const re of POLITE) polite = polite.replace(re, ' ');
  const negatedPositive = { count: 0 };
  const negatedNegative = { count: 0 };
  const pos = score(polite, POSITIVE, negatedPositive);
  // "not happy", "nicht zufrieden", "不满意" count as complaints.
  const neg = score(folded, NEGATIVE, negatedNegative) + negatedPositive.count + evidence.complaintWeight;
  if (neg >= 2 && neg >= pos) return 'negative';
  if (pos >= 2 && pos > neg) return 'positive';
  return 'neutral';
}
