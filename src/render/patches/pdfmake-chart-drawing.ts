import { createRequire } from 'node:module';
import { isChartDrawing } from '../charts/drawing.ts';
import { drawChart, type ChartCanvasDoc, type FontProvider } from '../pdf/draw-chart.ts';

const require = createRequire(import.meta.url);

/** Written against pdfmake's SVGMeasure.js and Renderer.renderSVG of PDFMAKE_VERSION. */
export { PDFMAKE_VERSION } from './pinned-versions.ts';

interface SvgMeasurePrototype {
  measureSVG(svg: unknown): { width?: number; height?: number };
  writeDimensions(svg: unknown, d: { width: number; height: number }): unknown;
}

type SvgToPdfkit = (doc: unknown, svg: unknown, x: number, y: number, options: SvgOptions) => void;

interface SvgOptions {
  width: number;
  height: number;
  fontCallback(family: string, bold: boolean, italic: boolean): string;
}

let patched = false;

/**
 * Charts reach pdfmake as drawings (src/render/charts/drawing.ts) in an `svg` node, so layout,
 * links and tagging treat them exactly like SVG (a Figure with its Alt): pdfmake measures them by
 * their size, and where it would hand an SVG string to svg-to-pdfkit the drawing is replayed
 * straight into PDFKit vector operations (src/render/pdf/draw-chart.ts) — no SVG is written,
 * parsed or interpreted. SVG strings still take pdfmake's own path. Depends on pdfmake internals:
 * the version is pinned (PDFMAKE_VERSION). Applied by renderPdf before pdfmake lays out a
 * document; idempotent.
 */
export function patchPdfmakeChartDrawing(): void {
  if (patched) return;
  patched = true;
  const proto = (require('pdfmake/js/SVGMeasure.js') as { default: { prototype: SvgMeasurePrototype } }).default.prototype;
  const measure = proto.measureSVG;
  const write = proto.writeDimensions;
  proto.measureSVG = function (svg) {
    return isChartDrawing(svg) ? { width: svg.width, height: svg.height } : measure.call(this, svg);
  };
  proto.writeDimensions = function (svg, d) {
    return isChartDrawing(svg) ? svg : write.call(this, svg, d);
  };
  // Renderer.renderSVG calls this module's `default` export at draw time.
  const svgModule = require('pdfmake/js/3rd-party/svg-to-pdfkit.js') as { default: SvgToPdfkit };
  const svgToPdfkit = svgModule.default;
  if (typeof svgToPdfkit !== 'function') throw new Error('pdfmake: svg-to-pdfkit not found (version changed?)');
  svgModule.default = function (doc, svg, x, y, options) {
    if (!isChartDrawing(svg)) return svgToPdfkit(doc, svg, x, y, options);
    const pdf = doc as ChartCanvasDoc & { font(src: string): { _font: ReturnType<FontProvider> } };
    // The same embedded font svg-to-pdfkit would choose (pdfmake's fontCallback: family, or the node's font).
    const font: FontProvider = (family, bold, italic) => pdf.font(options.fontCallback(family, bold, italic))._font;
    drawChart(pdf, svg, x, y, options.width, options.height, font);
  };
}
