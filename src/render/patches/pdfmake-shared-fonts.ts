import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of PDFKit's EmbeddedFont (pdfkit 0.19) this patch touches. */
interface EmbeddedFont {
  /** The fontkit font: parsed tables, glyphs, the shaping engine. */
  font: { createSubset(): EmbeddedFont['subset'] };
  /** The glyphs this document embeds, in the order of first use (glyph 0 from the start). */
  subset: { glyphs: number[] };
  /** Shaped words (glyphs and positions), by text: pure results of the font and the word. */
  layoutCache?: Record<string, unknown>;
}

interface PdfmakeDocument {
  fontCache: Record<string, Record<string, EmbeddedFont | undefined> | undefined>;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
  provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont;
}

/** Per font file: the fontkit font and the shaped words of the first document that used it. */
const shared = new Map<string, { font: EmbeddedFont['font']; layoutCache: Record<string, unknown> | undefined }>();

let patched = false;

/**
 * A long-lived process (watch, preview, the warm-up) lays out one document after another. PDFKit
 * parses each font file again for every document and shapes every word again; both are pure
 * functions of the font file (and the word), so documents after the first share the parsed
 * fontkit font and the cache of shaped words of the first. What belongs to one document stays
 * its own: the subset of embedded glyphs (their numbering is the order of first use in that
 * document), the widths and Unicode maps, the font's object in the PDF. A document laid out after
 * others is therefore byte for byte the one a fresh process writes. Depends on pdfmake 0.3.11
 * (`provideFont`) and PDFKit 0.19 (EmbeddedFont's `font`, `subset`, `layoutCache`); idempotent.
 */
export function patchPdfmakeSharedFonts(): void {
  if (patched) return;
  patched = true;
  const proto = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: PdfmakeDocument } }).default.prototype;
  const provideFont = proto.provideFont;
  if (typeof provideFont !== 'function') throw new Error('pdfmake: PDFDocument.provideFont not found (version changed?)');
  proto.provideFont = function (this: PdfmakeDocument, family, bold, italics) {
    const known = this.fontCache[family]?.[this.getFontType(bold, italics)];
    if (known) return known;
    const font = provideFont.call(this, family, bold, italics);
    const file = this.getFontFile(family, bold, italics);
    // Fonts given as data rather than a file path are not shared.
    if (typeof file !== 'string') return font;
    const first = shared.get(file);
    // A font this document already used elsewhere (a chart's text) keeps what it has.
    if (font.subset.glyphs.length > 1) return font;
    if (!first) {
      shared.set(file, { font: font.font, layoutCache: font.layoutCache });
      return font;
    }
    font.font = first.font;
    font.subset = first.font.createSubset();
    if (font.layoutCache && first.layoutCache) font.layoutCache = first.layoutCache;
    return font;
  };
}
