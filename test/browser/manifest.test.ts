import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Reads the built manifest (npm test builds before the browser project runs). CONTRACT §7.
const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));

const ALLOWED_PERMISSIONS = ['sidePanel', 'storage', 'unlimitedStorage', 'offscreen', 'alarms', 'contextMenus', 'activeTab'];
const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

describe('the built Chrome manifest', () => {
  it('asks only for the permissions CONTRACT §7 allows', () => {
    for (const permission of manifest.permissions ?? []) expect(ALLOWED_PERMISSIONS).toContain(permission);
    expect(manifest.permissions).not.toContain('tabs');
  });

  it('reaches only the four mail sites', () => {
    expect([...manifest.host_permissions].sort()).toEqual([...MAIL_HOSTS].sort());
    for (const script of manifest.content_scripts) {
      for (const match of script.matches) expect(MAIL_HOSTS).toContain(match);
    }
  });

  it('has a strict CSP that allows no remote code', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(csp).not.toMatch(/https?:|unsafe-inline|'unsafe-eval'/);
  });

  it('accepts no messages from web pages or other extensions', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
