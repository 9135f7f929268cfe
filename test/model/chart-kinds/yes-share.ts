import { formatNumber, formatPercent } from '../../../src/analyse/dutch-number.ts';
import type { ChartKindDefinition } from '../../../src/model/chart-kinds/chart-kind.ts';

/**
 * A small extra chart kind, as a test adds it: a yes/no question as one plain bar with the share
 * that answered 'Ja'. Its module is this file; its registry entry is one line,
 * `chartKinds({ 'ja-aandeel': yesShare })`, passed to the build.
 */
export const yesShare: ChartKindDefinition = {
  questionKinds: ['yesno'],
  rowLabel: 'scope',
  showsPrevious: false,
  breaksDownPrevious: false,
  sharesAddUp: false,
  answerColours: false,
  describe: (rows, decimals) => `Balk met het aandeel ja voor ${rows[0]!.label}: ${formatPercent(rows[0]!.yes ?? 0, decimals)} (N = ${formatNumber(rows[0]!.n)}).`,
  needsDataTable: () => false,
  appendixTable: () => ({ header: [], align: [], rows: [] }),
  webTable: (block, words, decimals) => ({
    head: [words.rowHeader, words.percentageHeader, words.nHeader],
    rows: block.rows.map((r) => ({ header: r.label || words.allRespondents, cells: [formatPercent(r.yes ?? 0, decimals), formatNumber(r.n)] })),
  }),
  layout: (block, decimals) => ({
    form: 'plain-bars',
    colour: 'multiselect',
    bars: block.rows.map((r) => ({ label: 'Ja', value: r.yes ?? 0, text: formatPercent(r.yes ?? 0, decimals) })),
    scaleMax: 100,
  }),
};
