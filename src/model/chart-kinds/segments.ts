import type { ChartKindDefinition } from './chart-kind.ts';
import { describeRows, stackedKind, stackedLayout } from './stacked.ts';

/**
 * A product's statement per category (Totaal, A-, B-, C-categorie): a labelled bar per shown
 * category, right under the statement's own chart.
 */
export const segments: ChartKindDefinition = stackedKind({
  questionKinds: [],
  rowLabel: 'segment',
  showsPrevious: false,
  breaksDownPrevious: true,
  describe: (rows, decimals, words) => describeRows(words.segments, rows, decimals, words),
  header: (t) => t.likert_header,
  layout: (block, decimals) => stackedLayout(block, decimals, 'fit', true),
});
