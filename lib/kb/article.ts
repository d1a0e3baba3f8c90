import type { KbArticle } from '../triage/types';

/**
 * A knowledge-base article as the user keeps it: the engine's `KbArticle` (CONTRACT §2 KB row)
 * with the metadata the options page filters on. `category` and `lang` are required here (the
 * engine treats them as optional) so that every stored article can be filtered.
 */
export interface Article extends KbArticle {
  category: string;
  /** BCP 47 tag, canonical case: `en`, `zh`, `zh-CN`, `de`. */
  lang: string;
  tags: string[];
  /** Typed in the side panel search to insert this article directly, e.g. `/refund`. */
  shortcut?: string;
  /** ISO 8601 time of the last edit. */
  updatedAt?: string;
}

/** The fields of `Article` in the order every export writes them. */
export const ARTICLE_FIELDS = [
  'id',
  'title',
  'body',
  'examples',
  'category',
  'lang',
  'tags',
  'shortcut',
  'updatedAt',
] as const;

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/**
 * A cheap language guess for imports that name none: the script decides between Chinese,
 * Japanese and Korean; everything in Latin script is taken as English (the user can correct it).
 */
export function guessLang(text: string): string {
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  if (HAN.test(text)) return 'zh';
  return 'en';
}

const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * Canonical BCP 47 case (`zh_cn` → `zh-CN`, `ZH-hans` → `zh-Hans`), or null when `raw` is not a
 * language tag at all. Underscores are accepted because browser locales (`zh_CN`) use them.
 */
export function normalizeLang(raw: string): string | null {
  const tag = raw.trim().replace(/_/g, '-');
  if (!LANG_TAG.test(tag)) return null;
  return tag
    .split('-')
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4) return part[0].toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}

/** 32-bit FNV-1a as 8 hex digits: stable ids for imported articles that name none. */
export function hashId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
