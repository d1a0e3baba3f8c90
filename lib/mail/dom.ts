/** Small DOM helpers shared by the site parsers. Pure reads; no mutation. */

/** First element matching any selector of the list, tried in order (newest markup first). */
export function queryFirst(root: ParentNode, selectors: readonly string[], accept?: (el: Element) => boolean): Element | null {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (!accept || accept(el)) return el;
    }
  }
  return null;
}

/** Matches of `selector` below `root` that are not inside another match (below `root`). */
export function outermost(root: Element, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((el) => {
    const outer = el.parentElement?.closest(selector);
    return !outer || !root.contains(outer) || outer === root;
  });
}

/** Hidden through the DOM itself (no layout available): `hidden`, inline display:none. */
export function isHiddenInDom(el: Element, stopAt?: Element | null): boolean {
  for (let node: Element | null = el; node && node !== stopAt; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

/** The document's URL as a URL object (documents from DOMParser inherit their window's URL). */
export function documentUrl(doc: Document): URL {
  try {
    return new URL(doc.URL);
  } catch {
    return new URL('about:blank');
  }
}
