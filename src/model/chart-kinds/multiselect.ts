import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import type { ChartKindDefinition } from './chart-kind.ts';
import { nOf, pct } from './stacked.ts';
import { fillText } from '../../load/text-template.ts';

/**
 * A multiselect question: a bar per option (questionnaire order) with the share of N that ticked
 * it; the shares do not add up to 100, which the note under the chart says.
 */
export const multiselect: ChartKindDefinition = {
  questionKinds: ['multiselect'],
  rowLabel: 'scope',
  showsPrevious: false,
  breaksDownPrevious: false,
  sharesAddUp: false,
  answerColours: false,
  describe(rows, decimals, words) {
    const r = rows[0]!;
    const answers = Object.entries(r.percentages).map(([k, v]) => fillText(words.answer, { antwoord: k, percentage: pct(decimals)(v) }));
    return fillText(words.multiselect, { n: nOf(r, words), antwoorden: answers.join(', ') });
  },
  needsDataTable: () => true,
  appendixTable(block, t, decimals) {
    const r = block.rows[0]!;
    return {
      header: t.multiselect_header,
      align: ['left', 'right', 'right'],
      rows: [...Object.entries(r.percentages).map(([answer, p]) => [answer, formatNumber(r.counts[answer] ?? 0), pct(decimals)(p)]), [t.multiselect_n, formatNumber(r.n), '']],
    };
  },
  webTable(block, words, decimals) {
    // One group, several answers: one answer per row.
    const row = block.rows[0]!;
    return {
      head: [words.answerHeader, words.percentageHeader, words.countHeader],
      rows: Object.keys(row.counts).map((answer) => ({
        header: answer,
        cells: [formatPercent(row.percentages[answer] ?? 0, decimals), formatNumber(row.counts[answer] ?? 0)],
      })),
    };
  },
  layout(block, decimals) {
    const r = block.rows[0]!;
    return {
      form: 'plain-bars',
      colour: 'multiselect',
      bars: Object.keys(r.counts).map((label) => {
        const share = r.percentages[label] ?? 0;
        return { label, value: share, text: formatPercent(r.display?.[label] ?? share, decimals) };
      }),
      note: { kind: 'multiple-answers', n: r.n },
      scaleMax: 100,
    };
  },
};
