import { describe, expect, it, test } from 'vitest';
import { fnv1a32, Fingerprint } from '../../../lib/triage/embed/hash';
import {
  contentHash,
  isUnitLength,
  l2Normalize,
  needsRebuild,
  packRows,
  planRebuild,
} from '../../../lib/triage/embed/store';

describe('fnv1a32', () => {
  test.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
  ])('matches the published FNV-1a test vector for %j', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });
});

describe('Fingerprint', () => {
  it('gives different digests when the same parts are split differently', () => {
    expect(new Fingerprint().addText('ab').addText('c').digest()).not.toBe(new Fingerprint().addText('a').addText('bc').digest());
  });
  it('notices a single changed byte, also in the unaligned tail', () => {
    const bytes = new Uint8Array(4103).map((_, i) => i % 251);
    const before = new Fingerprint().addBytes(bytes.slice().buffer).digest();
    const changed = bytes.slice();
    changed[4101] ^= 1;
    expect(new Fingerprint().addBytes(changed.buffer).digest()).not.toBe(before);
    expect(new Fingerprint().addBytes(bytes.slice().buffer).digest()).toBe(before);
  });
});

describe('contentHash', () => {
  it('is stable for the same text and differs for an edited one', () => {
    expect(contentHash('Where is my parcel?')).toBe(contentHash('Where is my parcel?'));
    expect(contentHash('Where is my parcel?')).not.toBe(contentHash('Where is my parcel!'));
  });
  it('hashes Chinese text by its characters', () => {
    expect(contentHash('我的包裹在哪里')).not.toBe(contentHash('我的包裹在哪儿'));
  });
});

describe('needsRebuild', () => {
  const current = { modelId: 'use-1', contentHash: 'h1' };
  test.each([
    ['nothing stored yet', undefined, true],
    ['same model and same text', { modelId: 'use-1', contentHash: 'h1' }, false],
    ['the model changed', { modelId: 'use-0', contentHash: 'h1' }, true],
    ['the text changed', { modelId: 'use-1', contentHash: 'h0' }, true],
    ['both changed', { modelId: 'use-0', contentHash: 'h0' }, true],
  ])('%s → %s', (_case, stored, expected) => {
    expect(needsRebuild(stored, current)).toBe(expected);
  });
});

describe('planRebuild', () => {
  const sources = [
    { id: 'kb1', text: 'Refund policy' },
    { id: 'kb2', text: 'Shipping times (edited)' },
    { id: 'kb3', text: 'New article' },
  ];
  const stored = [
    { id: 'kb1', modelId: 'use-1', contentHash: contentHash('Refund policy') },
    { id: 'kb2', modelId: 'use-1', contentHash: contentHash('Shipping times') },
    { id: 'kb9', modelId: 'use-1', contentHash: contentHash('Deleted article') },
  ];

  it('embeds new and edited items, keeps unchanged ones and drops deleted ones', () => {
    const plan = planRebuild(stored, sources, 'use-1');
    expect(plan.embed.map((e) => e.id)).toEqual(['kb2', 'kb3']);
    expect(plan.embed[0].contentHash).toBe(contentHash('Shipping times (edited)'));
    expect(plan.keep).toEqual(['kb1']);
    expect(plan.drop).toEqual(['kb9']);
  });

  it('re-embeds everything when the model id changes', () => {
    const plan = planRebuild(stored, sources, 'use-2');
    expect(plan.embed.map((e) => e.id)).toEqual(['kb1', 'kb2', 'kb3']);
    expect(plan.keep).toEqual([]);
  });
});

describe('l2Normalize', () => {
  test.each([
    [[3, 4], [0.6, 0.8]],
    [[0, 0, 0], [0, 0, 0]],
    [[-2], [-1]],
  ])('%j → %j', (input, expected) => {
    const out = l2Normalize(input);
    expect(out).toBeInstanceOf(Float32Array);
    expected.forEach((v, i) => expect(out[i]).toBeCloseTo(v, 6));
  });
  it('makes unit-length vectors and leaves the input alone', () => {
    const input = Float32Array.from([1, 2, 3]);
    expect(isUnitLength(l2Normalize(input))).toBe(true);
    expect(Array.from(input)).toEqual([1, 2, 3]);
  });
});

describe('packRows', () => {
  it('lays rows out row-major', () => {
    expect(Array.from(packRows([Float32Array.from([1, 2]), Float32Array.from([3, 4])], 2))).toEqual([1, 2, 3, 4]);
  });
  it('rejects a row of the wrong length', () => {
    expect(() => packRows([Float32Array.from([1, 2, 3])], 2)).toThrow(/row 0/);
  });
});
