import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';

/**
 * Vega and Vega-Lite as the chart renderer needs them, without the `vega` umbrella package.
 *
 * `import('vega')` also loads and registers what our flat bar charts never use: geographic
 * projections (vega-geo, vega-projection and d3-geo-projection, ≈ 110 modules), force layouts,
 * hierarchies, labels, regressions, Voronoi diagrams, word clouds and cross-filtering. Vega
 * documents building a custom bundle from its packages instead; this is that bundle: the dataflow
 * with the transforms of vega-transforms, vega-view-transforms and vega-encode registered (as the
 * umbrella does), the parser, the view and the scene graph: the copies the umbrella loads (npm
 * installs one of each, beside it).
 *
 * Vega-Lite's ES module build imports the umbrella too (for four functions of vega-util), so
 * Vega-Lite is loaded from its UMD build (`build/vega-lite.min.js`, same version and source),
 * which takes its dependencies as one `vega` object: given here the packages Vega-Lite's ES build
 * imports (vega-util, vega-event-selector, vega-expression). test/render/charts/vega-libraries.test.ts
 * checks that every name the ES build imports is there.
 *
 * Together they load in about two thirds of the CPU time of `vega` plus `vega-lite`.
 */

/** What the chart renderer uses of Vega (render-svg.ts, patches/vega-text-metrics.ts). */
export interface VegaCore {
  parse: typeof Vega.parse;
  View: typeof Vega.View;
  resetSVGDefIds: typeof Vega.resetSVGDefIds;
  textMetrics: object;
}

export interface VegaLibraries {
  vega: VegaCore;
  compile: typeof VegaLite.compile;
}

const fromHere = createRequire(import.meta.url);

/** Vega-Lite's ES module entry (build/index.js); its UMD build is beside it. */
const VEGA_LITE_ENTRY = fromHere.resolve('vega-lite');

/** The packages Vega-Lite's ES build imports besides `vega`, which its UMD build takes as `vega`. */
export const VEGA_LITE_IMPORTS = ['vega-util', 'vega-event-selector', 'vega-expression'] as const;

type Namespace = Record<string, unknown>;

// Each package by its name, in a literal import(): a bundler (bin/bundle.js) puts it in the CLI's
// bundle, and without one Node resolves it as the umbrella package would (one copy of each here).

/** The `vega` given to Vega-Lite's UMD build: its ES build's imports (VEGA_LITE_IMPORTS). */
export async function vegaForVegaLite(): Promise<Namespace> {
  const namespaces = await Promise.all([import('vega-util'), import('vega-event-selector'), import('vega-expression')]);
  return Object.assign({}, ...namespaces) as Namespace;
}

/** Loads Vega's core packages and Vega-Lite; the transforms are registered before it returns. */
export async function loadVegaLibraries(): Promise<VegaLibraries> {
  const [util, dataflow, transforms, viewTransforms, encode, parser, view, scenegraph, forVegaLite] = (await Promise.all([
    import('vega-util'),
    import('vega-dataflow'),
    import('vega-transforms'),
    import('vega-view-transforms'),
    import('vega-encode'),
    import('vega-parser'),
    import('vega-view'),
    import('vega-scenegraph'),
    vegaForVegaLite(),
  ])) as [Namespace, Namespace, Namespace, Namespace, Namespace, Namespace, Namespace, Namespace, Namespace];
  // As the umbrella package does (vega/index.js), without the transforms of the packages left out.
  const extend = util.extend as (target: object, ...sources: object[]) => object;
  extend(dataflow.transforms as object, transforms, viewTransforms, encode);
  const vega: VegaCore = {
    parse: parser.parse as VegaCore['parse'],
    View: view.View as VegaCore['View'],
    resetSVGDefIds: scenegraph.resetSVGDefIds as VegaCore['resetSVGDefIds'],
    textMetrics: scenegraph.textMetrics as object,
  };
  return { vega, compile: vegaLiteUmd(forVegaLite).compile };
}

/** Runs Vega-Lite's UMD build as a CommonJS module whose `require('vega')` gives `vega`. */
export function vegaLiteUmd(vega: Namespace): typeof VegaLite {
  const file = join(dirname(VEGA_LITE_ENTRY), 'vega-lite.min.js');
  // Node's own CommonJS wrapper, on a line of its own so the bundle's lines and columns stay.
  const wrapper = vm.runInThisContext(`(function (exports, require, module) {\n${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    lineOffset: -1,
  }) as (exports: object, require: (id: string) => unknown, module: { exports: object }) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, (id) => {
    if (id !== 'vega') throw new Error(`Vega-Lite vroeg onverwacht om '${id}'.`);
    return vega;
  }, module);
  return module.exports as typeof VegaLite;
}
