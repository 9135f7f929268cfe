import type { Tone } from '../../load/answer-tones.ts';

/** The options of every chart's spec (src/render/charts/layout-spec.ts). Sizes are in points. */
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
