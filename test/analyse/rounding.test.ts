import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundShares, roundToSum } from '../../src/analyse/rounding.ts';

describe('rounding shares that a reader adds', () => {
  it('gives the missing units to the largest remainders, so the shares add up to 100', () => {
    // 64,6 / 22,7 / 12,7 rounded one by one: 65 + 23 + 13 = 101.
    expect(roundToSum([64.6, 22.7, 12.7], 0)).toEqual([64, 23, 13]);
    // Ties go to the larger share: 62,5 / 25 / 12,5 → 63 / 25 / 12.
    expect(roundToSum([62.5, 25, 12.5], 0)).toEqual([63, 25, 12]);
    // One decimal: thirds.
    expect(roundToSum([100 / 3, 100 / 3, 100 / 3], 1)).toEqual([33.4, 33.3, 33.3]);
    // Shares of a group with no answers stay zero.
    expect(roundToSum([0, 0, 0], 1)).toEqual([0, 0, 0]);
  });

  it('never moves a share by a whole unit, and always adds up to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { minLength: 2, maxLength: 7 }), fc.constantFrom(0, 1, 2), (counts, decimals) => {
        const n = counts.reduce((a, b) => a + b, 0);
        fc.pre(n > 0);
        const shares = counts.map((c) => (c / n) * 100);
        const rounded = roundToSum(shares, decimals);
        expect(Math.round(rounded.reduce((a, b) => a + b, 0) * 10 ** decimals)).toBe(100 * 10 ** decimals);
        rounded.forEach((r, i) => expect(Math.abs(r - shares[i]!)).toBeLessThan(10 ** -decimals));
      }),
    );
  });

  it('rounds each share on its own when the edition chooses independent rounding', () => {
    expect(roundShares({ a: 64.6, b: 22.7, c: 12.7 }, 0, 'independent')).toEqual({ a: 65, b: 23, c: 13 });
    expect(roundShares({ a: 64.6, b: 22.7, c: 12.7 }, 0, 'largest-remainder')).toEqual({ a: 64, b: 23, c: 13 });
  });
});
