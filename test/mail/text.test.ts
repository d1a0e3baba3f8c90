import { describe, expect, it } from 'vitest';
import { elementText, stripQuotesAndSignature } from '../../lib/mail/text';

function el(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('elementText', () => {
  it.each([
    ['<div>a</div><div>b</div>', 'a\nb'],
    ['<div>a</div><div><br></div><div>b</div>', 'a\n\nb'],
    ['<div>a<br></div><div>b</div>', 'a\nb'],
    ['<p>a</p><p>b</p>', 'a\n\nb'],
    ['a<br>b', 'a\nb'],
    ['  spaced   out \n text ', 'spaced out text'],
    ['<span>x</span><img data-emoji="😀" alt="😀"><span>y</span>', 'x😀y'],
    ['<div>keep</div><style>.a{}</style><script>bad()</script>', 'keep'],
  ])('%s → %j', (html, text) => {
    expect(elementText(el(html))).toBe(text);
  });

  it('leaves out skipped subtrees', () => {
    expect(elementText(el('<div>new</div><blockquote>old</blockquote><div class="sig">sig</div>'), { skip: 'blockquote, .sig' })).toBe('new');
  });

  it('drops everything from the cut marker on', () => {
    expect(elementText(el('<div>new</div><div id="x_divRplyFwdMsg">From: a</div><div>old</div>'), { cutAt: '[id$="divRplyFwdMsg"]' })).toBe('new');
  });
});

describe('stripQuotesAndSignature', () => {
  it.each([
    ['Thanks!\n-- \nJane Doe\nACME', 'Thanks!'],
    ['Thanks!\n--\nJane', 'Thanks!'],
    ['Yes please.\n\nOn Mon, May 4, 2026 at 10:08 AM Acme <a@b.com> wrote:\n> old', 'Yes please.'],
    ['Yes please.\nOn Mon, May 4, 2026 at 10:08 AM Acme Support\n<a@b.com> wrote:\nold', 'Yes please.'],
    ['好的。\n在 2026年5月4日周一 10:08，客服 <a@b.com> 写道：\n旧的', '好的。'],
    ['Gut.\nAm Mo., 4. Mai 2026 um 10:08 Uhr schrieb Acme <a@b.com>:\nalt', 'Gut.'],
    ['New text\n> quoted line', 'New text'],
    ['Hi\n-----Original Message-----\nFrom: x', 'Hi'],
    ['Hi\n________________________________\nFrom: x\nSent: y', 'Hi'],
    ['Hi\nVon: Acme\nGesendet: Freitag\nold', 'Hi'],
    ['From: the team we got great help\nThanks', 'From: the team we got great help\nThanks'],
    ['On Monday I ordered a kettle.\nIt broke.', 'On Monday I ordered a kettle.\nIt broke.'],
  ])('%j → %j', (input, output) => {
    expect(stripQuotesAndSignature(input)).toBe(output);
  });
});

describe('foreign quote markers', () => {
  it('leaves out Gmail-prefixed, Yahoo and Thunderbird quotes and cuts at an Outlook reply header', async () => {
    const { FOREIGN_QUOTE_SKIP, OUTLOOK_REPLY_CUT } = await import('../../lib/mail/text');
    const root = el(
      '<div>new text</div><div class="m_-52719gmail_quote"><div class="m_-52719gmail_attr">On … wrote:</div>old</div>' +
        '<div class="yahoo_quoted">yahoo old</div><div class="moz-cite-prefix">Am 1.1. schrieb X:</div><div class="moz-signature">-- sig</div>' +
        '<div>still new</div><div id="m_123divRplyFwdMsg">From: x</div><div>outlook old</div>',
    );
    expect(elementText(root, { skip: FOREIGN_QUOTE_SKIP, cutAt: OUTLOOK_REPLY_CUT })).toBe('new text\nstill new');
  });
});
