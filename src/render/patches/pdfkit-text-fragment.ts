import { pdfkitModule } from './pdfkit-module.ts';

/** Written against pdfkit's TextMixin._fragment and VectorMixin (save, transform, restore) of PDFKIT_VERSION. */
export { PDFKIT_VERSION } from './pinned-versions.ts';

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
type Encoded = [string[], Position[]];

interface Font {
  id: string;
  ascender: number;
  encode(text: string, features?: unknown): Encoded;
  ref(): unknown;
}

interface FragmentOptions {
  width?: number;
  align?: string;
  baseline?: unknown;
  wordSpacing?: number;
  characterSpacing?: number;
  horizontalScaling?: number;
  textWidth: number;
  wordCount: number;
  link?: unknown;
  goTo?: unknown;
  destination?: unknown;
  underline?: boolean;
  strike?: boolean;
  oblique?: unknown;
  fill?: boolean;
  stroke?: boolean;
  features?: unknown;
}

/** The parts of pdfkit's PDFDocument this patch uses. */
interface Doc {
  _font: Font;
  _fontSize: number;
  _ctm: number[];
  _ctmStack: number[][];
  _currentStructureElement?: { dictionary: { data: { S?: unknown } } };
  page: { height: number; fonts: Record<string, unknown> };
  addContent(s: string): unknown;
  currentLineHeight(): number;
  link(x: number, y: number, w: number, h: number, url: unknown, options: object): unknown;
  goTo(x: number, y: number, w: number, h: number, name: unknown): unknown;
  addNamedDestination(name: unknown, ...args: unknown[]): unknown;
  _fragment(text: unknown, x: number, y: number, options: FragmentOptions): void;
}

/** PDFObject.number (pdfkit 0.19): what every number in a content stream is written as. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/**
 * The TJ operators of an encoded text whose glyphs have no x or y offset (they do not depend on
 * where or how large the text is drawn), or null when some glyph has one. By the encoded text
 * (pdfkit-encode-memo.ts gives the same arrays for the same text and font of a document).
 */
const withoutOffsets = new WeakMap<Encoded, string | null>();

/** What pdfkit's _fragment writes for the glyphs of a text drawn at x, y: its TJ operators (and Tm ones for glyphs with offsets). */
function showText(encodedText: Encoded, x: number, y: number, scale: number): string {
  let known = withoutOffsets.get(encodedText);
  if (known === undefined) {
    known = encodedText[1].some((pos) => pos.xOffset || pos.yOffset) ? null : runs(encodedText, 0, 0, 1);
    withoutOffsets.set(encodedText, known);
  }
  return known ?? runs(encodedText, x, y, scale);
}

let patched = false;

/**
 * pdfkit draws every text fragment (pdfmake: every word, 22 000 in the 2018 report) with a dozen
 * content writes (q, cm, BT, Tm, Tf, TJ, ET, Q), each through save/transform/restore and the page's
 * stream, and builds the TJ operator glyph by glyph each time. For the fragments pdfmake draws —
 * no width to align in, default baseline, no word spacing, underline, strike or oblique — this
 * writes the same operators as one write (the stream adds the same newlines), keeps the TJ
 * operator of a text whose glyphs have no offsets (it depends on the text and font only), and
 * leaves the graphics state (_ctm, _ctmStack) as save/transform/restore leave it. Links, goTo and
 * destinations are made as pdfkit makes them, at the same moment. Any other fragment is drawn by
 * pdfkit itself. Depends on pdfkit's _fragment of PDFKIT_VERSION (pinned-versions.ts); idempotent.
 * test/render/patches compares its output byte for byte with pdfkit's for random texts and options.
 */
export function patchPdfkitTextFragment(): void {
  if (patched) return;
  const proto = pdfkitModule<{ prototype: Doc }>().prototype;
  const fragment = proto._fragment;
  if (typeof fragment !== 'function') throw new Error('pdfkit: _fragment not found (version changed?)');
  patched = true;
  proto._fragment = function (this: Doc, value: unknown, x: number, y: number, options: FragmentOptions): void {
    if (options.width || options.baseline !== undefined || options.wordSpacing || options.underline || options.strike || options.oblique) {
      return fragment.call(this, value, x, y, options);
    }
    let text = `${value}`;
    if (text.includes('\n')) text = text.replace(/\n/g, '');
    if (text.length === 0) return;
    const wordSpacing = 0;
    const characterSpacing = options.characterSpacing || 0;
    const horizontalScaling = options.horizontalScaling || 100;
    const dy = (this._font.ascender / 1000) * this._fontSize;
    const renderedWidth = options.textWidth + wordSpacing * (options.wordCount - 1) + characterSpacing * (text.length - 1);
    if (options.link != null) {
      const linkOptions: { structParent?: unknown } = {};
      if (this._currentStructureElement && this._currentStructureElement.dictionary.data.S === 'Link') {
        linkOptions.structParent = this._currentStructureElement;
      }
      this.link(x, y, renderedWidth, this.currentLineHeight(), options.link, linkOptions);
    }
    if (options.goTo != null) this.goTo(x, y, renderedWidth, this.currentLineHeight(), options.goTo);
    if (options.destination != null) this.addNamedDestination(options.destination, 'XYZ', x, y, null);
    // save(), then transform(1, 0, 0, -1, 0, page height) on the current matrix; restore() puts the saved copy back.
    const saved = this._ctm.slice();
    const height = this.page.height;
    const m = this._ctm;
    const m0 = m[0]!;
    const m1 = m[1]!;
    const m2 = m[2]!;
    const m3 = m[3]!;
    const m4 = m[4]!;
    const m5 = m[5]!;
    m[0] = m0 * 1 + m2 * 0;
    m[1] = m1 * 1 + m3 * 0;
    m[2] = m0 * 0 + m2 * -1;
    m[3] = m1 * 0 + m3 * -1;
    m[4] = m0 * 0 + m2 * height + m4;
    m[5] = m1 * 0 + m3 * height + m5;
    y = height - y - dy;
    const font = this._font;
    if (this.page.fonts[font.id] == null) this.page.fonts[font.id] = font.ref();
    let content = `q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(y)} Tm\n/${font.id} ${number(this._fontSize)} Tf`;
    const mode = options.fill && options.stroke ? 2 : options.stroke ? 1 : 0;
    if (mode) content += `\n${mode} Tr`;
    if (characterSpacing) content += `\n${number(characterSpacing)} Tc`;
    if (horizontalScaling !== 100) content += `\n${horizontalScaling} Tz`;
    content += showText(font.encode(text, options.features), x, y, this._fontSize / 1000);
    this.addContent(`${content}\nET\nQ`);
    this._ctm = saved;
  };
}

/**
 * pdfkit's loop over the glyphs, as _fragment writes it: runs of glyphs in TJ operators, a run
 * ending where a glyph's advance differs from its width, and a glyph with an offset positioned
 * with a Tm of its own. Each operator on a line of its own, after a newline.
 */
function runs([encoded, positions]: Encoded, x: number, y: number, scale: number): string {
  let out = '';
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${hex}> ${number(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      out += `\n[${commands.join(' ')}] TJ`;
      commands.length = 0;
    }
  };
  let i: number;
  for (i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out += `\n1 0 0 1 ${number(x + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`;
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${number(x)} ${number(y)} Tm`;
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
  return out;
}
