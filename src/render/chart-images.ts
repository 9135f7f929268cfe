import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import { UNKNOWN_INTERVALS, type Aggregate } from '../analyse/aggregate-types.ts';
import { roundTo } from '../analyse/rounding.ts';
import type { ChartBlock, ChartRow, ReportModel } from '../model/report-types.ts';
import { blocksOfType } from '../model/visit-blocks.ts';
import { likertChart } from './charts/likert.ts';
import { segmentsChart } from './charts/segments.ts';
import { valueSummaryChart } from './charts/value-summary.ts';
import { yesNoChart } from './charts/yesno.ts';
import { multiselectChart } from './charts/multiselect.ts';
import { respondentsChart } from './charts/respondents.ts';
import type { ChartOptions, ChartRow as ChartInputRow } from './charts/types.ts';
import { renderChartDrawing, renderChartSvg, type ChartSvg } from './charts/render-svg.ts';
import type { ChartDrawing } from './charts/drawing.ts';

/** The chart modules read aggregates; a model row carries the same numbers. */
function asAggregate(row: ChartRow, kind: Aggregate['kind'], decimals: number): Aggregate {
  return {
    question: row.question,
    kind,
    scope: row.scope,
    segment: row.segment,
    n: row.n,
    counts: row.counts,
    percentages: row.percentages,
    display: row.display ?? Object.fromEntries(Object.entries(row.percentages).map(([k, v]) => [k, roundTo(v, decimals)])),
    positive: row.positive,
    neutral: row.neutral,
    negative: row.negative,
    yes: row.yes,
    asked: row.n,
    nonSubstantive: {},
    suppressed: false,
    samplingFraction: 0,
    intervals: UNKNOWN_INTERVALS,
    suppression: null,
  };
}

/** The Vega-Lite spec for a chart block: one module per chart kind. */
export function chartSpec(block: ChartBlock, options: ChartOptions): TopLevelSpec {
  const rows = (kind: Aggregate['kind']): ChartInputRow[] =>
    block.rows.map((r) => ({
      label: r.label,
      aggregate: asAggregate(r, kind, options.decimals),
      ...(r.previous ? { previous: asAggregate({ ...r, ...r.previous }, kind, options.decimals) } : {}),
    }));
  switch (block.chart) {
    case 'likert':
      return likertChart(rows('likert').map((r) => ({ ...r, label: '' })), options);
    case 'segments':
      return segmentsChart(rows('likert'), options);
    case 'value-summary':
      return valueSummaryChart(rows('likert'), options);
    case 'yesno':
      return yesNoChart(block.rows[0]!.previous ? rows('yesno').map((r) => ({ ...r, label: '' })) : asAggregate(block.rows[0]!, 'yesno', options.decimals), options);
    case 'multiselect':
      return multiselectChart(asAggregate(block.rows[0]!, 'multiselect', options.decimals), options);
    case 'respondents':
      return respondentsChart(
        block.rows.map((r) => ({ product: r.label, responded: r.counts.respondenten ?? 0, share: r.display?.respondenten ?? r.percentages.respondenten ?? 0 })),
        options,
      );
  }
}

/**
 * Drawn charts by output and spec (the key is a hash of both), shared by the PDF's and the web
 * edition's and kept between builds (watch, and on disk: src/output/chart-cache.ts).
 */
export type ChartCache = Map<string, ChartDrawing | ChartSvg>;

/** Draws every chart of the model for the PDF (vector drawings); `onChart` reports progress. */
export function renderChartDrawings(
  model: ReportModel,
  options: ChartOptions,
  onChart: (done: number, total: number) => void = () => {},
  cache?: ChartCache,
): Promise<Map<string, ChartDrawing>> {
  return renderCharts(model, options, 'drawing', renderChartDrawing, onChart, cache);
}

/**
 * Draws every chart of the model as SVG (the web edition). `adjust` changes a spec before it is
 * drawn (the web edition's outlines).
 */
export function renderChartSvgs(
  model: ReportModel,
  options: ChartOptions,
  cache?: ChartCache,
  adjust: (spec: TopLevelSpec) => TopLevelSpec = (spec) => spec,
): Promise<Map<string, ChartSvg>> {
  return renderCharts(model, options, 'svg', renderChartSvg, () => {}, cache, adjust);
}

async function renderCharts<T extends ChartDrawing | ChartSvg>(
  model: ReportModel,
  options: ChartOptions,
  output: 'drawing' | 'svg',
  render: (spec: TopLevelSpec) => Promise<T>,
  onChart: (done: number, total: number) => void,
  cache?: ChartCache,
  adjust: (spec: TopLevelSpec) => TopLevelSpec = (spec) => spec,
): Promise<Map<string, T>> {
  const blocks = blocksOfType(model, 'chart');
  const images = new Map<string, T>();
  for (const [i, block] of blocks.entries()) {
    const previousYear = block.rows.find((r) => r.previous)?.previous?.year;
    const withTones = block.tones ? { ...options, tones: block.tones } : options;
    const spec = adjust(
      chartSpec(
        block,
        previousYear === undefined ? withTones : { ...withTones, previousYearLabel: String(previousYear), currentYearLabel: String(model.edition.year) },
      ),
    );
    const key = cache ? createHash('sha256').update(`${output} ${JSON.stringify(spec)}`).digest('base64url') : '';
    let img = cache?.get(key) as T | undefined;
    if (!img) {
      img = await render(spec);
      cache?.set(key, img);
    }
    images.set(block.id, img);
    onChart(i + 1, blocks.length);
  }
  return images;
}
