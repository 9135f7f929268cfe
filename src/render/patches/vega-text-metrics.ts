import * as vega from 'vega';
import { vegaTextWidth } from '../charts/text-metrics.ts';

/**
 * Vega measures text with a canvas or, without one, guesses 0.8 × size per character. This patch
 * replaces the measurement, process-wide, by the PDF's own font (src/render/charts/text-metrics.ts),
 * so chart layout (label space, legend width) matches the text as drawn. Applied by the chart
 * renderer before its first chart; idempotent. test/render/patches checks that Vega's bounds use it.
 */
export function patchVegaTextMetrics(): void {
  const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics;
  if (metrics.width !== vegaTextWidth) metrics.width = vegaTextWidth;
}
