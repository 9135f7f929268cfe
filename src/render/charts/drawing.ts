import type { FontWeight } from './text-metrics.ts';

/**
 * A chart as a list of vector drawing operations, recorded from Vega's scene graph (see
 * drawing-recorder.ts) and replayed into the PDF (src/render/pdf/draw-chart.ts). Plain data: small,
 * comparable, cacheable. Coordinates are in points, y downwards, from the chart's top-left corner.
 */

/** A path as flat segments: ['M', x, y], ['L', x, y], ['C', x1, y1, x2, y2, x, y], ['Z']. */
export type PathSegment = ['M', number, number] | ['L', number, number] | ['C', number, number, number, number, number, number] | ['Z'];

/** A colour as PDFKit takes it (#rrggbb or a CSS colour name) with its opacity, 0–1. */
export interface Paint {
  color: string;
  opacity: number;
}

export interface StrokeStyle extends Paint {
  width: number;
  cap: 'butt' | 'round' | 'square';
  join: 'miter' | 'round' | 'bevel';
  miterLimit: number;
  dash: number[];
  dashOffset: number;
}

/** [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f (canvas and PDF order). */
export type Matrix = [number, number, number, number, number, number];

/**
 * Paths are in chart coordinates. A stroke or text drawn under a rotation or scaling carries that
 * `matrix`; its coordinates are then in the matrix's space.
 */
export type DrawOp =
  | { op: 'save' }
  | { op: 'restore' }
  | { op: 'clip'; path: PathSegment[] }
  | { op: 'fill'; path: PathSegment[]; paint: Paint }
  | { op: 'stroke'; path: PathSegment[]; stroke: StrokeStyle; matrix?: Matrix }
  /** One line of text; `x` is where `align` anchors it, `y` its baseline. */
  | { op: 'text'; text: string; x: number; y: number; align: 'left' | 'center' | 'right'; size: number; weight: FontWeight; italic: boolean; family: string; paint: Paint; matrix?: Matrix };

export interface ChartDrawing {
  kind: 'chart-drawing';
  /** Points. */
  width: number;
  height: number;
  ops: DrawOp[];
}

export function isChartDrawing(value: unknown): value is ChartDrawing {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'chart-drawing';
}
