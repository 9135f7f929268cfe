import type { ChartBuilder, ChartRow } from './types.ts';
import { stackedBarsSpec } from './stacked-bars.ts';

/**
 * A 5-point statement (and the usefulness/channel scales with their "other" answer): one 100%
 * stacked bar per row, percentages inside the segments that can hold them, N at the right, legend
 * with every answer in scale order. Rows may carry last year's result (`previous`).
 */
export const likertChart: ChartBuilder<ChartRow[]> = (rows, options) => stackedBarsSpec(rows, options, 'fit');
