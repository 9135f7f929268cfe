import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { embeddedFonts, firstPageText } from '../../helpers/pdfkit-draw.ts';

/** A pdfmake document (its fonts shared with the documents before it in this process), uncompressed. */
const draw = (lines: string[]) => renderPdf({ compress: false, info: { creationDate: new Date('2020-01-01T00:00:00Z') }, content: lines });

/** Embedded font subsets remembered by font and glyph list (src/render/patches/fontkit-subset-memo.ts). */
describe('font subsets remembered by their glyphs (patch)', () => {
  it('embeds each document’s own glyphs: the same text after other documents gives the same file', async () => {
    // Accented letters: composite glyphs in Roboto, whose parts encoding adds to the subset.
    const text = ['naïef, officiële financiën', 'Ĳssel 12,5 %'];
    const before = await draw(['Qualtrics']);
    const first = await draw(text);
    const other = await draw(['Zeer ontevreden: 3,1%']);
    const again = await draw(text);
    expect(again.equals(first)).toBe(true);
    // A subset taken for another glyph list would embed another document's glyphs.
    const [font, otherFont, beforeFont] = [first, other, before].map((pdf) => embeddedFonts(pdf)) as [Buffer[], Buffer[], Buffer[]];
    expect(font).toHaveLength(1);
    expect(font[0]!.equals(otherFont[0]!)).toBe(false);
    expect(font[0]!.equals(beforeFont[0]!)).toBe(false);
    expect(otherFont[0]!.equals(beforeFont[0]!)).toBe(false);
    expect(await firstPageText(again)).toContain('naïef, officiële financiën');
  });
});
