import { describe, expect, it } from 'vitest';
import { canTranslate, translateText } from '../lib/reply/translate';

// The browser's Translator API is the edge of the world here: a stand-in that upper-cases.
const fakeScope = {
  Translator: {
    availability: async ({ targetLanguage }: { targetLanguage: string }) => (targetLanguage === 'xx' ? 'unavailable' : 'downloadable'),
    create: async () => ({ translate: async (text: string) => text.toUpperCase() }),
  },
};

describe('on-device translation', () => {
  it('is offered only where the browser has the API and the pair is available', async () => {
    expect(await canTranslate('en', 'de', {})).toBe(false);
    expect(await canTranslate('en', 'de', fakeScope)).toBe(true);
    expect(await canTranslate('en', 'xx', fakeScope)).toBe(false);
    expect(await canTranslate('en-GB', 'en', fakeScope)).toBe(false);
  });

  it('keeps line breaks and blank lines', async () => {
    expect(await translateText('Hi Anna,\n\nthanks', 'en', 'de', fakeScope)).toBe('HI ANNA,\n\nTHANKS');
  });

  it('says clearly when the browser cannot translate', async () => {
    await expect(translateText('x', 'en', 'de', {})).rejects.toThrow(/no on-device translation/);
  });
});
