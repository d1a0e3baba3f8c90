import { expect, test } from 'vitest';
import { hyp2f1, logBeta, logGamma } from '../../lib/customers/special-functions';

test.each<[number, number]>([
  [1, 0],
  [2, 0],
  [5, Math.log(24)],
  [0.5, Math.log(Math.sqrt(Math.PI))],
  [0.1, 2.252712651734206],
  [100, 359.1342053695754],
])('logGamma(%f) = %f', (x, expected) => {
  expect(logGamma(x)).toBeCloseTo(expected, 10);
});

test('logBeta(2, 3) = ln(1/12)', () => {
  expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
});

test.each<[string, [number, number, number, number], number]>([
  ['z = 0 is 1', [1, 2, 3, 0], 1],
  // ₂F₁(1, 1; 2; z) = −ln(1−z)/z
  ['matches −ln(1−z)/z', [1, 1, 2, 0.5], -Math.log(0.5) / 0.5],
  // ₂F₁(a, b; b; z) = (1−z)^−a
  ['matches (1−z)^−a', [2.5, 3, 3, 0.9], Math.pow(0.1, -2.5)],
])('hyp2f1 %s', (_name, [a, b, c, z], expected) => {
  expect(hyp2f1(a, b, c, z)).toBeCloseTo(expected, 8);
});

test('hyp2f1 refuses z outside [0, 1)', () => {
  expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
});
