import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';
import { CATEGORY_IDS } from '../lib/categories';
import { setLocale, t } from '../lib/i18n';

describe('UI strings', () => {
  it('use only the message keys Chrome accepts (it refuses to load the extension otherwise)', () => {
    for (const key of [...Object.keys(en), ...Object.keys(zhCN)]) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('exist in both en and zh_CN', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('name every built-in category', () => {
    for (const id of CATEGORY_IDS) expect(en).toHaveProperty(`cat_${id.replace(/-/g, '_')}`);
  });

  it('substitute placeholders and follow the locale', () => {
    setLocale('zh_CN');
    expect(t('confidence', 80)).toBe('置信度 80%');
    setLocale('en');
    expect(t('confidence', 80)).toBe('confidence 80%');
  });
});
