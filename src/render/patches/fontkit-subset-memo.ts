/** The parts of fontkit's TTFSubset (as pdfkit PDFKIT_VERSION loads it) this patch touches. */
interface Subset {
  /** The parsed font file (fontkit), shared by the documents of a process: pdfmake-shared-fonts.ts. */
  font: object;
  /** Glyph ids in the order of first use; encoding appends the parts of composite glyphs. */
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

/** Encoded subsets by font and by the glyph list they started from. */
const made = new WeakMap<object, Map<string, { bytes: Uint8Array; glyphs: number[] }>>();
const KEPT_PER_FONT = 64;

let patched = false;

/**
 * Each PDF embeds a subset of each font it uses: a TrueType file of just its glyphs, which fontkit
 * builds anew for every document (≈ 15 ms for the report's three faces). A watch rebuild after a
 * text edit nearly always uses the same glyphs in the same order. The file is a pure function of
 * the font and that glyph list, so a subset whose list was encoded before in this process gets
 * those bytes (a copy) and the glyphs that encoding appended (parts of composite glyphs), as if it
 * had been encoded again. Depends on fontkit's TTFSubset (`font`, `glyphs`, `includeGlyph`,
 * `encode`) as pdfkit PDFKIT_VERSION loads it; idempotent.
 */
export function patchFontkitSubsetMemo(subset: object): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(subset) as Subset;
  if (typeof proto.encode !== 'function' || typeof proto.includeGlyph !== 'function') throw new Error('fontkit: TTFSubset.encode not found (version changed?)');
  patched = true;
  const encode = proto.encode;
  proto.encode = function (this: Subset): Uint8Array {
    const key = this.glyphs.join(',');
    let byFont = made.get(this.font);
    if (!byFont) made.set(this.font, (byFont = new Map()));
    const known = byFont.get(key);
    if (known) {
      for (const g of known.glyphs.slice(this.glyphs.length)) this.includeGlyph(g);
      return Buffer.from(known.bytes);
    }
    const bytes = encode.call(this);
    if (byFont.size >= KEPT_PER_FONT) byFont.clear();
    byFont.set(key, { bytes: Buffer.from(bytes), glyphs: [...this.glyphs] });
    return bytes;
  };
}
