import type { TopLevelSpec } from 'vega-lite';
import { capHeight, measureText, wrapText, type FontWeight } from './text-metrics.ts';
import { theme, vegaLiteConfig } from './theme.ts';

/**
 * Shared pieces of every chart spec. The builders lay the chart out in points themselves (label
 * column, bars, counts, legend), measuring text with the PDF's font, so nothing is clipped and
 * the chart is exactly as wide as asked. Vega-Lite draws the marks with `scale: null` positions,
 * the answer colours through a colour scale (which also gives the legend).
 */

type LayerSpec = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];

export interface RectDatum {
  x: number;
  x2: number;
  y: number;
  y2: number;
  /** Answer label (coloured through the scale) or a literal colour (see rectLayer). */
  category: string;
}

export interface TextDatum {
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  fill: string;
}

export interface TextStyle {
  align: 'left' | 'center' | 'right';
  fontSize: number;
  fontWeight?: FontWeight;
}

/** Coordinates rounded to 1/100 pt: shorter SVG, no float noise. */
export function pt(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Line height in points for a font size. */
export function lineHeight(fontSize: number): number {
  return fontSize * theme.lineHeight;
}

/** Baseline that centres capitals and digits of one line on `centerY`. */
export function baselineAt(centerY: number, fontSize: number, weight: FontWeight = 'normal'): number {
  return pt(centerY + (capHeight(weight) * fontSize) / 2);
}

/** Text data for a block of lines whose top is `top`, left/right/centre anchored at `x`. */
export function lineData(lines: string[], x: number, top: number, fontSize: number, fill: string): TextDatum[] {
  const lh = lineHeight(fontSize);
  return lines.map((text, i) => ({ x: pt(x), y: baselineAt(top + lh * (i + 0.5), fontSize), text, fill }));
}

/** Rectangles coloured by an answer scale (with legend) or by a literal colour in `category`. */
export function rectLayer(data: string, colour: { domain: string[]; range: string[]; legend: LegendLayout | null } | 'literal'): LayerSpec {
  const color =
    colour === 'literal'
      ? { field: 'category', type: 'nominal' as const, scale: null }
      : {
          field: 'category',
          type: 'nominal' as const,
          scale: { domain: colour.domain, range: colour.range },
          legend: colour.legend
            ? {
                orient: 'none' as const,
                legendX: { expr: 'legendX' },
                legendY: { expr: 'legendY' },
                columns: colour.legend.columns,
                direction: 'horizontal' as const,
                title: null,
              }
            : null,
        };
  return {
    data: { name: data },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: null },
      x2: { field: 'x2' },
      y: { field: 'y', type: 'quantitative', scale: null },
      y2: { field: 'y2' },
      color,
    },
  };
}

export function textLayer(data: string, style: TextStyle): LayerSpec {
  return {
    data: { name: data },
    mark: {
      type: 'text',
      align: style.align,
      baseline: 'alphabetic',
      fontSize: style.fontSize,
      ...(style.fontWeight === 'bold' ? { fontWeight: 'bold' as const } : {}),
    },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: null },
      y: { field: 'y', type: 'quantitative', scale: null },
      text: { field: 'text', type: 'nominal' },
      color: { field: 'fill', type: 'nominal', scale: null },
    },
  };
}

/**
 * The top-level spec: exactly `width` points wide (fit-x, padding included), height from content.
 * Everything that varies from chart to chart of one kind is in `datasets`, `height` and `params`
 * (the legend's position), so render-svg can compile each shape once and swap those in.
 */
export function chartSpec(
  width: number,
  height: number,
  datasets: Record<string, object[]>,
  layers: LayerSpec[],
  legend?: LegendLayout | null,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height: pt(height),
    autosize: { type: 'fit-x', contains: 'padding' },
    config: vegaLiteConfig,
    ...(legend
      ? {
          params: [
            { name: 'legendX', value: legend.x },
            { name: 'legendY', value: legend.y },
          ],
        }
      : {}),
    datasets: datasets as TopLevelSpec['datasets'],
    layer: layers,
  } as TopLevelSpec;
}

