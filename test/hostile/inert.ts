/**
 * Detects markup that hostile text turned into: elements, event handlers and URLs that would run
 * script or fetch something. Used on rendered React trees (happy-dom) in the unit tests; the
 * browser test runs the same idea in the page (see BROWSER_DETECTOR in test/browser/hostile.test.ts).
 */

/** Tags no SoloDesk page renders itself; any of them in the DOM came from input. */
export const FOREIGN_TAGS = [
  'script', 'iframe', 'frame', 'object', 'embed', 'style', 'link', 'meta', 'base', 'img', 'video',
  'audio', 'source', 'picture', 'math', 'image', 'animate', 'marquee', 'details', 'template',
  'noscript', 'plaintext', 'xmp', 'area', 'map', 'body', 'html', 'head', 'title', 'mglyph', 'mtext',
];

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'background', 'srcdoc'];
const BAD_URL = /^\s*(javascript|data|vbscript):|exfil\.invalid/i;

/** Each problem found under `root`, in words; empty when the tree is inert. */
export function activeContent(root: Element, allowedTags: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (FOREIGN_TAGS.includes(tag) && !allowedTags.includes(tag)) problems.push(`<${tag}> element`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} on <${tag}>`);
      if (URL_ATTRIBUTES.includes(name) && BAD_URL.test(attr.value)) problems.push(`${name}=${attr.value.slice(0, 60)} on <${tag}>`);
      if (name === 'style' && /url\s*\(|@import|expression\s*\(/i.test(attr.value)) problems.push(`style with a URL on <${tag}>`);
    }
  }
  return problems;
}

/** Every attribute name used under `root`. */
export function attributeNames(root: Element): Set<string> {
  const names = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('*'))) for (const attr of Array.from(el.attributes)) names.add(attr.name.toLowerCase());
  return names;
}
