import type { ChartDrawing, DrawOp, Paint, PathSegment, StrokeStyle } from './drawing.ts';
import { weightOf } from './text-metrics.ts';

/**
 * A stand-in for a canvas 2D context that Vega's canvas renderer draws into (its `externalContext`
 * option): every call becomes a DrawOp. Covers what Vega's marks use for flat vector charts —
 * paths, rectangles, arcs, text, transforms, clipping, opacity, dashes. Gradients, images,
 * blend modes and stroked text are refused loudly instead of being drawn wrong.
 *
 * As on a canvas, path points are fixed by the transformation current when they are added (Vega
 * translates, defines a symbol, translates back, then fills): the recorder keeps the
 * transformation itself and records paths in chart coordinates. Only text and strokes, which the
 * transformation also shapes, carry it along when it is more than a translation.
 */

interface State {
  fillStyle: unknown;
  strokeStyle: unknown;
  globalAlpha: number;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  lineDashOffset: number;
  dash: number[];
  font: string;
  textAlign: string;
  textBaseline: string;
  globalCompositeOperation: string;
  /** The current transformation, [a, b, c, d, e, f] as in canvas `transform`. */
  matrix: Matrix;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const INITIAL: State = {
  fillStyle: '#000000',
  strokeStyle: '#000000',
  globalAlpha: 1,
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  miterLimit: 10,
  lineDashOffset: 0,
  dash: [],
  font: '10px sans-serif',
  textAlign: 'start',
  textBaseline: 'alphabetic',
  globalCompositeOperation: 'source-over',
  matrix: IDENTITY,
};

function unsupported(what: string): Error {
  return new Error(`Grafiek tekenen: ${what} wordt niet ondersteund (alleen vlakke kleuren, paden en tekst).`);
}

/** A CSS colour → PDFKit colour and opacity; null for transparent. */
export function parseColor(value: unknown): { color: string; opacity: number } | null {
  if (typeof value !== 'string') throw unsupported(`kleur ${JSON.stringify(value)}`);
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'none' || v === 'transparent') return null;
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (m) return { color: v, opacity: 1 };
  m = /^#([0-9a-f]{6})([0-9a-f]{2})$/.exec(v);
  if (m) return { color: `#${m[1]}`, opacity: parseInt(m[2]!, 16) / 255 };
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(v);
  if (m) {
    const hex = [m[1], m[2], m[3]].map((c) => Math.max(0, Math.min(255, Math.round(Number(c)))).toString(16).padStart(2, '0')).join('');
    return { color: `#${hex}`, opacity: m[4] === undefined ? 1 : Number(m[4]) };
  }
  if (/^[a-z]+$/.test(v)) return { color: v, opacity: 1 };
  throw unsupported(`kleur '${value}'`);
}

