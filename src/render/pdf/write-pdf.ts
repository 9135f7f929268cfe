import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { applyTagging } from './tagging/pdfmake-hooks.ts';

const require = createRequire(import.meta.url);
/** The TTFs that the PDF embeds and that chart text is measured with: one font everywhere. */
export const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
export const FONT_FILES = {
  normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
  bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
  italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
  bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
};

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let configured: PdfMake | null = null;

interface SvgMeasurePrototype {
  measureSVG(svg: unknown): { width?: number; height?: number };
  writeDimensions(svg: unknown, d: { width: number; height: number }): unknown;
}

/**
 * pdfmake parses every SVG string twice while measuring (size, then rewriting width/height) before
 * svg-to-pdfkit parses it a third time to draw it. Our charts already carry their exact size, so
 * the rewrite is a no-op: skip it when width and height match, and remember sizes per string (watch
 * mode renders the same charts again). Depends on pdfmake internals: the version is pinned.
 */
function speedUpSvgMeasure(): void {
  const proto = (require('pdfmake/js/SVGMeasure.js') as { default: { prototype: SvgMeasurePrototype } }).default.prototype;
  const measure = proto.measureSVG;
  const write = proto.writeDimensions;
  const sizes = new Map<string, { width?: number; height?: number }>();
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

/** pdfmake is a process-wide singleton: configure it once, with no network and only our fonts. */
function pdfmake(): PdfMake {
  if (configured) return configured;
  const pm = require('pdfmake') as PdfMake;
  speedUpSvgMeasure();
  // Documents with `tagged: true` get a structure tree (PDF/UA) and PDF/A-2a metadata.
  applyTagging();
  pm.setFonts({ Roboto: FONT_FILES });
  pm.setUrlAccessPolicy(() => false);
  const fontDir = resolve(FONT_DIR);
  pm.setLocalAccessPolicy((path) => resolve(path).startsWith(fontDir));
  configured = pm;
  return pm;
}

/** Lays out and serialises the document; nothing is written to disk here. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}
