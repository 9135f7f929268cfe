import { UNKNOWN_INTERVALS, type Aggregate } from '../../../src/analyse/aggregate-types.ts';
import type { QuestionKind } from '../../../src/load/questionnaire.ts';
import type { TopLevelSpec } from 'vega-lite';
import { chartBlock, chartRow } from '../../../src/model/chart-blocks.ts';
import { BUILT_IN_CHART_KINDS, type BuiltInChartKind } from '../../../src/model/chart-kinds/registry.ts';
import { loadReportTemplates } from '../../../src/load/report-templates.ts';
import { REPORT_TEMPLATES } from '../../../src/report-model.ts';
import type { ChartBlock, ChartKind, ChartRow } from '../../../src/model/report-types.ts';
import { layoutSpec } from '../../../src/render/charts/layout-spec.ts';
import type { ChartOptions } from '../../../src/render/charts/types.ts';

/** An Aggregate from counts in scale order; percentages of their sum, display rounded to 1 decimal. */
export function aggregate(counts: Record<string, number>, kind: QuestionKind = 'likert'): Aggregate {
  const n = Object.values(counts).reduce((a, b) => a + b, 0);
  const percentages: Record<string, number> = {};
  const display: Record<string, number> = {};
  for (const [label, count] of Object.entries(counts)) {
    percentages[label] = n ? (100 * count) / n : 0;
    display[label] = Math.round(percentages[label] * 10) / 10;
  }
  return {
    question: 'test-vraag',
    kind,
    scope: 'organisation',
    segment: 'all',
    n,
    counts,
    percentages,
    display,
    positive: null,
    neutral: null,
    negative: null,
    yes: kind === 'yesno' ? (percentages['Ja'] ?? 0) : null,
    asked: n,
    nonSubstantive: {},
    suppressed: false,
    samplingFraction: 0,
    intervals: UNKNOWN_INTERVALS,
    suppression: null,
  };
}

/** Agreement scale counts: Zeer oneens … Zeer eens. */
export function agreement(a: number, b: number, c: number, d: number, e: number, other?: [string, number]): Aggregate {
  return aggregate(
    { 'Zeer oneens': a, Oneens: b, Neutraal: c, Eens: d, 'Zeer eens': e, ...(other ? { [other[0]]: other[1] } : {}) },
    other ? 'usefulness' : 'likert',
  );
}

/** 30/61/120/182/91 of 484: 6,2% 12,6% 24,8% 37,6% 18,8%. */
export const KNOWN = agreement(30, 61, 120, 182, 91);

export const LONG_STATEMENT =
  'Ik heb er vertrouwen in dat Logius voldoet aan de vastgestelde kwaliteits- en beveiligingsnormen en dat Logius werkt met bewezen technologie.';

/** The tones of the agreement scale and its companions, as the model gives them to the charts. */
export const TONES = {
  'Zeer oneens': 'negative-2',
  Oneens: 'negative-1',
  Neutraal: 'neutral',
  Eens: 'positive-1',
  'Zeer eens': 'positive-2',
  'Niet van toepassing': 'other',
  'Gebruik ik nooit': 'other',
  Ja: 'yes',
  Nee: 'no',
} as const;

/** Rows of stacked bars from fixture aggregates (an Aggregate carries every number of a bar). */
export interface FixtureRow {
  label: string;
  aggregate: Aggregate;
  previous?: Aggregate;
}

/** The spec of stacked bars, as the stacked-bar chart kinds lay them out. */
export function stackedChart(rows: FixtureRow[], options: ChartOptions, labels: 'fit' | 'fixed' = 'fit'): TopLevelSpec {
  return layoutSpec({ form: 'stacked-bars', labels, rows: rows.map((r) => ({ label: r.label, result: r.aggregate, ...(r.previous ? { previous: r.previous } : {}) })) }, options);
}

/** The built-in chart kinds and the alt-text sentences of templates/report.yaml. */
const MAKING = { kinds: BUILT_IN_CHART_KINDS, altText: loadReportTemplates(REPORT_TEMPLATES).alt_text };

/** A chart block of the model, of one kind, from fixture aggregates (last year's as 2017). */
export function fixtureBlock(kind: ChartKind, rows: FixtureRow[]): ChartBlock {
  return chartBlock(MAKING, `test-${kind}`, kind, 'Stelling', rows.map((r) => chartRow(r.label, r.aggregate, r.previous ? { year: 2017, aggregate: r.previous } : undefined)), 1, TONES);
}

/** The respondents chart's block: a row per product with its count and share of all respondents. */
export function respondentsFixture(products: { product: string; responded: number; share: number }[]): ChartBlock {
  const responded = products.reduce((s, p) => s + p.responded, 0);
  const rows: ChartRow[] = products.map((p) => ({
    label: p.product,
    question: 'respons',
    scope: p.product,
    segment: 'all',
    n: responded,
    counts: { respondenten: p.responded },
    percentages: { respondenten: p.share },
    positive: null,
    neutral: null,
    negative: null,
    yes: null,
  }));
  return chartBlock(MAKING, 'test-respondents', 'respondents', null, rows, 1);
}

/** One block per chart kind, with long labels and narrow segments to stress the layout. */
export const chartSamples: { [K in BuiltInChartKind]: ChartBlock } = {
  likert: fixtureBlock('likert', [
    { label: 'Totaal', aggregate: KNOWN, previous: agreement(40, 70, 100, 150, 90) },
    { label: 'Informatiebijeenkomsten', aggregate: agreement(5, 9, 40, 80, 22, ['Niet van toepassing', 60]) },
  ]),
  segments: fixtureBlock('segments', [
    { label: 'Totaal', aggregate: KNOWN },
    { label: 'A-categorie', aggregate: agreement(0, 1, 1, 2, 1) },
    { label: 'C-categorie', aggregate: agreement(29, 58, 114, 170, 86) },
  ]),
  'value-summary': fixtureBlock('value-summary', [
    { label: 'Ik merk dat Logius afspraken nakomt of uitlegt waarom dat een keer niet lukt.', aggregate: agreement(20, 50, 130, 200, 60) },
    { label: LONG_STATEMENT, aggregate: agreement(5, 20, 110, 250, 90) },
  ]),
  yesno: fixtureBlock('yesno', [{ label: 'Totaal', aggregate: aggregate({ Ja: 269, Nee: 344 }, 'yesno') }]),
  multiselect: fixtureBlock('multiselect', [{ label: 'Totaal', aggregate: aggregate({ Inhoud: 40, Leesbaarheid: 25, 'Anders, namelijk een heel lange toelichting': 61 }, 'multiselect') }]),
  respondents: respondentsFixture([
    { product: 'DigiD', responded: 269, share: 43.88 },
    { product: 'Stelselcatalogus', responded: 3, share: 0.49 },
  ]),
};
