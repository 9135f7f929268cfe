import type { Aggregate } from '../../analyse/aggregate-types.ts';
import type { ChartBuilder, ChartRow } from './types.ts';
import { stackedBarsSpec } from './stacked-bars.ts';

/** One filter question, or several rows of it (scopes, last year). */
export type YesNoInput = Aggregate | ChartRow[];

/** Ja/Nee shares as a single 100% bar (or one per row), percentages inside, N at the right. */
export const yesNoChart: ChartBuilder<YesNoInput> = (input, options) =>
  stackedBarsSpec(Array.isArray(input) ? input : [{ label: '', aggregate: input }], options, 'fit');
