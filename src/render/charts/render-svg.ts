import type * as Vega from 'vega';
import { compactSvg } from './compact-svg.ts';
import type { Loader, LocaleFormatters } from 'vega';
import { loadVegaLibraries, type VegaCore, type VegaLibraries } from './vega-libraries.ts';
import type { TopLevelSpec } from 'vega-lite';
import { chartLocale } from './theme.ts';
import { patchVegaTextMetrics } from '../patches/vega-text-metrics.ts';
import type { ChartDrawing } from './drawing.ts';
import { DrawingRecorder } from './drawing-recorder.ts';

/**
 * Vega-Lite spec → a drawing for the PDF (Vega's scene graph recorded as vector operations, see
 * drawing.ts) or an SVG string for the web edition, sized in points. Headless (renderer 'none'),
 * no loading of anything, Dutch number locale per view, text measured with the PDF's font,
 * deterministic output (SVG definition ids reset, one render at a time).
 */

export interface ChartSvg {
  svg: string;
  /** Points. */
  width: number;
  height: number;
}

function refuse(uri: unknown): Promise<never> {
  return Promise.reject(new Error(`Een grafiek mag niets laden; geweigerd: '${String(uri)}'.`));
}

/** Charts carry their data inline: every load, sanitize, http or file request is refused. */
const refusingLoader: Loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };


let queue: Promise<unknown> = Promise.resolve();

/** Renders one chart as SVG (the web edition). */
export function renderChartSvg(spec: TopLevelSpec): Promise<ChartSvg> {
  return serialised(() => render(spec, svgOf));
}

/** Renders one chart as a drawing (the PDF): the same scene graph, without an SVG round trip. */
export function renderChartDrawing(spec: TopLevelSpec): Promise<ChartDrawing> {
  return serialised(() => render(spec, drawingOf));
}

let libraries: Promise<VegaLibraries> | undefined;

/**
 * Vega and Vega-Lite (vega-libraries.ts) are loaded by the first chart drawn, so a build whose
 * charts all come from the cache never loads them.
 */
function loadLibraries(): Promise<VegaLibraries> {
  libraries ??= loadVegaLibraries().then((libs) => {
    // Text measured with the PDF's font (src/render/patches/); before the first compile.
    patchVegaTextMetrics(libs.vega);
    return libs;
  });
  return libraries;
}

/** Calls are serialised: SVG definition ids come from global counters. */
function serialised<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run);
  queue = result.catch(() => undefined);
  return result;
}

// --- Compiled shapes ----------------------------------------------------------------------------
// Compiling and parsing cost more than running a view. Charts of one kind and width differ only in
// `datasets`, `height` and `params` values (see marks.ts chartSpec): each shape is compiled once,
// without data, and every render — the first one too — swaps those in, so a cache hit and a miss
// give the same SVG. The shape's view is kept and reused too (building a view's dataflow cost as
// much as running it): swapping every dataset, the height and every parameter leaves nothing of
// the previous chart (test/render/charts/render-svg.test.ts compares reused with fresh views).

interface CompiledShape {
  runtime: Vega.Runtime;
  /** The named datasets the compiled spec reads (Vega-Lite drops unused ones). */
  datasets: Set<string>;
  /** A view of the shape, reused by the next chart of the shape, with the locale it was made with. */
  view?: { view: Vega.View; locale: unknown };
}

/** At most this many shapes are kept; a report has a few dozen (kind × answer scale × width). */
const MAX_SHAPES = 500;
const shapes = new Map<string, CompiledShape>();

/** Empties the cache of compiled chart shapes (tests; a theme reload). */
export function clearChartCache(): void {
  for (const shape of shapes.values()) dropView(shape);
  shapes.clear();
}

function dropView(shape: CompiledShape): void {
  shape.view?.view.finalize();
  delete shape.view;
}

interface Variables {
  datasets: Record<string, unknown[]>;
  height?: number;
  params: { name: string; value: unknown }[];
}

/** Splits a spec into its shape (cache key) and the values that vary between charts of a shape. */
function split(spec: TopLevelSpec): { key: string; variables: Variables } {
  const { datasets = {}, params = [], ...rest } = spec as TopLevelSpec & {
    datasets?: Record<string, unknown[]>;
    params?: { name: string; value?: unknown }[];
    height?: unknown;
  };
  const height = typeof rest.height === 'number' ? rest.height : undefined;
  if (height !== undefined) delete rest.height;
  const values = params.filter((p) => 'value' in p).map((p) => ({ name: p.name, value: p.value }));
  const keyParams = params.map((p) => ('value' in p ? { ...p, value: null } : p));
  return { key: JSON.stringify([rest, Object.keys(datasets), keyParams]), variables: { datasets, height, params: values } };
}

function compiledShape({ vega, compile }: VegaLibraries, key: string, spec: TopLevelSpec, datasets: Record<string, unknown[]>): CompiledShape {
  let shape = shapes.get(key);
  if (!shape) {
    const compiled = compile(spec).spec;
    const names = new Set<string>();
    for (const data of compiled.data ?? []) {
      if (data.name in datasets && 'values' in data) {
        data.values = [];
        names.add(data.name);
      }
    }
    if (shapes.size >= MAX_SHAPES) clearChartCache();
    shape = { runtime: vega.parse(compiled), datasets: names };
    shapes.set(key, shape);
  }
  return shape;
}

async function render<T>(spec: TopLevelSpec, output: (view: Vega.View, vega: VegaCore) => Promise<T>): Promise<T> {
  const libs = await loadLibraries();
  const { vega } = libs;
  const { key, variables } = split(spec);
  const shape = compiledShape(libs, key, spec, variables.datasets);
  // The View's `locale` option takes locale definitions ({ number, time }), despite its typing; read
  // at each render, as `preview` may reload the theme.
  if (shape.view?.locale !== chartLocale) {
    dropView(shape);
    const view = new vega.View(shape.runtime, { renderer: 'none', loader: refusingLoader, locale: chartLocale as unknown as LocaleFormatters });
    shape.view = { view, locale: chartLocale };
  }
  const view = shape.view!.view;
  try {
    for (const name of shape.datasets) view.data(name, structuredClone(variables.datasets[name] ?? []));
    if (variables.height !== undefined) view.height(variables.height);
    for (const p of variables.params) view.signal(p.name, p.value);
    await view.runAsync();
    return await output(view, vega);
  } catch (err) {
    dropView(shape);
    throw err;
  }
}

async function svgOf(view: Vega.View, vega: VegaCore): Promise<ChartSvg> {
  vega.resetSVGDefIds();
  const svg = compactSvg(stripImages(await view.toSVG()));
  return { svg, width: rootDimension(svg, 'width'), height: rootDimension(svg, 'height') };
}

/** Vega's canvas renderer drawing into a recorder (its `externalContext`), sized like the SVG. */
async function drawingOf(view: Vega.View): Promise<ChartDrawing> {
  const { width, height } = viewSize(view);
  const recorder = new DrawingRecorder(width, height);
  await view.toCanvas(1, { externalContext: recorder });
  return recorder.drawing();
}

/** The rendered size: the view plus its padding (what vega-view's render-size.js gives a renderer). */
function viewSize(view: Vega.View): { width: number; height: number } {
  const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
  const inner = view as unknown as { _viewWidth: number; _viewHeight: number };
  const width = Math.max(0, inner._viewWidth + padding.left + padding.right);
  const height = Math.max(0, inner._viewHeight + padding.top + padding.bottom);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('Vega gaf geen grootte voor de grafiek.');
  return { width, height };
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
