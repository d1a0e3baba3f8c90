import type { Person } from '../mail/mail-site';
import { type Article, guessLang, hashId } from './article';
import { parseCustomerName } from './customer-name';
import { findOrderId } from './order-id';
import { checkTemplate } from './template';

/**
 * "KB gaps": a reply the user actually sent becomes a draft article in one click. The draft
 * keeps the reply's wording but takes out what belonged to that one customer: their name,
 * address and order number become variables, so the article greets the next customer by name.
 */
export interface SentPair {
  question: string;
  reply: string;
  questionFrom?: Person;
}

export interface DraftOptions {
  category?: string;
  lang?: string;
  tags?: string[];
  /** The user's own name, replaced by `{{agent.name}}` in the reply's sign-off. */
  agentName?: string;
  now?: Date;
}

const MAX_TITLE = 80;
const MAX_EXAMPLE = 500;
const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hallo|guten (?:tag|morgen|abend)|sehr geehrte[rs]?|liebe[rs]?|moin|servus|您好|你好|亲|亲爱的|在吗|哈喽|hello there)(?![\p{L}])/iu;
const SENTENCE = /[^.?!。？！\n]+[.?!。？！]*/gu;
const CJK_LANGS = /^(?:zh|ja|ko)\b/;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The sentence without a leading "Hi Sam," / "您好！"; empty when it was only a greeting. */
function withoutGreeting(sentence: string): string {
  const match = GREETING.exec(sentence);
  if (!match) return sentence;
  const rest = sentence.slice(match[0].length);
  const end = /^[^,，!！:：.。]{0,30}(?:[,，!！:：.。]+\s*|$)/u.exec(rest);
  return end ? rest.slice(end[0].length) : sentence;
}

/** The question's first real sentence: a greeting line ("Hi Sam,", "您好！") is skipped. */
export function titleFromQuestion(question: string): string {
  const sentences = (question.match(SENTENCE) ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const first = sentences.map(withoutGreeting).find(Boolean) ?? sentences[0] ?? question.trim();
  return shorten(first.replace(/^\p{Ll}/u, (c) => c.toUpperCase()), MAX_TITLE);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for `literal` as a whole word (CJK text has no word boundaries, so any match counts). */
function wordPattern(literal: string): string {
  const escaped = escapeRegExp(literal);
  return /[\p{L}\p{N}]$/u.test(literal) && !/\p{Script=Han}/u.test(literal)
    ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`
    : escaped;
}

/**
 * The reply with the customer's details as variables. All literals are replaced in one pass,
 * so a variable just inserted is never matched again; braces already in the reply are broken
 * up (`{ {`) so the draft cannot contain an accidental template.
 */
export function templatizeReply(reply: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  const safe = reply.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
  const usable = replacements.filter(([literal]) => literal.trim().length >= 2);
  if (usable.length === 0) return safe;
  const byLength = [...usable].sort((a, b) => b[0].length - a[0].length);
  const pattern = new RegExp(byLength.map(([literal]) => wordPattern(literal)).join('|'), 'giu');
  const lookup = new Map(byLength.map(([literal, variable]) => [literal.toLowerCase(), variable]));
  const result = safe.replace(pattern, (match) => lookup.get(match.toLowerCase()) ?? match);
  return checkTemplate(result) === null ? result : safe;
}

export function draftArticleFromPair(pair: SentPair, options: DraftOptions = {}): Article {
  const lang = options.lang ?? guessLang(`${pair.question}\n${pair.reply}`);
  const fallback = CJK_LANGS.test(lang) ? '' : 'there';
  const person = parseCustomerName(pair.questionFrom?.name);
  const orderId = findOrderId(pair.question) ?? findOrderId(pair.reply);
  const replacements: [string, string][] = [];
  if (person.name && person.name !== person.firstName) {
    // "Dear there" reads badly: a full name falls back to "customer".
    replacements.push([person.name, `{{customer.name | "${fallback && 'customer'}"}}`]);
  }
  if (person.firstName) replacements.push([person.firstName, `{{customer.firstName | "${fallback}"}}`]);
  if (pair.questionFrom?.email) replacements.push([pair.questionFrom.email, '{{customer.email}}']);
  if (orderId) replacements.push([orderId, '{{order.id}}']);
  if (options.agentName) replacements.push([options.agentName, '{{agent.name}}']);
  const example = shorten(pair.question.replace(/\s+/g, ' ').trim(), MAX_EXAMPLE);
  const article: Article = {
    id: `gap-${hashId(pair.question)}`,
    title: titleFromQuestion(pair.question),
    body: templatizeReply(pair.reply, replacements),
    examples: example ? [example] : [],
    category: options.category ?? 'other',
    lang,
    tags: options.tags ?? [],
  };
  if (options.now) article.updatedAt = options.now.toISOString();
  return article;
}
