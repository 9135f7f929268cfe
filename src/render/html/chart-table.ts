import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import type { ChartBlock, MeasuredResult } from '../../model/report-types.ts';
import type { HtmlLabels } from './assets.ts';
import { esc } from './escape.ts';

/**
 * A chart's numbers as a plain data table, for readers who cannot see the chart or want the exact
 * figures: the same percentages as the chart (the edition's chart decimals, the report's one
 * rounding rule) with N per row. Built from the chart block of the report model only.
 */
export interface TableOptions {
  decimals: number;
  labels: HtmlLabels;
  /** This edition's year, for the rows of a comparison with last year. */
  year: number;
}

interface Row {
  header: string;
  cells: string[];
}

export function chartTable(block: ChartBlock, captionId: string, opts: TableOptions): string {
  const { labels } = opts;
  let head: string[];
  let rows: Row[];
  if (block.chart === 'respondents') {
    head = [labels.rowHeader, labels.respondentsHeader, labels.shareHeader];
    rows = block.rows.map((r) => ({
      header: r.label,
      cells: [formatNumber(r.counts.respondenten ?? 0), formatPercent(r.display?.respondenten ?? r.percentages.respondenten ?? 0, opts.decimals)],
    }));
  } else if (block.chart === 'multiselect') {
    // One group, several answers: one answer per row.
    const row = block.rows[0]!;
    head = [labels.answerHeader, labels.percentageHeader, labels.countHeader];
    rows = Object.keys(row.counts).map((answer) => ({
      header: answer,
      cells: [formatPercent(row.percentages[answer] ?? 0, opts.decimals), formatNumber(row.counts[answer] ?? 0)],
    }));
  } else {
    // One row per group (and last year's result under it), one column per answer, then N.
    const answers = answerOrder(block);
    head = [labels.rowHeader, ...answers, labels.nHeader];
    const cells = (r: MeasuredResult) => [...answers.map((a) => (a in r.counts ? formatPercent(r.percentages[a] ?? 0, opts.decimals) : '–')), formatNumber(r.n)];
    const single = block.rows.length === 1;
    rows = block.rows.flatMap((r) => {
      const label = r.label || labels.allRespondents;
      if (!r.previous) return [{ header: label, cells: cells(r) }];
      const named = (year: number) => (single ? String(year) : labels.previousRow.replace('{label}', label).replace('{jaar}', String(year)));
      return [
        { header: named(opts.year), cells: cells(r) },
        { header: named(r.previous.year), cells: cells(r.previous) },
      ];
    });
  }
  const caption = block.caption ? `${labels.tableCaption}: ${block.caption}` : labels.tableCaption;
  return [
    `<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">`,
    // Shown to screen readers only: on screen the figure's caption and the summary say it already.
    `<table><caption id="${captionId}" class="visually-hidden">${esc(caption)}</caption>`,
    `<thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr><th scope="row">${esc(r.header)}</th>${r.cells.map((c) => `<td class="num">${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table></div>',
  ].join('');
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
