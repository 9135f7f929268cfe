import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartBlock, ReportModel } from '../model/report-types.ts';
import { blocksOfType } from '../model/visit-blocks.ts';
import { BUILT_IN_CHART_KINDS, type ChartKinds } from '../model/chart-kinds/registry.ts';
import { layoutSpec } from './charts/layout-spec.ts';
import type { ChartOptions } from './charts/types.ts';
import { renderChartDrawing, renderChartSvg, type ChartSvg } from './charts/render-svg.ts';
import type { ChartDrawing } from './charts/drawing.ts';

/** The Vega-Lite spec for a chart block: its kind lays out the model's rows, the renderer draws that. */
export function chartSpec(block: ChartBlock, options: ChartOptions, kinds: ChartKinds = BUILT_IN_CHART_KINDS): TopLevelSpec {
  return layoutSpec(kinds.get(block.chart).layout(block, options.decimals), options);
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
  kinds: ChartKinds = BUILT_IN_CHART_KINDS,
): Promise<Map<string, ChartDrawing>> {
  return renderCharts(model, options, 'drawing', renderChartDrawing, onChart, kinds, cache);
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
  kinds: ChartKinds = BUILT_IN_CHART_KINDS,
): Promise<Map<string, ChartSvg>> {
  return renderCharts(model, options, 'svg', renderChartSvg, () => {}, kinds, cache, adjust);
}

async function renderCharts<T extends ChartDrawing | ChartSvg>(
  model: ReportModel,
  options: ChartOptions,
  output: 'drawing' | 'svg',
  render: (spec: TopLevelSpec) => Promise<T>,
  onChart: (done: number, total: number) => void,
  kinds: ChartKinds,
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
        kinds,
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
