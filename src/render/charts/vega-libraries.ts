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
 * Vega-Lite's ES module build imports four functions of vega-util through the umbrella. The
 * CLI's bundle (bin/bundle.js) gives it vega-util itself there (the same functions: the umbrella
 * re-exports them), so the bundle holds no umbrella; loaded as modules (tests, tsx) it still loads
 * the umbrella for them.
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

type Namespace = Record<string, unknown>;

/** Loads Vega's core packages and Vega-Lite; the transforms are registered before it returns. */
export async function loadVegaLibraries(): Promise<VegaLibraries> {
  // Each package by its name, in a literal import(): a bundler (bin/bundle.js) puts it in the
  // CLI's bundle, and without one Node resolves it as the umbrella package would.
  const [util, dataflow, transforms, viewTransforms, encode, parser, view, scenegraph] = (await Promise.all([
    import('vega-util'),
    import('vega-dataflow'),
    import('vega-transforms'),
    import('vega-view-transforms'),
    import('vega-encode'),
    import('vega-parser'),
    import('vega-view'),
    import('vega-scenegraph'),
  ])) as [Namespace, Namespace, Namespace, Namespace, Namespace, Namespace, Namespace, Namespace];
  const { compile } = await import('vega-lite');
  // As the umbrella package does (vega/index.js), without the transforms of the packages left out.
  const extend = util.extend as (target: object, ...sources: object[]) => object;
  extend(dataflow.transforms as object, transforms, viewTransforms, encode);
  const vega: VegaCore = {
    parse: parser.parse as VegaCore['parse'],
    View: view.View as VegaCore['View'],
    resetSVGDefIds: scenegraph.resetSVGDefIds as VegaCore['resetSVGDefIds'],
    textMetrics: scenegraph.textMetrics as object,
  };
  return { vega, compile };
}
