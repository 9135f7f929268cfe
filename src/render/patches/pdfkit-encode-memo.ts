/** Written against pdfkit's EmbeddedFont (encode, widthOfString, layout) of PDFKIT_VERSION. */
export { PDFKIT_VERSION } from './pinned-versions.ts';

type Encoded = [string[], unknown[]];

/** The parts of pdfkit's EmbeddedFont this patch touches. */
interface EmbeddedFont {
  encode(text: string, features?: unknown): Encoded;
  widthOfString(text: string, size: number, features?: unknown): number;
  layout(text: string, features: undefined, onlyWidth: true): { advanceWidth: number };
  [ENCODED]?: Map<string, Encoded>;
  [WIDTHS]?: Map<string, number>;
}

const ENCODED = Symbol('encoded texts');
const WIDTHS = Symbol('text widths');

let patched = false;

/**
 * pdfkit encodes a text (pdfmake: each word of a line) by splitting it into words, looking each
 * up in the font's cache of shaped words, joining their glyphs and positions and numbering the
 * glyphs in the document's font subset; and it measures a text the same way. pdfmake writes and
 * measures the same words over and over (a 125-page report: ≈ 100,000 times, ≈ 6,000 distinct),
 * and every page of a watch rebuild is written anew, so this cost ≈ 60 ms a rebuild.
 *
 * Here each font of a document remembers what it encoded and measured, by text (without font
 * features, as pdfkit's own word cache). Both are pure within one document: the glyphs' subset
 * numbers are given on their first use and then fixed, and encoding a text again adds nothing to
 * the subset, widths or Unicode map. Memos live on the font object of one document (pdfkit makes
 * one per document), never across documents, whose subsets number glyphs in their own order.
 * Callers only read the arrays (pdfkit's _fragment, src/render/pdf/draw-chart.ts). Depends on
 * pdfkit's EmbeddedFont of PDFKIT_VERSION; idempotent.
 */
export function patchPdfkitEncodeMemo(font: object): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(font) as EmbeddedFont;
  if (typeof proto.encode !== 'function' || typeof proto.widthOfString !== 'function' || typeof proto.layout !== 'function') {
    throw new Error('pdfkit: EmbeddedFont.encode/widthOfString not found (version changed?)');
  }
  patched = true;
  const encode = proto.encode;
  const widthOfString = proto.widthOfString;
  proto.encode = function (this: EmbeddedFont, text: string, features?: unknown): Encoded {
    if (features) return encode.call(this, text, features);
    const memo = (this[ENCODED] ??= new Map());
    let known = memo.get(text);
    if (!known) memo.set(text, (known = encode.call(this, text)));
    return known;
  };
  proto.widthOfString = function (this: EmbeddedFont, text: string, size: number, features?: unknown): number {
    if (features) return widthOfString.call(this, text, size, features);
    const memo = (this[WIDTHS] ??= new Map());
    let width = memo.get(text);
    if (width === undefined) memo.set(text, (width = this.layout(text, undefined, true).advanceWidth));
    // As pdfkit computes it: the unscaled width, times the size over 1000.
    const scale = size / 1000;
    return width * scale;
  };
}
