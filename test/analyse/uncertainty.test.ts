import { describe, expect, it } from 'vitest';
import { differenceTest, finitePopulationCorrection, margin, meanDifferenceTest, verdict, wilsonInterval } from '../../src/analyse/uncertainty.ts';

describe('Wilson interval', () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score, no continuity
  // correction). The same values come from R `prop.test(x, n, correct = FALSE)$conf.int`.
  it.each([
    [81, 263, 25.53, 36.62],
    [15, 148, 6.24, 16.05],
    [0, 20, 0, 16.11],
    [1, 29, 0.61, 17.18],
  ])('%i of %i: %f–%f (Newcombe 1998)', (k, n, low, high) => {
    const i = wilsonInterval(k, n);
    expect(i.low).toBeCloseTo(low, 2);
    expect(i.high).toBeCloseTo(high, 2);
  });

  it('15 of 22 equals prop.test(15, 22, correct = FALSE): 0,4732–0,8364', () => {
    // Reference from scipy.stats.binomtest(15, 22).proportion_ci(method='wilson'), which computes
    // the same interval as R's prop.test without continuity correction.
    const i = wilsonInterval(15, 22);
    expect(i.low / 100).toBeCloseTo(0.473186, 5);
    expect(i.high / 100).toBeCloseTo(0.836394, 5);
  });

  it('with a finite population uses z²·(N − n)/(N − 1): 5 of 10 from 20 → 29,50–70,50', () => {
    // Worked by hand: (N − n)/(N − 1) = 10/19 = 0,52632; z'² = 1,95996² · 0,52632 = 2,02182;
    // centre = (0,5 + z'²/20)/(1 + z'²/10) = 0,5; half = √z'² · √(0,025 + z'²/400)/(1 + z'²/10) = 0,20505.
    const fpc = finitePopulationCorrection(10, 10 / 20);
    expect(fpc).toBeCloseTo(10 / 19, 12);
    const i = wilsonInterval(5, 10, fpc);
    expect(i.low).toBeCloseTo(29.495, 2);
    expect(i.high).toBeCloseTo(70.505, 2);
    // Narrower than without the correction (22,2–77,8), never wider.
    const plain = wilsonInterval(5, 10);
    expect(plain.low).toBeCloseTo(23.66, 2);
    expect(margin(i)).toBeLessThan(margin(plain));
  });

  it('a group that answered completely has no sampling error; an unknown population gets no correction', () => {
    expect(finitePopulationCorrection(50, 1)).toBe(0);
    expect(wilsonInterval(20, 50, 0)).toEqual({ low: 40, high: 40 });
    expect(finitePopulationCorrection(50, 0)).toBe(1);
  });
});

describe('difference test', () => {
  // X² of R `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)` (= scipy chi2_contingency with
  // correction=False), recorded here; the pooled z-test without correction gives z² = X².
  it.each([
    [17, 28, 20, 30, 0.222161, false],
    [300, 600, 360, 620, 7.985966, true],
    [15, 22, 120, 400, 13.973097, true],
    [50, 100, 30, 100, 8.333333, true],
  ])('%i/%i against %i/%i: X² = %f', (k1, n1, k2, n2, chi2, significant) => {
    const t = differenceTest({ k: k1, n: n1, fpc: 1 }, { k: k2, n: n2, fpc: 1 });
    expect(t.z * t.z).toBeCloseTo(chi2, 5);
    expect(t.significant).toBe(significant);
    expect(t.difference).toBeCloseTo((k1 / n1 - k2 / n2) * 100, 10);
  });

  it('the finite population correction makes a difference more certain', () => {
    // 58/100 against 46/100: pooled p = 0,52, z = 0,12 / √(0,52 · 0,48 · 0,02) = 1,698 (not
    // significant); with half the variance (half the customers answered) z = 1,698 · √2 = 2,402.
    const a = { k: 58, n: 100 };
    const b = { k: 46, n: 100 };
    const plain = differenceTest({ ...a, fpc: 1 }, { ...b, fpc: 1 });
    const corrected = differenceTest({ ...a, fpc: 0.5 }, { ...b, fpc: 0.5 });
    expect(plain.z).toBeCloseTo(1.6984, 3);
    expect(plain.significant).toBe(false);
    expect(corrected.z).toBeCloseTo(plain.z * Math.SQRT2, 10);
    expect(corrected.significant).toBe(true);
  });

  it('a mean over statements is never more certain than its least certain statement', () => {
    const pair = (k1: number, k2: number): [{ k: number; n: number; fpc: number }, { k: number; n: number; fpc: number }] => [
      { k: k1, n: 40, fpc: 1 },
      { k: k2, n: 400, fpc: 1 },
    ];
    const one = differenceTest(...pair(30, 240));
    const mean = meanDifferenceTest([pair(30, 240), pair(30, 240)]);
    expect(mean.z).toBeCloseTo(one.z, 10);
    expect(mean.difference).toBeCloseTo(one.difference, 10);
  });

  it('calls a difference only when significant and at least the minimum size', () => {
    expect(verdict({ difference: 6.2, z: 0.5, significant: false }, 5)).toBe('similar');
    expect(verdict({ difference: 3, z: 4, significant: true }, 5)).toBe('similar');
    expect(verdict({ difference: 8, z: 4, significant: true }, 5)).toBe('higher');
    expect(verdict({ difference: -8, z: -4, significant: true }, 5)).toBe('lower');
  });
});
