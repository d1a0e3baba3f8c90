import { describe, expect, it, test } from 'vitest';
import { decodeExamples, decodeTags, encodeExamples, encodeTags, guardFormula, unguardFormula } from '../../../lib/kb/io/csv-cells';
import { pick, seededRandom } from '../prng';

describe('examples cell', () => {
  test.each([
    ['a\nb\n\n c ', ['a', 'b', 'c']],
    ['a\r\nb', ['a', 'b']],
    ['a | b|c', ['a', 'b', 'c']],
    ['one question', ['one question']],
    ['', []],
    ['["a|b", "c\\nd"]', ['a|b', 'c\nd']],
    ['[not json', ['[not json']],
  ])('reads %j as %j', (cell, expected) => {
    expect(decodeExamples(cell)).toEqual(expected);
  });

  it('writes plain lines when they read back the same, JSON otherwise', () => {
    expect(encodeExamples(['a', 'b'])).toBe('a\nb');
    expect(encodeExamples(['a|b'])).toBe('["a|b"]');
  });
});

describe('tags cell', () => {
  test.each([
    ['a, b,c', ['a', 'b', 'c']],
    ['退款，售后、物流', ['退款', '售后', '物流']],
    ['["a, b"]', ['a, b']],
  ])('reads %j as %j', (cell, expected) => {
    expect(decodeTags(cell)).toEqual(expected);
  });
});

test.each([
  ['=1+1', "'=1+1"],
  ['+1 555', "'+1 555"],
  ['@sum', "'@sum"],
  ['-2+3', "'-2+3"],
  ["'=x", "''=x"],
  ['- list item', '- list item'],
  ['-- signature', '-- signature'],
  ['plain', 'plain'],
  ["'quoted", "'quoted"],
])('guards the formula %j as %j and reads it back', (cell, guarded) => {
  expect(guardFormula(cell)).toBe(guarded);
  expect(unguardFormula(guarded)).toBe(cell);
});

it('reads back any generated list of examples and tags exactly (500 seeded lists)', () => {
  const random = seededRandom(7);
  const pieces = ['a', ' ', '|', ',', '，', '\n', '\r', '"', '[', ']', '退款', '=', "'", 'x y', '\\'];
  const item = () => {
    let s = '';
    const n = 1 + Math.floor(random() * 6);
    for (let i = 0; i < n; i++) s += pick(random, pieces);
    return s.trim() === '' ? 'k' : s;
  };
  for (let i = 0; i < 500; i++) {
    const list = Array.from({ length: Math.floor(random() * 4) }, item);
    const trimmed = list.map((s) => s.trim());
    expect(decodeExamples(unguardFormula(guardFormula(encodeExamples(list))))).toEqual(list);
    expect(decodeTags(encodeTags(trimmed))).toEqual(trimmed);
  }
});
