import type { ChartBuilder, ChartRow } from './types.ts';
import { stackedBarsSpec } from './stacked-bars.ts';

/**
 * Segment comparison: the Likert bars for Totaal, A-categorie, B-categorie, C-categorie (the
 * caller leaves out suppressed segments and names the rows).
 */
export const segmentsChart: ChartBuilder<ChartRow[]> = (rows, options) => stackedBarsSpec(rows, options, 'fit');
