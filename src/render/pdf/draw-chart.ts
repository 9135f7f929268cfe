import type { ChartDrawing, Paint, PathSegment } from '../charts/drawing.ts';

/**
 * Replays a chart drawing (src/render/charts/drawing.ts) as PDF vector operations on a PDFKit
 * document, at (x, y), scaled to width × height points. Text is written the way svg-to-pdfkit
 * writes an SVG `<text>` (whitespace collapsed, glyphs and kerning from the embedded font,
 * anchored by their advance widths), so charts look the same as when they went through SVG.
 */

interface PdfFont {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}

/** The PDFKit (pdfmake PDFDocument) methods the replay uses. */
export interface ChartCanvasDoc {
  page: { fonts: Record<string, unknown> };
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): unknown;
  closePath(): unknown;
  clip(): unknown;
  fill(): unknown;
  stroke(): unknown;
  fillColor(color: string, opacity?: number): unknown;
  strokeColor(color: string, opacity?: number): unknown;
  lineWidth(w: number): unknown;
  lineCap(c: string): unknown;
  lineJoin(j: string): unknown;
  miterLimit(m: number): unknown;
  dash(lengths: number[], options: { phase: number }): unknown;
  addContent(s: string): unknown;
  _normalizeColor(color: string): unknown;
}

/** Finds the embedded font for a family, weight and style (pdfmake's provideFont). */
export type FontProvider = (family: string, bold: boolean, italic: boolean) => PdfFont;

export function drawChart(doc: ChartCanvasDoc, drawing: ChartDrawing, x: number, y: number, width: number, height: number, font: FontProvider): void {
  doc.save();
  doc.transform(drawing.width ? width / drawing.width : 1, 0, 0, drawing.height ? height / drawing.height : 1, x, y);
  for (const op of drawing.ops) {
    switch (op.op) {
      case 'save':
        doc.save();
        break;
      case 'restore':
        doc.restore();
        break;
      case 'clip':
        tracePath(doc, op.path);
        doc.clip();
        break;
      case 'fill':
        doc.save();
        setFill(doc, op.paint);
        tracePath(doc, op.path);
        doc.fill();
        doc.restore();
        break;
      case 'stroke': {
        const s = op.stroke;
        doc.save();
        if (op.matrix) doc.transform(...op.matrix);
        setColor(doc, s, true);
        doc.lineWidth(s.width);
        doc.lineCap(s.cap);
        doc.lineJoin(s.join);
        doc.miterLimit(s.miterLimit);
        if (s.dash.length && s.dash.every((d) => d > 0)) doc.dash(s.dash, { phase: s.dashOffset });
        tracePath(doc, op.path);
        doc.stroke();
        doc.restore();
        break;
      }
      case 'text':
        doc.save();
        if (op.matrix) doc.transform(...op.matrix);
        setFill(doc, op.paint);
        writeText(doc, font(op.family, op.weight === 'bold', op.italic), op);
        doc.restore();
        break;
    }
  }
  doc.restore();
}

function setFill(doc: ChartCanvasDoc, paint: Paint): void {
  setColor(doc, paint, false);
}

function setColor(doc: ChartCanvasDoc, paint: Paint, stroke: boolean): void {
  if (!doc._normalizeColor(paint.color)) throw new Error(`Grafiek tekenen: onbekende kleur '${paint.color}'.`);
  const opacity = paint.opacity < 1 ? paint.opacity : undefined;
  if (stroke) doc.strokeColor(paint.color, opacity);
  else doc.fillColor(paint.color, opacity);
}

function tracePath(doc: ChartCanvasDoc, path: PathSegment[]): void {
  for (const s of path) {
    switch (s[0]) {
      case 'M':
        doc.moveTo(s[1], s[2]);
        break;
      case 'L':
        doc.lineTo(s[1], s[2]);
        break;
      case 'C':
        doc.bezierCurveTo(s[1], s[2], s[3], s[4], s[5], s[6]);
        break;
      case 'Z':
        doc.closePath();
        break;
    }
  }
}

/** PDF number syntax, as PDFKit and svg-to-pdfkit write it (six decimals). */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function writeText(doc: ChartCanvasDoc, font: PdfFont, op: { text: string; x: number; y: number; align: 'left' | 'center' | 'right'; size: number }): void {
  // An SVG <text> without xml:space collapses white space and trims both ends.
  const text = op.text.replace(/\s+/g, ' ').trim();
  if (text === '') return;
  const [glyphs, positions] = font.encode(text);
  const scale = op.size / 1000;
  const advance = positions.reduce((sum, p) => sum + p.xAdvance * scale, 0);
  const x = op.x - (op.align === 'center' ? advance / 2 : op.align === 'right' ? advance : 0);
  const first = positions[0]!;
  if (!doc.page.fonts[font.id]) doc.page.fonts[font.id] = font.ref();
  // Glyph runs with the kerning between them, as a TJ array.
  const runs: string[] = [];
  let run = '';
  for (let i = 0; i < glyphs.length; i++) {
    run += glyphs[i];
    const kern = positions[i]!.advanceWidth - positions[i]!.xAdvance;
    if (kern !== 0) {
      runs.push(`<${run}> ${num(kern)}`);
      run = '';
    }
  }
  if (run !== '') runs.push(`<${run}> 0`);
  doc.addContent('BT');
  doc.addContent(`/${font.id} ${op.size} Tf`);
  doc.addContent('0 Tr');
  doc.addContent(`1 0 0 -1 ${num(x + first.xOffset * scale)} ${num(op.y + first.yOffset * scale)} Tm`);
  doc.addContent(`[${runs.join(' ')}] TJ`);
  doc.addContent('ET');
}
