import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The pdfmake version whose internals (js/SVGMeasure.js) this patch was written against. */
export const PDFMAKE_VERSION = '0.3.11';

interface SvgMeasurePrototype {
  measureSVG(svg: unknown): { width?: number; height?: number };
  writeDimensions(svg: unknown, d: { width: number; height: number }): unknown;
}

/** Sizes of the SVG strings measured so far (reused by watch, which renders the same charts again). */
const sizes = new Map<string, { width?: number; height?: number }>();
let patched = false;

/** How many distinct SVG strings the patched measurement has seen (a test that it took effect). */
export function measuredSvgCount(): number {
  return sizes.size;
}

/**
 * pdfmake parses every SVG string twice while measuring (size, then rewriting width/height) before
 * svg-to-pdfkit parses it a third time to draw it. Our charts already carry their exact size, so
 * the rewrite is a no-op: skip it when width and height match, and remember sizes per string.
 * Depends on pdfmake internals: the version is pinned (PDFMAKE_VERSION). Applied by renderPdf
 * before pdfmake lays out a document; idempotent.
 */
export function patchPdfmakeSvgMeasure(): void {
  if (patched) return;
  patched = true;
  const proto = (require('pdfmake/js/SVGMeasure.js') as { default: { prototype: SvgMeasurePrototype } }).default.prototype;
  const measure = proto.measureSVG;
  const write = proto.writeDimensions;
  proto.measureSVG = function (svg) {
    if (typeof svg !== 'string') return measure.call(this, svg);
    let size = sizes.get(svg);
    if (!size) {
      size = measure.call(this, svg);
      if (sizes.size > 5000) sizes.clear();
      sizes.set(svg, size);
    }
    return { ...size };
  };
  proto.writeDimensions = function (svg, d) {
    const size = typeof svg === 'string' ? sizes.get(svg) : undefined;
    if (size && size.width === d.width && size.height === d.height) return svg;
    return write.call(this, svg, d);
  };
}
