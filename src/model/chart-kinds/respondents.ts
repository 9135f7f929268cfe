import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import type { ChartRow } from '../report-types.ts';
import type { ChartKindDefinition } from './chart-kind.ts';
import { fillText } from '../../load/text-template.ts';
import { nOf } from './stacked.ts';

/** A product's share as the response table prints it. */
const shown = (r: ChartRow) => r.display?.respondenten ?? r.percentages.respondenten ?? 0;

/**
 * The shares are rounded once, to the response table's one decimal (`shownResponseShares`);
 * printing them with the edition's chart decimals would round them a second time (12,46 → 12,5 → 13).
 */
const SHARE_DECIMALS = 1;

/**
 * Respondents per product (Deel II): a bar per product with "269 (43,9%)" after it. Each row's
 * count is `counts.respondenten`, its share of all respondents `percentages.respondenten` (as the
 * response table prints it: `display.respondenten`), and its `n` all respondents.
 */
export const respondents: ChartKindDefinition = {
  questionKinds: [],
  rowLabel: 'product',
  showsPrevious: false,
  breaksDownPrevious: false,
  sharesAddUp: 'across-bars',
  answerColours: false,
  describe(rows, _decimals, words) {
    const n = rows[0]?.n ?? 0;
    const products = rows.map((r) => fillText(words.product, { product: r.label, aantal: formatNumber(r.counts.respondenten ?? 0), aandeel: formatPercent(shown(r), SHARE_DECIMALS) }));
    return fillText(words.respondents, { n: nOf({ n }, words), producten: products.join(', ') });
  },
  needsDataTable: (block) => block.rows.length > 1,
  appendixTable(block, t) {
    return {
      header: t.respondents_header,
      align: ['left', 'right', 'right'],
      rows: block.rows.map((r) => [r.label, formatNumber(r.counts.respondenten ?? 0), r.display?.respondenten === undefined && r.percentages.respondenten === undefined ? '–' : formatPercent(shown(r), SHARE_DECIMALS)]),
    };
  },
  webTable(block, words) {
    return {
      head: [words.rowHeader, words.respondentsHeader, words.shareHeader],
      rows: block.rows.map((r) => ({
        header: r.label,
        cells: [formatNumber(r.counts.respondenten ?? 0), formatPercent(shown(r), SHARE_DECIMALS)],
      })),
    };
  },
  layout(block) {
    return {
      form: 'plain-bars',
      colour: 'respondents',
      bars: block.rows.map((r) => {
        const responded = r.counts.respondenten ?? 0;
        return { label: r.label, value: responded, text: `${formatNumber(responded)} (${formatPercent(shown(r), SHARE_DECIMALS)})` };
      }),
    };
  },
};
