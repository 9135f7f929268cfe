import type { Aggregate } from '../../analyse/aggregate-types.ts';
import { simpleBarsSpec } from './simple-bars.ts';
import { formatN, formatPercent, theme } from './theme.ts';
import type { ChartBuilder } from './types.ts';

/**
 * A multiselect question: one bar per option (questionnaire order) with the share of N that
 * ticked it; N and "meer antwoorden mogelijk" in a note under the chart.
 */
export const multiselectChart: ChartBuilder<Aggregate> = (aggregate, options) =>
  simpleBarsSpec(
    Object.keys(aggregate.counts).map((label) => {
      const share = aggregate.percentages[label] ?? 0;
      return { label, value: share, text: formatPercent(aggregate.display[label] ?? share, options.decimals) };
    }),
    options.width,
    theme.colours.multiselect,
    `${formatN(aggregate.n)}; meer antwoorden mogelijk, de percentages tellen daarom niet op tot 100%.`,
    100,
  );
