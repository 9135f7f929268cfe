import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '../../src/analyse/dutch-number.ts';
import { roundTo } from '../../src/analyse/rounding.ts';

/** What formatNumber gives, made afresh every time: the report's rounding, then Dutch notation. */
function fresh(value: number, decimals: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true }).format(roundTo(value, decimals));
}

describe('Dutch number formatting', () => {
  it('writes a decimal comma and a thousands point, rounding half away from zero', () => {
    expect(formatNumber(2700)).toBe('2.700');
    expect(formatNumber(22.65, 1)).toBe('22,7');
    expect(formatNumber(12.25, 1)).toBe('12,3');
    expect(formatNumber(-1234.5)).toBe('-1.235');
    expect(formatPercent(22.7, 1)).toBe('22,7%');
  });

  it('gives every value at every precision as formatted afresh, also when asked again (remembered per decimals and value)', () => {
    const value = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100), fc.constantFrom(0, -0, 0.05, -0.05, 0.004, -0.004, 1e21, Infinity, -Infinity, NaN));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 30 }), (calls) => {
        // Twice, in the same order: the second round comes from the memo.
        for (const [v, d] of [...calls, ...calls]) expect(formatNumber(v, d)).toBe(fresh(v, d));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 0 and -0 apart, and a value apart per number of decimals', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe(fresh(-0, 0));
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.2)).toBe(fresh(-0.2, 0));
    expect(formatNumber(1.25, 1)).toBe('1,3');
    expect(formatNumber(1.25, 2)).toBe('1,25');
    expect(formatNumber(1.25, 0)).toBe('1');
    expect(formatNumber(1.25, 1)).toBe('1,3');
  });
});
