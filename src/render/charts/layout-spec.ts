import type { TopLevelSpec } from 'vega-lite';
import type { ChartLayout } from '../../model/chart-kinds/chart-kind.ts';
import { simpleBarsSpec } from './simple-bars.ts';
import { stackedBarsSpec } from './stacked-bars.ts';
import { formatN, theme } from './theme.ts';
import { fillText } from '../../load/text-template.ts';
import type { ChartOptions } from './types.ts';

/**
 * The Vega-Lite spec of a chart's layout (src/model/chart-kinds/): the renderer knows the forms a
 * chart can take, never the kinds of chart. Pure: no file or network access.
 */
export function layoutSpec(layout: ChartLayout, options: ChartOptions): TopLevelSpec {
  switch (layout.form) {
    case 'stacked-bars':
      return stackedBarsSpec(layout.rows, options, layout.labels);
    case 'plain-bars': {
      const note = layout.note && fillText(theme.texts.multipleAnswers, { n: formatN(layout.note.n) });
      return simpleBarsSpec(layout.bars, options.width, theme.colours[layout.colour], note, layout.scaleMax);
    }
  }
}
