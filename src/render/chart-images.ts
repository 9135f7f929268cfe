import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartBlock, ReportModel } from '../model/report-types.ts';
import { blocksOfType } from '../model/visit-blocks.ts';
import { BUILT_IN_CHART_KINDS, type ChartKinds } from '../model/chart-kinds/registry.ts';
import { layoutSpec } from './charts/layout-spec.ts';
import type { ChartOptions } from './charts/types.ts';
import { renderChartDrawing, renderChartSvg, type ChartSvg } from './charts/render-svg.ts';
import type { ChartDrawing } from './charts/drawing.ts';
import { theme } from './charts/theme.ts';

/** The Vega-Lite spec for a chart block: its kind lays out the model's rows, the renderer draws that. */
export function chartSpec(block: ChartBlock, options: ChartOptions, kinds: ChartKinds = BUILT_IN_CHART_KINDS): TopLevelSpec {
  return layoutSpec(kinds.get(block.chart).layout(block, options.decimals), options);
}

/**
 * Drawn charts by output and spec (the key is a hash of both), shared by the PDF's and the web
 * edition's and kept between builds (watch, and on disk: src/output/chart-cache.ts).
 */
export type ChartCache = Map<string, ChartDrawing | ChartSvg>;

/** No adjustment; one function, so the charts' remembered keys (keyOfBlock) are found again. */
const asIs = (spec: TopLevelSpec): TopLevelSpec => spec;

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
  adjust: (spec: TopLevelSpec) => TopLevelSpec = asIs,
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
  adjust: (spec: TopLevelSpec) => TopLevelSpec = asIs,
): Promise<Map<string, T>> {
  const blocks = blocksOfType(model, 'chart');
  const images = new Map<string, T>();
  // What every spec of this call is made from besides its block (the theme: as last (re)loaded).
  const context = `${output} ${identity(kinds)} ${identity(adjust)} ${identity(theme)} ${model.edition.year} ${JSON.stringify(options)}`;
  for (const [i, block] of blocks.entries()) {
    let made: TopLevelSpec | undefined;
    const spec = (): TopLevelSpec => {
      if (made) return made;
      const previousYear = block.rows.find((r) => r.previous)?.previous?.year;
      const withTones = block.tones ? { ...options, tones: block.tones } : options;
      return (made = adjust(
        chartSpec(
          block,
          previousYear === undefined ? withTones : { ...withTones, previousYearLabel: String(previousYear), currentYearLabel: String(model.edition.year) },
          kinds,
        ),
      ));
    };
    let img: T | undefined;
    if (cache) {
      const source = `${context} ${blockJson(block)}`;
      let key = keyOfBlock.get(source);
      if (key === undefined) {
        key = specKey(`${output} ${JSON.stringify(spec())}`);
        if (keyOfBlock.size >= KEYS_KEPT) keyOfBlock.clear();
        keyOfBlock.set(source, key);
      }
      img = cache.get(key) as T | undefined;
      if (!img) {
        img = await render(spec());
        cache.set(key, img);
      }
    } else {
      img = await render(spec());
    }
    images.set(block.id, img);
    onChart(i + 1, blocks.length);
  }
  return images;
}

/**
 * A block's JSON, made once per block object: the PDF's and the web edition's charts of one build
 * draw the same blocks, and a block is plain data that nothing changes after the model is built.
 */
const jsonOfBlock = new WeakMap<ChartBlock, string>();
function blockJson(block: ChartBlock): string {
  let json = jsonOfBlock.get(block);
  if (json === undefined) jsonOfBlock.set(block, (json = JSON.stringify(block)));
  return json;
}

/** A chart's cache key: a hash of its output and spec. */
function specKey(outputAndSpec: string): string {
  return createHash('sha256').update(outputAndSpec).digest('base64url');
}

/**
 * The cache key of every chart keyed in this process, by what its spec is made from: the call's
 * context (output, chart kinds, spec adjustment, chart theme, year, options) and the block's JSON.
 * Making, serialising and hashing the specs of the 2018 report's 276 charts costs ≈ 50 ms, which
 * a watch rebuild after a text edit spent twice (PDF and web) on charts that did not change; the
 * blocks' JSON costs ≈ 3 ms. A block is plain data (what the report JSON holds) and a spec a pure
 * function of it and the context, so equal strings mean equal specs.
 */
const keyOfBlock = new Map<string, string>();
/** Bounded, so a long watch session does not collect the keys of every version of its charts. */
const KEYS_KEPT = 4096;

/** A number per object or function, for the context string: a reloaded theme or other kinds get a new one. */
const identities = new WeakMap<object, number>();
let identitiesGiven = 0;
function identity(o: object): number {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = ++identitiesGiven));
  return id;
}
