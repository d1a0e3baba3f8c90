import type { BuiltInCategory } from '../../categories';
import type { KbArticle } from '../../triage/types';

/** A built-in article: always categorised, in one of the two starter languages, with tags for filters. */
export type StarterArticle = KbArticle & { category: string; lang: 'en' | 'zh'; tags: string[] };

/** Example customer messages per language; German has no articles, only examples to classify. */
export interface CategoryExampleSet {
  en: string[];
  zh: string[];
  de: string[];
}

export type CategoryExamples = Record<BuiltInCategory, CategoryExampleSet>;

/** Bodies are written as lines so the source stays readable; blank strings become blank lines. */
export function lines(...parts: string[]): string {
  return parts.join('\n');
}

/** The sign-offs every starter reply shares, so a founder sees one consistent voice. */
// Fallbacks so a reply inserts on day one, before the founder has filled in Settings.
export const SIGN_OFF_EN = lines('', 'Best regards,', '{{agent.name | "Customer support"}}', '{{company.name | ""}}');
export const SIGN_OFF_ZH = lines('', '祝好！', '{{agent.name | "客服团队"}}', '{{company.name | ""}}');
