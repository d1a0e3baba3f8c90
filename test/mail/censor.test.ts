import { describe, expect, it } from 'vitest';
import { censorStructure } from '../../lib/mail/censor';

describe('censorStructure', () => {
  it('keeps tags, ids, classes and data-attribute names but no text or attribute values', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<div class="a98 iY" id=":9a" data-thread-perm-id="thread-f:123"><span class="gD" email="secret@example.com" name="Secret Name" title="Secret title">Secret body text</span></div>';
    const out = censorStructure(root.firstElementChild);
    expect(out).toBe('div#:9a.a98.iY[data-thread-perm-id]\n  span.gD');
    expect(out).not.toMatch(/secret|thread-f/i);
  });

  it('drops ids that look personal', () => {
    const el = document.createElement('div');
    el.id = 'anna@example.com';
    expect(censorStructure(el)).toBe('div');
  });

  it('stays small on huge pages', () => {
    const root = document.createElement('div');
    let node = root;
    for (let i = 0; i < 50; i++) {
      const child = document.createElement('div');
      for (let j = 0; j < 30; j++) child.appendChild(document.createElement('span'));
      node.appendChild(child);
      node = child;
    }
    const out = censorStructure(root);
    expect(out.length).toBeLessThanOrEqual(6000);
    expect(out).toContain('more');
  });

  it('says (none) for a missing element', () => {
    expect(censorStructure(null)).toBe('(none)');
  });
});
