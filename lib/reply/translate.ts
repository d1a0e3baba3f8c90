/**
 * On-device translation through the browser's built-in Translator API (Chrome 138+), never a
 * cloud service. Feature-detected: where the browser has no such API, `canTranslate` says no and
 * the panel only says that no article exists in the customer's language.
 */

interface TranslatorInstance {
  translate(text: string): Promise<string>;
  destroy?(): void;
}

interface TranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: { sourceLanguage: string; targetLanguage: string }): Promise<TranslatorInstance>;
}

function translatorApi(scope: object = globalThis): TranslatorApi | undefined {
  const api = (scope as { Translator?: TranslatorApi }).Translator;
  return api && typeof api.create === 'function' && typeof api.availability === 'function' ? api : undefined;
}

const primary = (lang: string) => lang.split(/[-_]/)[0].toLowerCase();

/** Whether this browser can translate between the two languages on the device. */
export async function canTranslate(from: string, to: string, scope?: object): Promise<boolean> {
  const api = translatorApi(scope);
  if (!api || primary(from) === primary(to)) return false;
  try {
    const availability = await api.availability({ sourceLanguage: primary(from), targetLanguage: primary(to) });
    return availability !== 'unavailable';
  } catch {
    return false;
  }
}

/** Translates plain text line by line (keeping the reply's line breaks). */
export async function translateText(text: string, from: string, to: string, scope?: object): Promise<string> {
  const api = translatorApi(scope);
  if (!api) throw new Error('This browser has no on-device translation');
  const translator = await api.create({ sourceLanguage: primary(from), targetLanguage: primary(to) });
  try {
    const lines = await Promise.all(text.split('\n').map((line) => (line.trim() ? translator.translate(line) : Promise.resolve(line))));
    return lines.join('\n');
  } finally {
    translator.destroy?.();
  }
}
