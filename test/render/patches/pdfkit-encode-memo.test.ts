import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../src/render/pdf/write-pdf.ts';
import { drawLines, firstPageText, patchedPdfkit } from '../../helpers/pdfkit-draw.ts';

/** Encoded texts and widths remembered per font of one document (src/render/patches/pdfkit-encode-memo.ts). */
describe('pdfkit text encoding remembered per document (patch)', () => {
  it('numbers glyphs per document: a text after another document is that document’s own, and reads back', async () => {
    const b = ['Zeer tevreden: 27,7%', 'Ontevreden'];
    const afterA = (await drawLines(['Qualtrics export, jaar 2018', 'Ontevreden']), await drawLines(b));
    const afterC = (await drawLines(['%7,72 :nedervet reeZ']), await drawLines(b));
    // A memo kept across documents would carry the glyph numbers of the document before.
    expect(afterA.equals(afterC)).toBe(true);
    expect(await firstPageText(afterA)).toContain('Zeer tevreden: 27,7%');
  });

  it('measures a text as pdfkit does, at every size', async () => {
    const PDFKit = await patchedPdfkit();
    const font = new PDFKit({ autoFirstPage: true }).font(FONT_FILES.bold)._font;
    for (const text of ['Tevredenheid ', 'AV To Wa', 'Tevredenheid ']) {
      const unscaled = font.layout(text, undefined, true).advanceWidth;
      for (const size of [7, 9.5, 11, 11]) expect(font.widthOfString(text, size)).toBe(unscaled * (size / 1000));
    }
  });
});
