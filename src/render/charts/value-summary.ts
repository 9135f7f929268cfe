import type { ChartBuilder, ChartRow } from './types.ts';
import { stackedBarsSpec } from './stacked-bars.ts';

/**
 * One organisation value: every statement of the value as a bar with its N. Statements are long:
 * they wrap within a label column of fixed width, so the bars of all values line up.
 */
export const valueSummaryChart: ChartBuilder<ChartRow[]> = (rows, options) => stackedBarsSpec(rows, options, 'fixed');
