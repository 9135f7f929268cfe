import type { Aggregate, ResponseStatistics } from './aggregate-types.ts';
import { differenceTest, finitePopulationCorrection, meanDifferenceTest, type DifferenceTest, type Sample } from './uncertainty.ts';

/** A share of an aggregate that can be compared: the Likert sides and the yes share. */
export type ComparedMeasure = 'positive' | 'neutral' | 'negative' | 'yes';

function share(a: Aggregate, measure: ComparedMeasure): number {
  const v = a[measure];
  if (v === null) throw new Error(`aggregate ${a.question}/${a.scope} has no ${measure} share`);
  return v;
}

/** The count behind a share of an aggregate, with the aggregate's own finite population correction. */
export function sampleOf(a: Aggregate, measure: ComparedMeasure): Sample {
  return { k: Math.round((share(a, measure) * a.n) / 100), n: a.n, fpc: finitePopulationCorrection(a.n, a.samplingFraction) };
}

/**
 * The rest of the organisation next to a product: the organisation's answers minus the
 * product's, which are part of them. Its sampling fraction is that of the other products'
 * customers together.
 */
export function restOfOrganisation(product: Aggregate, organisation: Aggregate, measure: ComparedMeasure, statistics: ResponseStatistics): Sample {
  const own = sampleOf(product, measure);
  const all = sampleOf(organisation, measure);
  const stats = statistics.perProduct.find((p) => p.product === product.scope);
  const invited = statistics.invited - (stats?.invited ?? 0);
  const responded = statistics.responded - (stats?.responded ?? 0);
  const fraction = invited > 0 ? Math.min(1, responded / invited) : 0;
  const n = all.n - own.n;
  return { k: all.k - own.k, n, fpc: finitePopulationCorrection(n, fraction) };
}

/**
 * A product's share against the organisation as a whole, as the report prints it: `difference`
 * is product minus organisation (what a reader sees side by side); whether it is significant is
 * tested as product against the rest of the organisation (independent samples). The two have the
 * same sign: the organisation's share lies between the product's and the rest's.
 */
export function productVersusOrganisation(product: Aggregate, organisation: Aggregate, measure: ComparedMeasure, statistics: ResponseStatistics): DifferenceTest {
  const own = sampleOf(product, measure);
  const rest = restOfOrganisation(product, organisation, measure, statistics);
  const difference = share(product, measure) - share(organisation, measure);
  if (rest.n <= 0) return { difference, z: 0, significant: false };
  return { ...differenceTest(own, rest), difference };
}

/**
 * A product's mean share over several statements against the rest of the organisation's mean
 * over the same statements (conservative: see `meanDifferenceTest`).
 */
export function productVersusOrganisationMean(pairs: [product: Aggregate, organisation: Aggregate][], measure: ComparedMeasure, statistics: ResponseStatistics): DifferenceTest {
  const kept = pairs.filter(([p, o]) => o.n - p.n > 0);
  const samples = kept.map(([p, o]): [Sample, Sample] => [sampleOf(p, measure), restOfOrganisation(p, o, measure, statistics)]);
  const difference = kept.reduce((s, [p, o]) => s + share(p, measure) - share(o, measure), 0) / Math.max(1, kept.length);
  return { ...meanDifferenceTest(samples), difference };
}

/**
 * This year's share against last year's for the same question and group. The two editions are
 * separate samples (respondents are not linked across years), each with its own correction.
 */
export function changeSincePrevious(now: Aggregate, before: Aggregate, measure: ComparedMeasure): DifferenceTest {
  return differenceTest(sampleOf(now, measure), sampleOf(before, measure));
}
