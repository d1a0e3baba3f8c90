import { describe, expect, it, test } from 'vitest';
import {
  checkTemplate,
  fillTemplate,
  missingVariables,
  parseTemplate,
  TemplateSyntaxError,
  templateVariables,
  type TemplateContext,
} from '../../lib/kb/template';

const ctx: TemplateContext = {
  customer: { firstName: 'Ann', name: 'Ann Lee', email: 'ann@example.com' },
  'order.id': '#1042',
  agent: { name: 'Sam' },
  company: { name: 'Acme' },
  today: 'May 1, 2025',
  custom: { coupon: 'SPRING10' },
  empty: '',
  blank: '   ',
  count: 3,
};

describe('fillTemplate', () => {
  test.each([
    ['Hi {{customer.firstName}}!', 'Hi Ann!'],
    ['{{customer.name}} <{{customer.email}}>', 'Ann Lee <ann@example.com>'],
    ['Order {{order.id}} ships {{today}}.', 'Order #1042 ships May 1, 2025.'],
    ['— {{agent.name}}, {{company.name}}', '— Sam, Acme'],
    ['Code: {{custom.coupon}}', 'Code: SPRING10'],
    ['{{ customer.firstName }}', 'Ann'],
    ['{{customer.firstName|"there"}}', 'Ann'],
    ['Hi {{missing.name | "there"}},', 'Hi there,'],
    ["Hi {{missing.name | 'there'}},", 'Hi there,'],
    ['Hi {{ missing.name   |   "there"   }},', 'Hi there,'],
    ['Hi {{missing.name | there}},', 'Hi there,'],
    ['Hi {{empty | "there"}}', 'Hi there'],
    ['Hi {{blank | "there"}}', 'Hi there'],
    ['{{count}} items', '3 items'],
    ['{{missing | ""}}x', 'x'],
    ['{{missing | "say \\"hi\\""}}', 'say "hi"'],
    ['您好，{{客户.名字 | "顾客"}}！', '您好，顾客！'],
    ['no variables } here }}', 'no variables } here }}'],
    ['', ''],
  ])('fills %j as %j', (template, expected) => {
    expect(fillTemplate(template, ctx)).toEqual({ ok: true, text: expected });
  });

  it('reports every variable with neither a value nor a fallback, once, in order', () => {
    const result = fillTemplate('{{a.b}} {{customer.firstName}} {{c}} {{a.b}} {{d | "x"}}', ctx);
    expect(result).toEqual({ ok: false, missing: ['a.b', 'c'] });
  });

  it('treats an empty value without fallback as missing, so no blank greeting goes out', () => {
    expect(fillTemplate('Hi {{empty}},', ctx)).toEqual({ ok: false, missing: ['empty'] });
  });

  it('inserts a value containing {{…}} literally and never expands it', () => {
    const evil: TemplateContext = { customer: { firstName: '{{agent.name}}' }, agent: { name: 'Sam' } };
    expect(fillTemplate('Hi {{customer.firstName}}', evil)).toEqual({ ok: true, text: 'Hi {{agent.name}}' });
  });

  it('does not read values from the object prototype', () => {
    expect(fillTemplate('{{constructor}} {{toString}}', {})).toEqual({
      ok: false,
      missing: ['constructor', 'toString'],
    });
    expect(fillTemplate('{{__proto__.x | "safe"}}', {})).toEqual({ ok: true, text: 'safe' });
  });

  it('prefers a flat dotted key over a nested path', () => {
    expect(fillTemplate('{{a.b}}', { 'a.b': 'flat', a: { b: 'nested' } })).toEqual({ ok: true, text: 'flat' });
  });

  it('gives a malformed template back as an error with its position, not text', () => {
    const result = fillTemplate('Hi\n{{customer.firstName', ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(TemplateSyntaxError);
    expect(result.error?.line).toBe(2);
    expect(result.error?.column).toBe(1);
    expect(result.error?.message).toMatch(/Unclosed \{\{/);
  });
});

describe('parseTemplate', () => {
  it('splits text and variables with their fallbacks and positions', () => {
    expect(parseTemplate('Hi {{a | "b"}}!')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'var', name: 'a', fallback: 'b', start: 3, end: 14 },
      { type: 'text', text: '!' },
    ]);
  });

  test.each([
    ['{{customer.firstName', /Unclosed \{\{/],
    ['{{}}', /Empty variable/],
    ['{{ }}', /Empty variable/],
    ['{{1abc}}', /Invalid variable name/],
    ['{{a b}}', /Expected \}\} to close/],
    ['{{a} }}', /Expected \}\} to close/],
    ['{{a | "open}}', /Unclosed quote/],
    ['{{a | "x{{y"}}', /cannot contain/],
    ['{{a.}}', /Expected \}\}/],
    ['{{{a}}}', /Invalid variable name/],
  ])('rejects %j', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(message);
    expect(checkTemplate(template)).toBeInstanceOf(TemplateSyntaxError);
  });

  it('accepts a well-formed template in checkTemplate', () => {
    expect(checkTemplate('Hi {{a | "b"}}')).toBeNull();
  });
});

describe('missingVariables', () => {
  test.each([
    ['Hi {{customer.firstName}}', []],
    ['Hi {{customer.title}} {{x | "y"}}', ['customer.title']],
    ['{{order.id}} {{custom.gift}} {{custom.gift}}', ['custom.gift']],
  ])('lists the fill-in fields of %j', (template, expected) => {
    expect(missingVariables(template, ctx)).toEqual(expected);
  });

  it('lists every variable name once for the editor', () => {
    expect(templateVariables('{{a}} {{b | "x"}} {{a}}')).toEqual(['a', 'b']);
  });
});
