/**
 * Censored structure of an element for selector-miss reports: tag names, ids, classes and the
 * *names* of data attributes only — never text, attribute values that could hold mail content
 * (titles, aria-labels, emails, hrefs) or data-attribute values. Bounded in depth and size so a
 * huge page cannot flood the log (InboxSDK logs `censorHTMLtree(el)` the same way).
 */

const MAX_DEPTH = 8;
const MAX_CHILDREN = 12;
const MAX_LENGTH = 6000;

// Gmail/Outlook ids are generated (":3f", "UniqueMessageBody_2"); anything with "@" or spaces
// might be personal, so such ids are dropped.
function safeId(id: string): string | undefined {
  return id && !/[@\s]/.test(id) && id.length <= 64 ? id : undefined;
}

function describe(el: Element): string {
  let s = el.tagName.toLowerCase();
  const id = safeId(el.id);
  if (id) s += `#${id}`;
  for (const c of Array.from(el.classList)) if (/^[\w-]{1,40}$/.test(c)) s += `.${c}`;
  for (const a of Array.from(el.attributes)) if (a.name.startsWith('data-')) s += `[${a.name}]`;
  return s;
}

/** One line per element, indented by depth, e.g. `div.a98.iY\n  h2.hP[data-thread-perm-id]`. */
export function censorStructure(el: Element | null | undefined): string {
  if (!el) return '(none)';
  const lines: string[] = [];
  let length = 0;
  const visit = (node: Element, depth: number): void => {
    if (length > MAX_LENGTH) return;
    const line = '  '.repeat(depth) + describe(node);
    lines.push(line);
    length += line.length + 1;
    const children = Array.from(node.children).filter((c) => !['SCRIPT', 'STYLE', 'svg', 'SVG'].includes(c.tagName));
    if (depth >= MAX_DEPTH) {
      if (children.length) lines.push('  '.repeat(depth + 1) + `… ${children.length} children`);
      return;
    }
    children.slice(0, MAX_CHILDREN).forEach((c) => visit(c, depth + 1));
    if (children.length > MAX_CHILDREN) lines.push('  '.repeat(depth + 1) + `… ${children.length - MAX_CHILDREN} more`);
  };
  visit(el, 0);
  return lines.join('\n').slice(0, MAX_LENGTH);
}
