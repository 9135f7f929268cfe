import * as vega from 'vega';
import type { Loader, LocaleFormatters } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { likertChart } from './likert.ts';
import { multiselectChart } from './multiselect.ts';
import { respondentsChart } from './respondents.ts';
import { segmentsChart } from './segments.ts';
import { vegaTextWidth } from './text-metrics.ts';
import { chartLocale } from './theme.ts';
import type { ChartOptions } from './types.ts';
import { valueSummaryChart } from './value-summary.ts';
import { yesNoChart } from './yesno.ts';

/**
 * Vega-Lite spec → SVG string sized in points, for a pdfmake `svg` node of the same width.
 * Headless (renderer 'none'), no loading of anything, Dutch number locale per view, text measured
 * with the PDF's font, deterministic output (SVG definition ids reset, one render at a time).
 */

export interface ChartSvg {
  svg: string;
  /** Points. */
  width: number;
  height: number;
}

// Vega measures text with a canvas or, without one, guesses 0.8 × size per character. Replace the
// measurement once, process-wide, by the PDF's own font.
(vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width = vegaTextWidth;

function refuse(uri: unknown): Promise<never> {
  return Promise.reject(new Error(`Een grafiek mag niets laden; geweigerd: '${String(uri)}'.`));
}

/** Charts carry their data inline: every load, sanitize, http or file request is refused. */
const refusingLoader: Loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

/** The View's `locale` option takes locale definitions ({ number, time }), despite its typing. */
const viewLocale = chartLocale as unknown as LocaleFormatters;

let queue: Promise<unknown> = Promise.resolve();

/** Renders one chart. Calls are serialised: SVG definition ids come from global counters. */
export function renderChartSvg(spec: TopLevelSpec): Promise<ChartSvg> {
  const result = queue.then(() => render(spec));
  queue = result.catch(() => undefined);
  return result;
}

// --- Compiled shapes ----------------------------------------------------------------------------
// Compiling and parsing cost more than running a view. Charts of one kind and width differ only in
// `datasets`, `height` and `params` values (see marks.ts chartSpec): each shape is compiled once,
// without data, and every render — the first one too — swaps those in, so a cache hit and a miss
// give the same SVG.

interface Shape {
  runtime: vega.Runtime;
  datasets: Record<string, unknown[]>;
  height: number | undefined;
  params: { name: string; value: unknown }[];
}

const runtimes = new Map<string, vega.Runtime>();

/** Empties the cache of compiled chart shapes (tests; a theme reload). */
export function clearChartCache(): void {
  runtimes.clear();
}

function shapeOf(spec: TopLevelSpec): Shape {
  const { datasets = {}, height, params = [], ...rest } = spec as TopLevelSpec & {
    datasets?: Record<string, unknown[]>;
    height?: unknown;
    params?: { name: string; value?: unknown }[];
  };
  const values = params.map((p) => ({ name: p.name, value: p.value }));
  const key = JSON.stringify([rest, Object.keys(datasets), values.map((p) => p.name), typeof height]);
  let runtime = runtimes.get(key);
  if (!runtime) {
    const compiled = compile(spec).spec;
    for (const data of compiled.data ?? []) {
      if (data.name in datasets && 'values' in data) data.values = [];
    }
    runtime = vega.parse(compiled);
    runtimes.set(key, runtime);
  }
  return { runtime, datasets, height: typeof height === 'number' ? height : undefined, params: values };
}

async function render(spec: TopLevelSpec): Promise<ChartSvg> {
  const shape = shapeOf(spec);
  const view = new vega.View(shape.runtime, { renderer: 'none', loader: refusingLoader, locale: viewLocale });
  try {
    for (const [name, values] of Object.entries(shape.datasets)) view.data(name, structuredClone(values));
    if (shape.height !== undefined) view.height(shape.height);
    for (const p of shape.params) view.signal(p.name, p.value);
    await view.runAsync();
    vega.resetSVGDefIds();
    const svg = stripImages(await view.toSVG());
    return { svg, width: rootDimension(svg, 'width'), height: rootDimension(svg, 'height') };
  } finally {
    view.finalize();
  }
}

/** Removes `<image>` elements: in a pdfmake svg node they would bypass the local access policy. */
function stripImages(svg: string): string {
  return svg.replace(/<image\b[^>]*\/>/g, '').replace(/<image\b[^>]*>[\s\S]*?<\/image>/g, '');
}

function rootDimension(svg: string, name: 'width' | 'height'): number {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const value = Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  if (!Number.isFinite(value)) throw new Error(`Vega gaf een SVG zonder ${name}.`);
  return value;
}

// --- Convenience --------------------------------------------------------------------------------

/** Every chart kind with its builder; the input type follows from the kind. */
export const chartBuilders = {
  likert: likertChart,
  segments: segmentsChart,
  'value-summary': valueSummaryChart,
  yesno: yesNoChart,
  multiselect: multiselectChart,
  respondents: respondentsChart,
} as const;

export type ChartKind = keyof typeof chartBuilders;
export type ChartInput<K extends ChartKind> = Parameters<(typeof chartBuilders)[K]>[0];

/** Builds and renders one chart: `renderChart('likert', rows, { width: 451, decimals: 1 })`. */
export function renderChart<K extends ChartKind>(kind: K, input: ChartInput<K>, options: ChartOptions): Promise<ChartSvg> {
  const build = chartBuilders[kind] as (input: ChartInput<K>, options: ChartOptions) => TopLevelSpec;
  return renderChartSvg(build(input, options));
}
