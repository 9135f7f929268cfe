import type { ChartBlock } from '../../model/report-types.ts';
import type { ChartKindDefinition } from '../../model/chart-kinds/chart-kind.ts';
import type { HtmlLabels } from './assets.ts';
import { esc } from './escape.ts';

/**
 * A chart's numbers as a plain data table, for readers who cannot see the chart or want the exact
 * figures: the same percentages as the chart (the edition's chart decimals, the report's one
 * rounding rule) with N per row. Built from the chart block of the report model only; its kind
 * (src/model/chart-kinds/) says which rows and columns.
 */
export interface TableOptions {
  decimals: number;
  labels: HtmlLabels;
  /** This edition's year, for the rows of a comparison with last year. */
  year: number;
  /** The block's chart kind: it says the table's rows and columns. */
  kind: ChartKindDefinition;
}

export function chartTable(block: ChartBlock, captionId: string, opts: TableOptions): string {
  const { labels } = opts;
  const { head, rows } = opts.kind.webTable(block, labels, opts.decimals, opts.year);
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