/** "bold 8.5px Roboto" → size, weight, style, family (the shorthand Vega writes, see vega-scenegraph font()). */
function parseFont(font: string): { size: number; weight: 'normal' | 'bold'; italic: boolean; family: string } {
  const m = /^(.*?)([\d.]+)px\s+(.+)$/.exec(font.trim());
  if (!m) throw unsupported(`lettertype '${font}'`);
  const words = m[1]!.trim().split(/\s+/).filter(Boolean);
  const italic = words.includes('italic') || words.includes('oblique');
  const weightWord = words.find((w) => w !== 'italic' && w !== 'oblique' && w !== 'normal' && w !== 'small-caps');
  return { size: Number(m[2]), weight: weightOf(weightWord), italic, family: m[3]!.replace(/["']/g, '').trim() };
}

export class DrawingRecorder {
  readonly ops: DrawOp[] = [];
  private state: State = { ...INITIAL, dash: [], matrix: [...IDENTITY] };
  private readonly stack: State[] = [];
  /** The path being built, in chart coordinates. */
  private path: PathSegment[] = [];
  /** Vega reads it when clipping to dirty regions (not on a first render). */
  readonly pixelRatio = 1;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    // Like an SVG viewport: nothing is drawn outside the chart's box.
    this.ops.push({ op: 'save' }, { op: 'clip', path: [['M', 0, 0], ['L', width, 0], ['L', width, height], ['L', 0, height], ['Z']] });
  }

  drawing(): ChartDrawing {
    return { kind: 'chart-drawing', width: this.width, height: this.height, ops: [...this.ops, { op: 'restore' }] };
  }

  // --- state -----------------------------------------------------------------------------------
  get fillStyle(): unknown { return this.state.fillStyle; }
  set fillStyle(v: unknown) { this.state.fillStyle = v; }
  get strokeStyle(): unknown { return this.state.strokeStyle; }
  set strokeStyle(v: unknown) { this.state.strokeStyle = v; }
  get globalAlpha(): number { return this.state.globalAlpha; }
  set globalAlpha(v: number) { this.state.globalAlpha = v; }
  get lineWidth(): number { return this.state.lineWidth; }
  set lineWidth(v: number) { this.state.lineWidth = v; }
  get lineCap(): string { return this.state.lineCap; }
  set lineCap(v: string) { this.state.lineCap = v; }
  get lineJoin(): string { return this.state.lineJoin; }
  set lineJoin(v: string) { this.state.lineJoin = v; }
  get miterLimit(): number { return this.state.miterLimit; }
  set miterLimit(v: number) { this.state.miterLimit = v; }
  get lineDashOffset(): number { return this.state.lineDashOffset; }
  set lineDashOffset(v: number) { this.state.lineDashOffset = v; }
  get font(): string { return this.state.font; }
  set font(v: string) { this.state.font = v; }
  get textAlign(): string { return this.state.textAlign; }
  set textAlign(v: string) { this.state.textAlign = v; }
  get textBaseline(): string { return this.state.textBaseline; }
  set textBaseline(v: string) { this.state.textBaseline = v; }
  get globalCompositeOperation(): string { return this.state.globalCompositeOperation; }
  set globalCompositeOperation(v: string) {
    if (v !== 'source-over') throw unsupported(`mengmodus '${v}'`);
    this.state.globalCompositeOperation = v;
  }
  setLineDash(dash: number[]): void { this.state.dash = [...dash]; }
  getLineDash(): number[] { return [...this.state.dash]; }

  save(): void {
    this.stack.push({ ...this.state, dash: [...this.state.dash], matrix: [...this.state.matrix] });
    this.ops.push({ op: 'save' });
  }

  restore(): void {
    const s = this.stack.pop();
    if (!s) return;
    this.state = s;
    this.ops.push({ op: 'restore' });
  }

  // --- transforms ------------------------------------------------------------------------------
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const [ma, mb, mc, md, me, mf] = this.state.matrix;
    this.state.matrix = [ma * a + mc * b, mb * a + md * b, ma * c + mc * d, mb * c + md * d, ma * e + mc * f + me, mb * e + md * f + mf];
  }
  translate(x: number, y: number): void { this.transform(1, 0, 0, 1, x, y); }
  scale(x: number, y: number): void { this.transform(x, 0, 0, y, 0, 0); }
  rotate(angle: number): void {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform(cos, sin, -sin, cos, 0, 0);
  }
  setTransform(): void { throw unsupported('setTransform'); }

  // --- paths -----------------------------------------------------------------------------------
  beginPath(): void { this.path = []; }
  closePath(): void { if (this.path.length) this.path.push(['Z']); }
  moveTo(x: number, y: number): void { this.path.push(['M', ...this.point(x, y)]); }
  lineTo(x: number, y: number): void { this.path.push([this.path.length ? 'L' : 'M', ...this.point(x, y)]); }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    if (!this.path.length) this.moveTo(x1, y1);
    this.path.push(['C', ...this.point(x1, y1), ...this.point(x2, y2), ...this.point(x, y)]);
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    const last = this.path[this.path.length - 1];
    if (!last || last[0] === 'Z') return this.bezierCurveTo(cx, cy, x, y, x, y);
    // The current point back in user coordinates, to raise the curve to a cubic one.
    const [x0, y0] = this.unpoint(last[last.length - 2] as number, last[last.length - 1] as number);
    this.bezierCurveTo(x0 + (2 / 3) * (cx - x0), y0 + (2 / 3) * (cy - y0), x + (2 / 3) * (cx - x), y + (2 / 3) * (cy - y), x, y);
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }

  /** Canvas arc: centre, radius, start and end angle (radians), direction; as cubic Béziers. */
  arc(cx: number, cy: number, r: number, a0: number, a1: number, ccw = false): void {
    const tau = 2 * Math.PI;
    let sweep = a1 - a0;
    if (!ccw && sweep < 0) sweep = (sweep % tau) + tau;
    if (ccw && sweep > 0) sweep = (sweep % tau) - tau;
    if (Math.abs(a1 - a0) >= tau) sweep = ccw ? -tau : tau;
    this.lineTo(cx + r * Math.cos(a0), cy + r * Math.sin(a0));
    const steps = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
    const step = sweep / steps;
    const k = (4 / 3) * Math.tan(step / 4);
    for (let i = 0; i < steps; i++) {
      const t0 = a0 + i * step;
      const t1 = t0 + step;
      const [c0, s0, c1, s1] = [Math.cos(t0), Math.sin(t0), Math.cos(t1), Math.sin(t1)];
      this.bezierCurveTo(cx + r * (c0 - k * s0), cy + r * (s0 + k * c0), cx + r * (c1 + k * s1), cy + r * (s1 - k * c1), cx + r * c1, cy + r * s1);
    }
  }
  arcTo(): void { throw unsupported('arcTo'); }
  ellipse(): void { throw unsupported('ellipse'); }

  fill(): void {
    const paint = this.paint(this.state.fillStyle);
    if (paint && this.path.length) this.ops.push({ op: 'fill', path: copy(this.path), paint });
  }

  stroke(): void {
    const paint = this.paint(this.state.strokeStyle);
    if (!paint || !this.path.length || this.state.lineWidth <= 0) return;
    const s = this.state;
    const stroke: StrokeStyle = {
      ...paint,
      width: s.lineWidth,
      cap: s.lineCap as StrokeStyle['cap'],
      join: s.lineJoin as StrokeStyle['join'],
      miterLimit: s.miterLimit,
      dash: [...s.dash],
      dashOffset: s.lineDashOffset,
    };
    // The pen is shaped by the transformation at stroke time: record the path in its coordinates.
    const matrix = this.state.matrix;
    if (isTranslation(matrix)) this.ops.push({ op: 'stroke', path: copy(this.path), stroke });
    else this.ops.push({ op: 'stroke', path: this.path.map((seg) => this.unpointSegment(seg)), stroke, matrix: [...matrix] });
  }

  clip(): void {
    this.ops.push({ op: 'clip', path: copy(this.path) });
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path;
    this.beginPath();
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  clearRect(): void {}

  // --- text ------------------------------------------------------------------------------------
  fillText(text: string, x: number, y: number): void {
    const paint = this.paint(this.state.fillStyle);
    if (!paint || text === '') return;
    if (this.state.textBaseline !== 'alphabetic') throw unsupported(`textBaseline '${this.state.textBaseline}'`);
    const a = this.state.textAlign;
    const align = a === 'center' ? 'center' : a === 'right' || a === 'end' ? 'right' : 'left';
    const font = parseFont(this.state.font);
    const m = this.state.matrix;
    if (isTranslation(m)) this.ops.push({ op: 'text', text, x: x + m[4], y: y + m[5], align, ...font, paint });
    else this.ops.push({ op: 'text', text, x, y, align, ...font, paint, matrix: [...m] });
  }
  strokeText(): void { throw unsupported('omlijnde tekst'); }
  measureText(): never { throw unsupported('measureText (Vega meet tekst met text-metrics.ts)'); }

  createLinearGradient(): never { throw unsupported('kleurverloop'); }
  createRadialGradient(): never { throw unsupported('kleurverloop'); }
  createPattern(): never { throw unsupported('patroon'); }
  drawImage(): never { throw unsupported('afbeelding'); }

  // --- helpers ---------------------------------------------------------------------------------
  private paint(style: unknown): Paint | null {
    const c = parseColor(style);
    if (!c) return null;
    const opacity = c.opacity * this.state.globalAlpha;
    return opacity > 0 ? { color: c.color, opacity } : null;
  }

  /** User coordinates → chart coordinates. */
  private point(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.state.matrix;
    return [a * x + c * y + e, b * x + d * y + f];
  }

  /** Chart coordinates → user coordinates of the current transformation. */
  private unpoint(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.state.matrix;
    const det = a * d - b * c;
    if (det === 0) throw unsupported('een transformatie zonder inverse');
    const [dx, dy] = [x - e, y - f];
    return [(d * dx - c * dy) / det, (a * dy - b * dx) / det];
  }

  private unpointSegment(seg: PathSegment): PathSegment {
    if (seg[0] === 'Z') return ['Z'];
    const out: number[] = [];
    for (let i = 1; i < seg.length; i += 2) out.push(...this.unpoint(seg[i] as number, seg[i + 1] as number));
    return [seg[0], ...out] as PathSegment;
  }
}

function isTranslation(m: Matrix): boolean {
  return m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1;
}

function copy(path: PathSegment[]): PathSegment[] {
  return path.map((s) => [...s] as PathSegment);
}
