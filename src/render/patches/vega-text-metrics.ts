import { vegaTextWidth } from '../charts/text-metrics.ts';

/**
 * Vega measures text with a canvas or, without one, guesses 0.8 × size per character. This patch
 * replaces the measurement, process-wide, by the PDF's own font (src/render/charts/text-metrics.ts),
 * so chart layout (label space, legend width) matches the text as drawn. Applied by the chart
 * renderer to the Vega module it loads, before its first chart; idempotent. test/render/patches
 * checks that Vega's bounds use it.
 */
export function patchVegaTextMetrics(vega: object): void {
  const metrics = (vega as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics;
  if (metrics.width !== vegaTextWidth) metrics.width = vegaTextWidth;
}
