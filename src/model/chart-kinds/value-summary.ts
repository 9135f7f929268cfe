import type { ChartKindDefinition } from './chart-kind.ts';
import { describeRows, stackedKind, stackedLayout } from './stacked.ts';

/**
 * Every statement of one organisation value as a bar with its N (management summary). Statements
 * wrap within a label column of fixed width, so the bars of all values line up.
 */
export const valueSummary: ChartKindDefinition = stackedKind({
  questionKinds: [],
  rowLabel: 'statement',
  showsPrevious: false,
  breaksDownPrevious: false,
  describe: (rows, decimals, words) => describeRows(words.value_summary, rows, decimals, words),
  header: (t) => t.summary_header,
  layout: (block, decimals) => stackedLayout(block, decimals, 'fixed', true),
});
