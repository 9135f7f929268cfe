import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FONT_FILES, renderPdf } from '../../src/render/pdf/write-pdf.ts';
import { PDFKIT_ENTRY, pdfkitModule } from '../../src/render/patches/pdfkit-module.ts';

export interface PdfkitFont {
  layout(text: string, features: undefined, onlyWidth: true): { advanceWidth: number };
  widthOfString(text: string, size: number): number;
}
export interface PdfkitDoc {
  font(src: string): PdfkitDoc;
  fontSize(n: number): PdfkitDoc;
  text(s: string, x: number, y: number): PdfkitDoc;
  _font: PdfkitFont;
  on(e: 'data', cb: (b: Buffer) => void): void;
  on(e: 'end', cb: () => void): void;
  end(): void;
}

/** pdfkit's PDFDocument, with our patches applied (they are when pdfmake is first configured). */
export async function patchedPdfkit(): Promise<new (o: object) => PdfkitDoc> {
  await renderPdf({ content: [] });
  return pdfkitModule<new (o: object) => PdfkitDoc>();
}

/** A second copy of pdfkit, loaded apart from the one the patches change: PDFKit as it comes. */
export function unpatchedPdfkit<T>(): T {
  const require = createRequire(PDFKIT_ENTRY);
  const patched = require.cache[PDFKIT_ENTRY];
  delete require.cache[PDFKIT_ENTRY];
  try {
    return require(PDFKIT_ENTRY) as T;
  } finally {
    require.cache[PDFKIT_ENTRY] = patched;
  }
}

/** An uncompressed PDF of its own with the lines in the regular face, each written twice. */
export async function drawLines(lines: string[]): Promise<Buffer> {
  const PDFKit = await patchedPdfkit();
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

/** The text of a PDF's first page, as pdfjs reads it. */
export async function firstPageText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

/** The embedded TrueType files of an uncompressed PDF (streams that start as a TrueType file does: 1.0 or 'true'). */
export function embeddedFonts(pdf: Buffer): Buffer[] {
  const fonts: Buffer[] = [];
  for (let at = pdf.indexOf('stream\n'); at >= 0; at = pdf.indexOf('stream\n', at + 1)) {
    const start = at + 'stream\n'.length;
    if (![0x00010000, 0x74727565].includes(pdf.readUInt32BE(start))) continue;
    fonts.push(pdf.subarray(start, pdf.indexOf('\nendstream', start)));
  }
  return fonts;
}
