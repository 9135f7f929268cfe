import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../src/render/pdf/write-pdf.ts';
import { patchedPdfkit, unpatchedPdfkit } from '../../helpers/pdfkit-draw.ts';

interface Doc {
  addPage(): Doc;
  font(src: string): Doc;
  fontSize(n: number): Doc;
  text(s: string, x: number, y: number): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  fill(color: string): Doc;
  ref(data: object): { data: Record<string, unknown>; end(chunk?: unknown): void };
  on(e: 'data', cb: (b: Buffer) => void): void;
  on(e: 'end' | 'error', cb: (e?: Error) => void): void;
  end(): void;
}
type DocClass = new (o: object) => Doc;

/** A compressed PDF: one page per entry of `pages`, each with its lines of text and a few boxes, and objects of its own between them. */
function write(PDFKit: DocClass, pages: string[][]): Promise<Buffer> {
  const doc = new PDFKit({ info: { CreationDate: new Date('2020-01-01T00:00:00Z') }, autoFirstPage: false, compress: true });
  const out: Buffer[] = [];
  doc.on('data', (b) => out.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(out)));
    doc.on('error', reject);
  });
  pages.forEach((lines, p) => {
    doc.addPage().font(FONT_FILES.normal).fontSize(11);
    lines.forEach((line, i) => doc.text(line, 72, 72 + 14 * i));
    for (let i = 0; i < 40; i++) doc.rect(10 + i, 600 + p, 5, 5).fill(i % 2 ? '#2e7d32' : '#c62828');
    // Objects that end while the page before is still being compressed (a dictionary and a stream);
    // what changes in them after they ended is not written, as with PDFKit.
    const dictionary = doc.ref({ Page: p, Note: new String(lines[0] ?? '') });
    dictionary.end();
    dictionary.data.Late = true;
    const stream = doc.ref({ Kind: 'Extra' });
    stream.end(`q ${p} 0 0 ${p} 0 0 cm Q`);
    stream.data.Late = true;
  });
  doc.end();
  return done;
}

const lines = (seed: string, n: number) => Array.from({ length: n }, (_, i) => `${seed} regel ${i}: ${'tevredenheid '.repeat((i % 7) + 1)}${(i * 7.3).toFixed(1)}%`);

/** The cross-reference table's offsets, each checked to start its object. */
function checkXref(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)![1]);
  const entries = text.slice(start).split('\n').slice(3).filter((l) => / 00000 n $/.test(l));
  entries.forEach((line, i) => expect(text.startsWith(`${i + 1} 0 obj\n`, Number(line.slice(0, 10)))).toBe(true));
  return entries.length;
}

describe('pdfkit streams compressed on the thread pool (patch)', () => {
  it('writes a document byte for byte as PDFKit does', async () => {
    const Patched = (await patchedPdfkit()) as unknown as DocClass;
    const pages = [lines('a', 40), lines('b', 25), lines('c', 60), []];
    const ours = await write(Patched, pages);
    expect(ours.equals(await write(unpatchedPdfkit<DocClass>(), pages))).toBe(true);
    expect(checkXref(ours)).toBeGreaterThan(20);
    // Really compressed: every content stream inflates.
    const streams = [...ours.toString('latin1').matchAll(/\/Filter \/FlateDecode[^]*?stream\n/g)];
    expect(streams.length).toBeGreaterThanOrEqual(pages.length * 2);
    expect(inflateSync(ours.subarray(streams[0]!.index! + streams[0]![0].length)).length).toBeGreaterThan(0);
  });

  it('takes a remembered compression only for the same bytes: a page that changed is compressed anew', async () => {
    const Patched = (await patchedPdfkit()) as unknown as DocClass;
    const fresh = unpatchedPdfkit<DocClass>();
    const before = [lines('x', 30), lines('y', 30)];
    // The same pages again (remembered), one page changed by one character (same length), and one longer.
    const changed = [...lines('y', 29), 'y regel 29: tevredenheid tevredenheid 211.8%'];
    expect(changed[29]!.length).toBe(lines('y', 30)[29]!.length);
    const after = [lines('x', 30), changed, lines('z', 31)];
    await write(Patched, before);
    for (const pages of [before, after, before]) expect((await write(Patched, pages)).equals(await write(fresh, pages))).toBe(true);
  });
});
