import type { Tone } from '../../load/answer-tones.ts';
import type { TopLevelSpec } from 'vega-lite';
import type { Aggregate } from '../../analyse/aggregate-types.ts';

/** The options every chart builder takes. Sizes are in points. */
export interface ChartOptions {
  /** Final width in the PDF, in points; the SVG is exactly this wide. */
  width: number;
  /** Decimals of the percentages printed in the chart (the edition's chart decimals). */
  decimals: number;
  /** Label of last year's bar, e.g. "2017"; used where a row carries `previous`. */
  previousYearLabel?: string;
  /** Label of this year's bar where a row also shows last year's, e.g. "2019". */
  currentYearLabel?: string;
  /** Each answer's place in its scale, by label: decides its colour (see src/load/answer-tones.ts). */
  tones?: Readonly<Record<string, Tone>>;
}

/** One row of a stacked (100%) bar chart: a statement, a segment or a scope. */
export interface ChartRow {
  /** Text in the label column; "" for none. */
  label: string;
  aggregate: Aggregate;
  /** Last year's result: drawn as a second, thinner bar under this one. */
  previous?: Aggregate;
}

/** Every chart module exports one function of this shape: pure, no file or network access. */
export type ChartBuilder<Input> = (input: Input, options: ChartOptions) => TopLevelSpec;
