/**
 * CSAT without links: a rating read from the customer's reply text. Links in mail get clicked by
 * security scanners and leave false bad ratings (FreeScout #1743); a typed reply does not.
 *
 * Conservative on purpose: a rating is read only from a short reply, or from the first line of a
 * reply to our rating invitation, and never from a mail that talks about a review elsewhere
 * ("I gave it 1 star on Amazon because it broke" is a complaint, not a CSAT answer).
 */

export type Rating = 1 | 2 | 3 | 4 | 5;

export interface CsatReading {
  rating: Rating;
  /** 0…1: how sure the reading is (a lone digit ≈ 0.95, a phrase ≈ 0.7). */
  confidence: number;
}

export interface CsatReadOptions {
  /** True when our previous message carried the rating invitation (see `csatInvitation`). */
  answersInvitation?: boolean;
}

const INVITATIONS: Record<'en' | 'zh' | 'de', string> = {
  en: 'How did we do? Reply with a number from 1 (bad) to 5 (great) to rate this answer.',
  zh: '本次回复对您有帮助吗？请直接回复 1（差）到 5（很好）之间的数字为本次回答评分。',
  de: 'Wie war unsere Antwort? Antworten Sie mit einer Zahl von 1 (schlecht) bis 5 (sehr gut), um sie zu bewerten.',
};

/** The line appended to replies that invites a rating, in the reply's language (BCP 47). */
export function csatInvitation(locale: string): string {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  return lang === 'zh' || lang === 'de' ? INVITATIONS[lang] : INVITATIONS.en;
}

/** Whether a message of ours carries the invitation (in any language). */
export function hasCsatInvitation(text: string): boolean {
  const flat = text.replace(/\s+/g, ' ');
  return Object.values(INVITATIONS).some((line) => flat.includes(line));
}

/** The fresh part of a reply: quoted history, reply headers and signature cut off. */
export function freshText(body: string): string {
  const kept: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (/^(--\s*|—+|_{5,}|-{5,}\s*original message\s*-{5,})$/i.test(trimmed)) break;
    if (/^(on .+ wrote:|am .+ schrieb .+:|在.+写道[:：]?|from: .+|von: .+|发件人[:：].+)$/i.test(trimmed)) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

// A review written somewhere else, or a product's rating: not an answer about our support.
const ELSEWHERE = /amazon|ebay|etsy|trustpilot|yelp|google|app ?store|play store|review|rezension|bewertung (auf|bei)|评论|淘宝|京东|天猫|差评.*(商品|产品)/i;

const CN_DIGITS: Record<string, Rating> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };
const DIGIT = '([1-5]|[一二两三四五])';
const toRating = (d: string): Rating => (CN_DIGITS[d] ?? Number(d)) as Rating;

// [pattern, confidence]; the first capture group is the rating. Checked against the whole
// candidate text, so "2 days and still nothing" (a digit followed by words) never matches.
const NUMERIC: [RegExp, number][] = [
  [new RegExp(`^${DIGIT}\\s*[!.。！]*$`, 'u'), 0.95], // "5", "5!"
  [/^(?:rating|score|bewertung|note|评分|打分)\s*[:：=]?\s*([1-5])\b/iu, 0.95], // "Rating: 4"
  [new RegExp(`^(?:给|打)?\\s*${DIGIT}\\s*(?:分|星)`, 'u'), 0.9], // "给5分", "5分", "五星好评"
  [/^([1-5])\s*(?:\/\s*5|out of 5|of 5|von 5|stars?|sterne?)\b/iu, 0.9], // "5/5", "4 stars"
  [/\b(?:i(?:'d| would)? (?:give|rate)(?: (?:it|you|this|that))?)\s*(?:a\s*)?([1-5])\b(?!\s*(?:days?|hours?|weeks?|times?))/iu, 0.8],
];

// Short replies that rate without a number. More specific (negated) phrases come first, because
// "unzufrieden" contains "zufrieden" and "不满意" contains "满意".
const PHRASES: [RegExp, Rating][] = [
  [/非常不满意|很不满意|差评/u, 1],
  [/不满意|没(?:有)?解决|没(?:有)?帮助/u, 2],
  [/非常满意|很满意|好评|已解决.*(?:谢谢|感谢)|(?:谢谢|感谢).*已解决|太棒了/u, 5],
  [/满意|有帮助/u, 4],
  [/sehr unzufrieden/iu, 1],
  [/unzufrieden|nicht hilfreich|nicht gelöst/iu, 2],
  [/sehr zufrieden|super hilfe|gelöst,? danke|danke,? (?:gelöst|hat geklappt)/iu, 5],
  [/zufrieden|hilfreich/iu, 4],
  [/\b(?:useless|terrible|awful|horrible)\b/iu, 1],
  [/\b(?:not helpful|didn'?t help|did not help|not solved|unhelpful)\b/iu, 2],
  [/\b(?:solved,? thanks?|problem solved|great help|very helpful|super helpful|excellent (?:help|service|support)|great (?:service|support)|perfect,? thanks?|works now,? thanks?|that (?:worked|helped),? thanks?)\b/iu, 5],
  [/\b(?:helpful|good help|it worked)\b/iu, 4],
];

function isShort(text: string): boolean {
  const cjk = (text.match(/[\u4e00-\u9fff]/gu) ?? []).length;
  const words = text.split(/\s+/).filter(Boolean).length;
  return text.length <= 80 && words <= 12 && cjk <= 30;
}

// After an invitation, a digit that leads a short comment is the answer: "5 - thanks!".
const LEADING_DIGIT = /^([1-5])\s*[-–—:,.!)]\s*\S/u;

function readCandidate(text: string, answersInvitation: boolean): CsatReading | undefined {
  const s = text.normalize('NFKC').trim();
  for (const [pattern, confidence] of NUMERIC) {
    const m = pattern.exec(s);
    if (m) return { rating: toRating(m[1]), confidence };
  }
  const lead = answersInvitation ? LEADING_DIGIT.exec(s) : null;
  if (lead) return { rating: toRating(lead[1]), confidence: 0.8 };
  const filled = (s.match(/★|⭐/gu) ?? []).length;
  if (filled >= 1 && filled <= 5 && /^[★☆⭐\s!.]+$/u.test(s)) return { rating: filled as Rating, confidence: 0.9 };
  const up = /👍/u.test(s);
  const down = /👎/u.test(s);
  if (up !== down && s.replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\s!.]/gu, '').length <= 20) {
    return { rating: up ? 5 : 1, confidence: 0.8 };
  }
  for (const [pattern, rating] of PHRASES) if (pattern.test(s)) return { rating, confidence: 0.7 };
  return undefined;
}

/** The rating in a customer's reply, when confident; undefined otherwise. */
export function readCsatRating(body: string, { answersInvitation = false }: CsatReadOptions = {}): CsatReading | undefined {
  const text = freshText(body);
  if (text === '' || ELSEWHERE.test(text)) return undefined;
  let candidate: string | undefined;
  if (isShort(text)) candidate = text;
  else if (answersInvitation) {
    // A longer answer to our invitation may lead with the rating: "4 – quick, but the link was broken …"
    const firstLine = text.split(/\r?\n/)[0].trim();
    const lead = /^(\S{1,6})\s*[-–—:,.!]/u.exec(firstLine)?.[1];
    candidate = lead ?? (isShort(firstLine) ? firstLine : undefined);
  }
  if (candidate === undefined) return undefined;
  const reading = readCandidate(candidate, answersInvitation);
  if (!reading) return undefined;
  return answersInvitation ? { ...reading, confidence: Math.min(1, reading.confidence + 0.05) } : reading;
}
