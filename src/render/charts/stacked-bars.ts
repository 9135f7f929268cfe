import type { TopLevelSpec } from 'vega-lite';
import type { BarResult, StackedRow } from '../../model/chart-kinds/chart-kind.ts';
import {
  baselineAt,
  chartSpec,
  labelColumn,
  legendLayout,
  lineData,
  lineHeight,
  pt,
  rectLayer,
  textLayer,
  type RectDatum,
  type TextDatum,
} from './marks.ts';
import { measureText } from './text-metrics.ts';
import { answerColour, formatN, formatPercent, textColourOn, theme } from './theme.ts';
import type { ChartOptions } from './types.ts';

/**
 * 100% stacked horizontal bars, one per row (plus last year's under it): the layout 'stacked-bars'
 * of the Likert, segment, value-summary and yes/no charts (src/model/chart-kinds/). Columns from left to right: wrapped row label, year
 * of last year's bar (only when a row has one), the bar, "N = …" right-aligned.
 */

interface Bar {
  result: BarResult;
  top: number;
  height: number;
  year?: string;
}

/** Answer labels of all rows in scale order (the order of `counts`), each once. */
export function answerOrder(rows: StackedRow[]): string[] {
  const order: string[] = [];
  for (const row of rows) {
    for (const a of [row.result, row.previous]) {
      if (!a) continue;
      for (const label of Object.keys(a.counts)) if (!order.includes(label)) order.push(label);
    }
  }
  return order;
}

export function stackedBarsSpec(rows: StackedRow[], options: ChartOptions, labelMode: 'fixed' | 'fit'): TopLevelSpec {
  const { width, decimals } = options;
  const sizes = theme.fontSize;
  const bar = theme.bar;
  const gutter = theme.layout.gutter;
  const hasPrevious = rows.some((r) => r.previous);
  const yearLabel = options.previousYearLabel ?? theme.texts.previousYear;

  const nTexts = rows.flatMap((r) => [r.result, ...(r.previous ? [r.previous] : [])]).map((a) => formatN(a.n));
  const nColumn = Math.ceil(Math.max(0, ...nTexts.map((t) => measureText(t, sizes.count)))) + gutter;
  const labels = labelColumn(
    rows.map((r) => r.label),
    width,
    labelMode,
  );
  const currentLabel = options.currentYearLabel;
  const yearColumn = hasPrevious ? Math.ceil(Math.max(measureText(yearLabel, sizes.value), currentLabel ? measureText(currentLabel, sizes.value) : 0)) + gutter : 0;
  const barsX = labels.end + yearColumn;
  const barsEnd = width - nColumn;
  if (barsEnd - barsX < 40) {
    throw new Error(`Grafiek te smal: ${width} pt laat ${pt(barsEnd - barsX)} pt voor de balken.`);
  }

  const rects: RectDatum[] = [];
  const values: TextDatum[] = [];
  const rowLabels: TextDatum[] = [];
  const years: TextDatum[] = [];
  const counts: TextDatum[] = [];
  const dark = theme.colours.text.dark;
  const muted = theme.colours.text.muted;

  let y = 0;
  rows.forEach((row, i) => {
    const lines = labels.lines[i] ?? [];
    const labelHeight = lines.length * lineHeight(sizes.label);
    const barsHeight = bar.height + (row.previous ? bar.previousGap + bar.previousHeight : 0);
    const rowHeight = Math.max(labelHeight, barsHeight);
    const barsTop = y + (rowHeight - barsHeight) / 2;
    rowLabels.push(...lineData(lines, 0, y + (rowHeight - labelHeight) / 2, sizes.label, dark));

    const bars: Bar[] = [{ result: row.result, top: barsTop, height: bar.height, ...(row.previous && currentLabel ? { year: currentLabel } : {}) }];
    if (row.previous) {
      bars.push({ result: row.previous, top: barsTop + bar.height + bar.previousGap, height: bar.previousHeight, year: yearLabel });
    }
    for (const b of bars) {
      const centre = b.top + b.height / 2;
      rects.push(...segments(b, barsX, barsEnd, options, values));
      counts.push({ x: width, y: baselineAt(centre, sizes.count), text: formatN(b.result.n), fill: muted });
      if (b.year) years.push({ x: pt(barsX - gutter / 2), y: baselineAt(centre, sizes.value), text: b.year, fill: muted });
    }
    y += rowHeight + (i < rows.length - 1 ? bar.rowGap : 0);
  });

  const domain = answerOrder(rows);
  const legend = legendLayout(domain, width, barsX, y);
  return chartSpec(width, legend.bottom, { rects, values, rowLabels, years, counts }, [
    rectLayer('rects', { domain, range: domain.map((label) => answerColour(label, options.tones)), legend }),
    textLayer('values', { align: 'center', fontSize: sizes.value }),
    textLayer('rowLabels', { align: 'left', fontSize: sizes.label }),
    textLayer('years', { align: 'right', fontSize: sizes.value }),
    textLayer('counts', { align: 'right', fontSize: sizes.count }),
  ], legend);
}

/** The segments of one bar; pushes the percentage labels that fit inside their segment. */
function segments(b: Bar, x0: number, x1: number, options: ChartOptions, values: TextDatum[]): RectDatum[] {
  const { decimals } = options;
  const { result } = b;
  const labels = Object.keys(result.counts);
  const total = labels.reduce((sum, l) => sum + (result.percentages[l] ?? 0), 0);
  if (total <= 0) return [];
  const size = theme.fontSize.value;
  const padding = theme.bar.valuePadding;
  const rects: RectDatum[] = [];
  let cumulative = 0;
  for (const label of labels) {
    const share = result.percentages[label] ?? 0;
    if (share <= 0) continue;
    const left = x0 + ((x1 - x0) * cumulative) / total;
    cumulative += share;
    const right = x0 + ((x1 - x0) * cumulative) / total;
    rects.push({ x: pt(left), x2: pt(right), y: pt(b.top), y2: pt(b.top + b.height), category: label });
    const text = formatPercent(result.display[label] ?? share, decimals);
    const fits = measureText(text, size) + 2 * padding <= right - left && b.height >= size;
    if (fits) {
      values.push({
        x: pt((left + right) / 2),
        y: baselineAt(b.top + b.height / 2, size),
        text,
        fill: textColourOn(answerColour(label, options.tones)),
      });
    }
  }
  return rects;
}
