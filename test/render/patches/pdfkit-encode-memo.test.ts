import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { pdfkitModule } from '../../../src/render/patches/pdfkit-module.ts';

interface Font {
  layout(text: string, features: undefined, onlyWidth: true): { advanceWidth: number };
  widthOfString(text: string, size: number): number;
}
interface Doc {
  font(src: string): Doc;
  fontSize(n: number): Doc;
  text(s: string, x: number, y: number): Doc;
  widthOfString(s: string): number;
  _font: Font;
  on(e: 'data', cb: (b: Buffer) => void): void;
  on(e: 'end', cb: () => void): void;
  end(): void;
}
const PDFKit = pdfkitModule<new (o: object) => Doc>();

/** A PDF of its own with the lines, each word written twice (the second time from the memo). */
async function draw(lines: string[]): Promise<Buffer> {
  // The patch is applied when pdfmake is first configured.
  await renderPdf({ content: [] });
  const doc = new PDFKit({ info: { CreationDate: new Date('2020-01-01T00:00:00Z') }, autoFirstPage: true, compress: false });
  const out: Buffer[] = [];
  doc.on('data', (b) => out.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.font(FONT_FILES.normal).fontSize(11);
  lines.forEach((line, i) => doc.text(line, 72, 72 + 20 * i).text(line, 72, 400 + 20 * i));
  doc.end();
  await done;
  return Buffer.concat(out);
}

async function pageText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

/** Encoded texts and widths remembered per font of one document (src/render/patches/pdfkit-encode-memo.ts). */
describe('pdfkit text encoding remembered per document (patch)', () => {
  it('numbers glyphs per document: a text after another document is that document’s own, and reads back', async () => {
    const b = ['Zeer tevreden: 27,7%', 'Ontevreden'];
    const afterA = (await draw(['Qualtrics export, jaar 2018', 'Ontevreden']), await draw(b));
    const afterC = (await draw(['%7,72 :nedervet reeZ']), await draw(b));
    // A memo kept across documents would carry the glyph numbers of the document before.
    expect(afterA.equals(afterC)).toBe(true);
    expect(await pageText(afterA)).toContain('Zeer tevreden: 27,7%');
  });

  it('measures a text as pdfkit does, at every size', async () => {
    await renderPdf({ content: [] });
    const doc = new PDFKit({ autoFirstPage: true }).font(FONT_FILES.bold);
    const font = doc._font;
    for (const text of ['Tevredenheid ', 'AV To Wa', 'Tevredenheid ']) {
      const unscaled = font.layout(text, undefined, true).advanceWidth;
      for (const size of [7, 9.5, 11, 11]) expect(font.widthOfString(text, size)).toBe(unscaled * (size / 1000));
    }
  });
});
