import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';

/**
 * UI strings from the same `_locales` files the browser uses for the manifest, bundled so that
 * every context (and the tests) resolves them the same way. `$1`…`$9` are substituted.
 */

type Catalog = Record<string, { message: string }>;
export type Locale = 'en' | 'zh_CN';
export type MessageKey = keyof typeof en;

const catalogs: Record<Locale, Catalog> = { en, zh_CN: zhCN };

export function uiLocale(language: string = globalThis.navigator?.language ?? 'en'): Locale {
  return language.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

let current: Locale = uiLocale();

export function setLocale(locale: Locale): void {
  current = locale;
}

export function t(key: MessageKey | (string & {}), ...substitutions: Array<string | number>): string {
  const entry = catalogs[current][key] ?? catalogs.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}
