import type { TopLevelSpec } from 'vega-lite';
import {
  baselineAt,
  chartSpec,
  labelColumn,
  lineData,
  lineHeight,
  pt,
  rectLayer,
  textLayer,
  type RectDatum,
  type TextDatum,
} from './marks.ts';
import { measureText, wrapText } from './text-metrics.ts';
import { theme } from './theme.ts';

/**
 * Plain horizontal bars, shared by the multiselect and respondents charts: wrapped label, a bar
 * proportional to `value` (full width at `scaleMax`, else the longest bar fills the space), its text right after the bar end,
 * and an optional note under the chart.
 */

export interface SimpleBar {
  label: string;
  value: number;
  /** Printed after the bar, e.g. "43,9%" or "269 (43,9%)". */
  text: string;
}

/** `scaleMax`: the value of a full-width bar; shares use 100 so a 67% bar never looks like all. */
export function simpleBarsSpec(bars: SimpleBar[], width: number, colour: string, note?: string, scaleMax?: number): TopLevelSpec {
  const sizes = theme.fontSize;
  const gutter = theme.layout.gutter;
  const dark = theme.colours.text.dark;
  const labels = labelColumn(
    bars.map((b) => b.label),
    width,
    'fit',
  );
  const valueColumn = Math.ceil(Math.max(0, ...bars.map((b) => measureText(b.text, sizes.value)))) + gutter / 2;
  const barsX = labels.end;
  const barsSpace = width - valueColumn - gutter / 2 - barsX;
  if (barsSpace < 40) throw new Error(`Grafiek te smal: ${width} pt laat ${pt(barsSpace)} pt voor de balken.`);
  const max = scaleMax ?? Math.max(0, ...bars.map((b) => b.value));

  const rects: RectDatum[] = [];
  const values: TextDatum[] = [];
  const rowLabels: TextDatum[] = [];
  const notes: TextDatum[] = [];
  const barHeight = theme.bar.simpleHeight;
  let y = 0;
  bars.forEach((b, i) => {
    const lines = labels.lines[i] ?? [];
    const labelHeight = lines.length * lineHeight(sizes.label);
    const rowHeight = Math.max(labelHeight, barHeight);
    const top = y + (rowHeight - barHeight) / 2;
    const end = barsX + (max > 0 ? (barsSpace * b.value) / max : 0);
    rowLabels.push(...lineData(lines, 0, y + (rowHeight - labelHeight) / 2, sizes.label, dark));
    if (end > barsX) rects.push({ x: pt(barsX), x2: pt(end), y: pt(top), y2: pt(top + barHeight), category: colour });
    values.push({ x: pt(end + gutter / 2), y: baselineAt(top + barHeight / 2, sizes.value), text: b.text, fill: dark });
    y += rowHeight + (i < bars.length - 1 ? theme.bar.simpleRowGap : 0);
  });

  if (note) {
    const noteLines = wrapText(note, width, sizes.note);
    const top = y + theme.note.marginTop;
    notes.push(...lineData(noteLines, 0, top, sizes.note, theme.colours.text.muted));
    y = top + noteLines.length * lineHeight(sizes.note);
  }

  return chartSpec(width, y, { rects, values, rowLabels, notes }, [
    rectLayer('rects', 'literal'),
    textLayer('values', { align: 'left', fontSize: sizes.value }),
    textLayer('rowLabels', { align: 'left', fontSize: sizes.label }),
    textLayer('notes', { align: 'left', fontSize: sizes.note }),
  ]);
}
