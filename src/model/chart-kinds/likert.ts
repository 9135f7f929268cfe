import type { ChartKindDefinition } from './chart-kind.ts';
import { describeSingle, stackedKind, stackedLayout } from './stacked.ts';

/**
 * A statement on a 5-point scale (and the usefulness scales with their "other" answer): one 100%
 * stacked bar, last year's under it where comparable.
 */
export const likert: ChartKindDefinition = stackedKind({
  questionKinds: ['likert', 'usefulness'],
  rowLabel: 'scope',
  showsPrevious: true,
  breaksDownPrevious: false,
  describe: (rows, decimals, words) => describeSingle(words.likert, rows, decimals, words),
  header: (t) => t.likert_header,
  layout: (block, decimals) => stackedLayout(block, decimals, 'fit', false),
});
