import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import { roundTo } from '../../analyse/rounding.ts';
import type { Verdict } from '../../analyse/uncertainty.ts';

/** Dutch wordings computed from values, so a word can never contradict the chart. */

const FRACTIONS: [number, string][] = [
  [25, 'een kwart'],
  [100 / 3, 'een derde'],
  [50, 'de helft'],
  [200 / 3, 'tweederde'],
  [75, 'driekwart'],
];

/** How close a value must be to a fraction to be called by its name. */
const FRACTION_TOLERANCE = 1.0;
/** Below this distance from the whole number, no hedge word is needed. */
const EXACT_TOLERANCE = 0.2;

/** "bijna 72%", "ruim 75%", "72%", "ruim de helft": the hedge follows the unrounded value. */
export function approximately(value: number): string {
  for (const [f, name] of FRACTIONS) {
    const d = value - f;
    if (Math.abs(d) <= FRACTION_TOLERANCE) return d < -0.3 ? `bijna ${name}` : d > 0.3 ? `ruim ${name}` : name;
  }
  const whole = roundTo(value, 0);
  const d = value - whole;
  if (d <= -EXACT_TOLERANCE) return `bijna ${formatPercent(whole)}`;
  if (d >= EXACT_TOLERANCE) return `ruim ${formatPercent(whole)}`;
  return formatPercent(whole);
}

/** Beyond one point from a fraction and within this many, the fraction is still named, hedged. */
const FRACTION_RANGE = 5;

/**
 * A value as a fraction: "de helft", "ruim een derde", "bijna tweederde", "een kwart",
 * "driekwart". Within one point of a fraction the hedge follows the unrounded value (as in
 * {@link approximately}); up to five points away it is always "bijna" or "ruim". Further from
 * every fraction the value is written as a percentage ("ruim 58%"), so the words never stretch.
 */
export function fraction(value: number): string {
  let nearest = FRACTIONS[0]!;
  for (const f of FRACTIONS) if (Math.abs(value - f[0]) < Math.abs(value - nearest[0])) nearest = f;
  const [f, name] = nearest;
  const d = value - f;
  if (Math.abs(d) <= FRACTION_TOLERANCE) return d < -0.3 ? `bijna ${name}` : d > 0.3 ? `ruim ${name}` : name;
  if (Math.abs(d) <= FRACTION_RANGE) return d < 0 ? `bijna ${name}` : `ruim ${name}`;
  return approximately(value);
}

/** "ongeveer 27%", "ongeveer een derde". */
export function about(value: number): string {
  for (const [f, name] of FRACTIONS) if (Math.abs(value - f) <= FRACTION_TOLERANCE) return `ongeveer ${name}`;
  return `ongeveer ${formatPercent(value)}`;
}

export interface Distribution {
  positive: number;
  neutral: number;
  negative: number;
}

const WORD = { positive: 'positief', neutral: 'neutraal', negative: 'negatief' } as const;
const ORDER = ['positive', 'neutral', 'negative'] as const;
/** Two shares closer than this are "wisselend". */
export const MIXED_MARGIN = 10;

/**
 * The tendency of a distribution: "overwegend positief" when one side has at least half,
 * "wisselend positief en neutraal" when the two largest are within ten points, else "vooral …".
 */
export function tendency(d: Distribution): string {
  const ranked = [...ORDER].sort((a, b) => d[b] - d[a]);
  const [top, second] = [ranked[0]!, ranked[1]!];
  if (d[top] >= 50 && d[top] - d[second] > MIXED_MARGIN) return `overwegend ${WORD[top]}`;
  if (d[top] - d[second] <= MIXED_MARGIN) {
    const pair = ORDER.filter((k) => k === top || k === second);
    return `wisselend ${WORD[pair[0]!]} en ${WORD[pair[1]!]}`;
  }
  return `vooral ${WORD[top]}`;
}

/** The mean distribution of several statements: what `tendency` of a group of statements reads. */
export function meanDistribution(list: readonly Distribution[]): Distribution {
  const mean = (k: keyof Distribution) => list.reduce((sum, d) => sum + d[k], 0) / Math.max(1, list.length);
  return { positive: mean('positive'), neutral: mean('neutral'), negative: mean('negative') };
}

/**
 * "positiever dan …", "minder positief dan …", "vergelijkbaar met …" on the positive share: the
 * verdict of the significance test and the minimum relevant difference (analyse/uncertainty.ts).
 */
export function comparison(v: Verdict, reference: string): string {
  if (v === 'higher') return `positiever dan ${reference}`;
  if (v === 'lower') return `minder positief dan ${reference}`;
  return `vergelijkbaar met ${reference}`;
}

/** "1 product", "8 producten", "1.150 respondenten"; `withCount: false` gives the word alone. */
export function plural(count: number, singular: string, pluralForm: string, withCount = true): string {
  const word = count === 1 ? singular : pluralForm;
  return withCount ? `${formatNumber(count)} ${word}` : word;
}

/**
 * A number as an editor may pass it to a helper: a number, or text as another helper prints it
 * ("1.150", "22,7", "22,7%"). NaN when it is not a number.
 */
export function parseDutchNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const t = value.trim().replace(/%$/, '').replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/**
 * A change since the previous edition: "6 procentpunt hoger dan in 2018" only when the change is
 * significant and large enough (the verdict); otherwise "vergelijkbaar met 2018".
 */
export function formatChange(points: number, v: Verdict, previousYear: number): string {
  const whole = roundTo(Math.abs(points), 0);
  if (v === 'similar' || whole === 0) return `vergelijkbaar met ${previousYear}`;
  return `${formatNumber(whole)} procentpunt ${v === 'higher' ? 'hoger' : 'lager'} dan in ${previousYear}`;
}
