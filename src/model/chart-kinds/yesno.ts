import type { ChartKindDefinition } from './chart-kind.ts';
import { describeSingle, stackedKind, stackedLayout } from './stacked.ts';

/** A filter question: Ja/Nee as one 100% bar, last year's under it where comparable. */
export const yesno: ChartKindDefinition = stackedKind({
  questionKinds: ['yesno'],
  rowLabel: 'scope',
  showsPrevious: true,
  breaksDownPrevious: false,
  describe: (rows, decimals, words) => describeSingle(words.yesno, rows, decimals, words),
  header: (t) => t.likert_header,
  layout: (block, decimals) => stackedLayout(block, decimals, 'fit', false),
});