// --- Label column -------------------------------------------------------------------------------

export interface LabelColumn {
  /** Width of the wrapped labels; 0 when no row has a label. */
  width: number;
  /** Where the next column starts (width + gutter, or 0). */
  end: number;
  lines: string[][];
}

/** No label column takes more than this share of the chart, whatever its words. */
const LABEL_COLUMN_LIMIT = 0.6;

/**
 * Wraps row labels into a label column. 'fixed': the column is `labelColumnFixed` of the chart
 * width whatever the labels; 'fit': as wide as the longest label, at most `labelColumnMax`.
 * Either way the column is widened (up to 60% of the chart) rather than cut a word in two.
 */
export function labelColumn(labels: string[], chartWidth: number, mode: 'fixed' | 'fit'): LabelColumn {
  const size = theme.fontSize.label;
  const longest = Math.max(0, ...labels.map((l) => measureText(l.trim(), size)));
  if (longest === 0) return { width: 0, end: 0, lines: labels.map(() => []) };
  const longestWord = Math.max(...labels.flatMap((l) => l.split(/\s+/).map((w) => measureText(w, size))));
  const share = mode === 'fixed' ? theme.layout.labelColumnFixed : theme.layout.labelColumnMax;
  const column = Math.min(Math.max(chartWidth * share, Math.ceil(longestWord)), chartWidth * LABEL_COLUMN_LIMIT);
  const width = mode === 'fixed' ? column : Math.min(Math.ceil(longest), column);
  return { width, end: width + theme.layout.gutter, lines: labels.map((l) => wrapText(l, width, size)) };
}

// --- Legend -------------------------------------------------------------------------------------

export interface LegendLayout {
  x: number;
  y: number;
  columns: number;
  /** Bottom edge of the legend: the chart's height. Vega leaves legends placed by x/y (orient
   * 'none') out of the autosized height, so the chart reserves the room itself. */
  bottom: number;
}

/** Width of one legend entry as Vega lays it out: symbol column (at least the font size), label offset, label. */
function legendEntryWidth(label: string): number {
  const symbolColumn = Math.max(Math.ceil(theme.legend.symbolSize), theme.fontSize.legend);
  return symbolColumn + theme.legend.labelOffset + measureText(label, theme.fontSize.legend);
}

/** Width of a row-major legend grid, each column as wide as its widest entry (Vega's 'each'). */
function legendGridWidth(labels: string[], columns: number): number {
  let total = (columns - 1) * theme.legend.columnPadding;
  for (let c = 0; c < columns; c++) {
    let widest = 0;
    for (let i = c; i < labels.length; i += columns) widest = Math.max(widest, legendEntryWidth(labels[i]!));
    total += widest;
  }
  return total;
}

/** Largest column count whose grid fits in `available` points (at least 1). */
function legendColumnsWithin(labels: string[], available: number): number {
  for (let columns = labels.length; columns > 1; columns--) {
    if (legendGridWidth(labels, columns) <= available) return columns;
  }
  return 1;
}

/**
 * Places the legend under the chart: aligned with the bars when all entries fit there in as many
 * columns as from the left edge, otherwise from the left edge; wraps into rows as needed.
 */
export function legendLayout(labels: string[], chartWidth: number, barsX: number, top: number): LegendLayout {
  const y = pt(top + theme.legend.marginTop);
  const underBars = legendColumnsWithin(labels, chartWidth - barsX);
  const fromEdge = legendColumnsWithin(labels, chartWidth);
  const [x, fitting] = underBars >= fromEdge ? [pt(barsX), underBars] : [0, fromEdge];
  // As few rows as fit, filled evenly (3 + 2 rather than 4 + 1).
  const rows = Math.ceil(labels.length / fitting);
  const even = Math.ceil(labels.length / rows);
  const columns = legendGridWidth(labels, even) <= chartWidth - x ? even : fitting;
  const entryHeight = Math.max(Math.ceil(theme.legend.symbolSize), theme.fontSize.legend);
  return { x, y, columns, bottom: pt(y + rows * entryHeight + (rows - 1) * theme.legend.rowPadding) };
}
