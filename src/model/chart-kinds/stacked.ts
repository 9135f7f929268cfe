import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import { roundTo } from '../../analyse/rounding.ts';
import type { ReportTemplates } from '../../load/report-templates.ts';
import type { ChartBlock, ChartRow, MeasuredResult } from '../report-types.ts';
import type { BarResult, ChartKindDefinition, ChartLayout, ChartTableWords, WebTable } from './chart-kind.ts';

/**
 * What the stacked-bar kinds (likert, yesno, segments, value-summary) share: a row per group with
 * its distribution over the answers, and last year's under it.
 */

export const pct = (decimals: number) => (v: number | null) => (v === null ? '–' : formatPercent(v, decimals));
export const nOf = (x: { n: number }) => `N = ${formatNumber(x.n)}`;

/** "63% positief, 25% neutraal, 12% negatief" or "56% ja". */
export function shares(r: MeasuredResult, decimals: number): string {
  const p = pct(decimals);
  return r.yes !== null ? `${p(r.yes)} ja` : `${p(r.positive)} positief, ${p(r.neutral)} neutraal, ${p(r.negative)} negatief`;
}

/** One chart of one group: "<kind> voor <label>: <shares> (N = …). In 2018: …". */
export function describeSingle(kind: string, rows: ChartRow[], decimals: number): string {
  const r = rows[0]!;
  const previous = r.previous ? ` In ${r.previous.year}: ${shares(r.previous, decimals)} (${nOf(r.previous)}).` : '';
  return `${kind} voor ${r.label}: ${shares(r, decimals)} (${nOf(r)}).${previous}`;
}

/** Several rows: the positive share per row; the full distribution is in the appendix table. */
export function describeRows(what: string, rows: ChartRow[], decimals: number): string {
  const p = pct(decimals);
  return `${what}, aandeel positief: ${rows.map((r) => `${r.label} ${p(r.positive)} (${nOf(r)})`).join('; ')}.`;
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
    const named = (y: number) => (single ? String(y) : words.previousRow.replace('{label}', label).replace('{jaar}', String(y)));
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
