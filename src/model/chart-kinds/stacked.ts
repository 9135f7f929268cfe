import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import { roundTo } from '../../analyse/rounding.ts';
import type { ReportTemplates } from '../../load/report-templates.ts';
import type { ChartBlock, ChartRow, MeasuredResult } from '../report-types.ts';
import { fillText } from '../../load/text-template.ts';
import type { AltTextWords, BarResult, ChartKindDefinition, ChartLayout, ChartTableWords, WebTable } from './chart-kind.ts';

/**
 * What the stacked-bar kinds (likert, yesno, segments, value-summary) share: a row per group with
 * its distribution over the answers, and last year's under it.
 */

export const pct = (decimals: number) => (v: number | null) => (v === null ? '–' : formatPercent(v, decimals));
/** "N = 484" (alt_text.n). */
export const nOf = (x: { n: number }, words: AltTextWords) => fillText(words.n, { n: formatNumber(x.n) });

/** "63% positief, 25% neutraal, 12% negatief" or "56% ja". */
export function shares(r: MeasuredResult, decimals: number, words: AltTextWords): string {
  const p = pct(decimals);
  return r.yes !== null ? fillText(words.shares_yes, { ja: p(r.yes) }) : fillText(words.shares, { positief: p(r.positive), neutraal: p(r.neutral), negatief: p(r.negative) });
}

/** One chart of one group: "<kind> voor <label>: <shares> (N = …). In 2018: …" (`sentence` and alt_text.previous). */
export function describeSingle(sentence: string, rows: ChartRow[], decimals: number, words: AltTextWords): string {
  const r = rows[0]!;
  const main = fillText(sentence, { groep: r.label, aandelen: shares(r, decimals, words), n: nOf(r, words) });
  if (!r.previous) return main;
  return `${main} ${fillText(words.previous, { vorig_jaar: r.previous.year, aandelen: shares(r.previous, decimals, words), n: nOf(r.previous, words) })}`;
}

/** Several rows: the positive share per row (alt_text.row); the full distribution is in the appendix table. */
export function describeRows(sentence: string, rows: ChartRow[], decimals: number, words: AltTextWords): string {
  const p = pct(decimals);
  return fillText(sentence, { rijen: rows.map((r) => fillText(words.row, { label: r.label, positief: p(r.positive), n: nOf(r, words) })).join('; ') });
}

/** The appendix table: a row per group (and last year's), positive, neutral, negative and N. */
export function sharesTable(block: ChartBlock, header: string[], decimals: number): ReturnType<ChartKindDefinition['appendixTable']> {
  const p = pct(decimals);
  const rows: string[][] = [];
  for (const r of block.rows) {
    rows.push([r.label, p(r.positive), p(r.neutral), p(r.negative), formatNumber(r.n)]);
    if (r.previous) rows.push([`${r.label} (${r.previous.year})`, p(r.previous.positive), p(r.previous.neutral), p(r.previous.negative), formatNumber(r.previous.n)]);
  }
  return { header, align: ['left', 'right', 'right', 'right', 'right'], rows };
}

/** Answer labels of all rows in the order of their counts (the answer scale), each once. */
function answerOrder(block: ChartBlock): string[] {
  const order: string[] = [];
  for (const r of block.rows) {
    for (const result of [r, r.previous]) {
      if (!result) continue;
      for (const label of Object.keys(result.counts)) if (!order.includes(label)) order.push(label);
    }
  }
  return order;
}

/** The web table: one row per group (and last year's result under it), one column per answer, then N. */
export function answersTable(block: ChartBlock, words: ChartTableWords, decimals: number, year: number): WebTable {
  const answers = answerOrder(block);
  const cells = (r: MeasuredResult) => [...answers.map((a) => (a in r.counts ? formatPercent(r.percentages[a] ?? 0, decimals) : '–')), formatNumber(r.n)];
  const single = block.rows.length === 1;
  const rows = block.rows.flatMap((r) => {
    const label = r.label || words.allRespondents;
    if (!r.previous) return [{ header: label, cells: cells(r) }];
    const named = (y: number) => (single ? String(y) : fillText(words.previousRow, { label, jaar: y }));
    return [
      { header: named(year), cells: cells(r) },
      { header: named(r.previous.year), cells: cells(r.previous) },
    ];
  });
  return { head: [words.rowHeader, ...answers, words.nHeader], rows };
}

/** A model result as a bar: the printed shares are the model's, else each share rounded. */
export function barResult(r: MeasuredResult, decimals: number): BarResult {
  return {
    n: r.n,
    counts: r.counts,
    percentages: r.percentages,
    display: r.display ?? Object.fromEntries(Object.entries(r.percentages).map(([k, v]) => [k, roundTo(v, decimals)])),
  };
}

/** Stacked bars of the block's rows; `labelled: false` leaves the label column empty (one statement). */
export function stackedLayout(block: ChartBlock, decimals: number, labels: 'fit' | 'fixed', labelled: boolean): ChartLayout {
  return {
    form: 'stacked-bars',
    labels,
    rows: block.rows.map((r) => ({
      label: labelled ? r.label : '',
      result: barResult(r, decimals),
      ...(r.previous ? { previous: barResult(r.previous, decimals) } : {}),
    })),
  };
}

/** The parts every stacked-bar kind has in common. */
export function stackedKind(
  parts: Pick<ChartKindDefinition, 'questionKinds' | 'rowLabel' | 'showsPrevious' | 'breaksDownPrevious' | 'describe' | 'layout'> & {
    header: (t: ReportTemplates['appendix']) => string[];
  },
): ChartKindDefinition {
  const { header, ...rest } = parts;
  return {
    ...rest,
    sharesAddUp: 'per-bar',
    answerColours: true,
    needsDataTable: (block) => block.rows.length > 1,
    appendixTable: (block, t, decimals) => sharesTable(block, header(t), decimals),
    webTable: answersTable,
  };
}
