/**
 * How precise a share is, and whether two shares differ by more than chance.
 *
 * Intervals: the Wilson score interval (Wilson 1927; Newcombe 1998, method 3), which stays inside
 * 0–100 and behaves for small groups and shares near 0 or 100. With a finite population
 * correction: the survey invites every customer, so a group that answered for a large part is
 * measured more precisely than a sample from an endless population. The correction multiplies the
 * variance p(1 − p)/n by (N − n)/(N − 1); in the Wilson interval that is the same as using
 * z²·(N − n)/(N − 1) for z².
 *
 * The population of a group is estimated from the edition's invited counts: a scope (Logius as a
 * whole, a product) was answered by a fraction f = respondents / invited of its invited customers;
 * a question answered by n of them is taken to stand for n / f customers (the same response rate
 * among those the question applies to). Segments have no invited count: no correction (wider,
 * never narrower, intervals).
 *
 * Tests: a two-proportion z-test with pooled variance, each sample's variance term multiplied by
 * its own correction. Without correction it equals R's `prop.test(x, n, correct = FALSE)`
 * (X² = z²). A product's respondents are part of the organisation's, so a product is compared
 * with the REST of the organisation (organisation's counts minus the product's): two
 * independent samples.
 */

/** The 97.5 % quantile of the standard normal distribution: two-sided 95 %. */
export const Z95 = 1.959963984540054;

/** 0–100. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Variance multiplier (N − n)/(N − 1) for n answers from a group answered for a fraction
 * `samplingFraction` (so N = n / samplingFraction). 1 when the fraction is unknown (0).
 */
export function finitePopulationCorrection(n: number, samplingFraction: number): number {
  if (!(samplingFraction > 0) || n <= 0) return 1;
  if (samplingFraction >= 1) return 0;
  const population = n / samplingFraction;
  return Math.max(0, (population - n) / (population - 1));
}

/** 95 % Wilson interval, in percent, of k out of n, with variance multiplier `fpc` (1: none). */
export function wilsonInterval(k: number, n: number, fpc = 1, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 100 };
  const p = k / n;
  const z2 = z * z * fpc;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Math.sqrt(z2) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/** Half the width of an interval, in points: the "± points" a reader understands. */
export function margin(i: Interval): number {
  return (i.high - i.low) / 2;
}

/** A count out of a number of answers, with the variance multiplier of its group. */
export interface Sample {
  k: number;
  n: number;
  fpc: number;
}

export interface DifferenceTest {
  /** First share minus second, in points. */
  difference: number;
  /** Standard normal test statistic; ±Infinity when both samples are complete counts that differ. */
  z: number;
  /** |z| ≥ 1,96: significant at 5 % (two-sided). */
  significant: boolean;
}

/** Pooled two-proportion z-test of two independent samples (see the module comment). */
export function differenceTest(a: Sample, b: Sample): DifferenceTest {
  const pa = a.n > 0 ? a.k / a.n : 0;
  const pb = b.n > 0 ? b.k / b.n : 0;
  const pooled = (a.k + b.k) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (a.fpc / a.n + b.fpc / b.n));
  const difference = (pa - pb) * 100;
  const z = se > 0 ? (pa - pb) / se : pa === pb ? 0 : Math.sign(pa - pb) * Infinity;
  return { difference, z, significant: Math.abs(z) >= Z95 };
}

/**
 * Test of the difference between two MEANS of shares over the same statements (a product's mean
 * positive share over a group of statements against the organisation's). The statements are
 * answered by the same respondents, so their differences are correlated; the standard error of
 * the mean difference is bounded by the mean of the statements' standard errors (perfect
 * correlation, the worst case), which keeps the test conservative.
 */
export function meanDifferenceTest(pairs: [Sample, Sample][]): DifferenceTest {
  if (!pairs.length) return { difference: 0, z: 0, significant: false };
  let d = 0;
  let se = 0;
  for (const [a, b] of pairs) {
    const pooled = (a.k + b.k) / (a.n + b.n);
    d += a.k / a.n - b.k / b.n;
    se += Math.sqrt(pooled * (1 - pooled) * (a.fpc / a.n + b.fpc / b.n));
  }
  d /= pairs.length;
  se /= pairs.length;
  const z = se > 0 ? d / se : d === 0 ? 0 : Math.sign(d) * Infinity;
  return { difference: d * 100, z, significant: Math.abs(z) >= Z95 };
}

export type Verdict = 'higher' | 'lower' | 'similar';

/** A difference is called one only when significant AND at least `minDifference` points. */
export function verdict(test: DifferenceTest, minDifference: number): Verdict {
  if (!test.significant || Math.abs(test.difference) < minDifference - 1e-9) return 'similar';
  return test.difference > 0 ? 'higher' : 'lower';
}
