import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { FONT_FILES, renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { PDFKIT_VERSION, ShapingSession, useShapingSession, type ShapedWords } from '../../../src/render/patches/pdfkit-shaping-cache.ts';

const require = createRequire(import.meta.url);
const fromPdfmake = createRequire(require.resolve('pdfmake'));

interface Doc {
  font(src: string): Doc;
  fontSize(n: number): Doc;
  text(s: string, x: number, y: number): Doc;
  on(e: 'data', cb: (b: Buffer) => void): void;
  on(e: 'end', cb: () => void): void;
  end(): void;
}
const PDFKit = fromPdfmake('pdfkit') as new (o: object) => Doc;

/** Kerning pairs (AV, To, Wa, 7,), a ligature (fi), accents and marks, in all four faces. */
const LINES: [keyof typeof FONT_FILES, string][] = [
  ['normal', 'AVANT-garde: To Wa 27,7% officiële financiën — “Tevredenheid” naïef Ĳssel, ẞ, ǅ.'],
  ['bold', 'Vet: AV To Wa fi 12,5 %'],
  ['italics', 'Cursief: AV To Wa fi'],
  ['bolditalics', 'Beide: AV To Wa fi'],
];

/**
 * The lines written with a PDFKit document of its own (its fonts fresh: no word shaped before in
 * this process's pdfmake documents), with `session` active; the PDF's bytes.
 */
async function draw(session: ShapingSession | null): Promise<Buffer> {
  // The patch is applied when pdfmake is first configured.
  await renderPdf({ content: [] });
  const doc = new PDFKit({ info: { CreationDate: new Date('2020-01-01T00:00:00Z') }, autoFirstPage: true });
  const out: Buffer[] = [];
  doc.on('data', (b) => out.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  useShapingSession(session);
  LINES.forEach(([face, line], i) => doc.font(FONT_FILES[face]).fontSize(11).text(line, 72, 72 + 20 * i));
  useShapingSession(null);
  doc.end();
  await done;
  return Buffer.concat(out);
}

describe('pdfkit word shaping kept between builds (patch)', () => {
  afterEach(() => useShapingSession(null));

  it('is written for the pdfkit version pdfmake uses', () => {
    expect((fromPdfmake('pdfkit/package.json') as { version: string }).version).toBe(PDFKIT_VERSION);
  });

  it('records every word, then lays the same text out from the record alone, byte for byte', async () => {
    const plain = await draw(null);
    const first = new ShapingSession();
    const recorded = await draw(first);
    expect(first.misses).toBeGreaterThan(20);
    expect(first.hits).toBe(0);
    // Four faces, four font files.
    expect(Object.keys(first.used)).toHaveLength(4);
    // Through JSON, as on disk.
    const second = new ShapingSession(JSON.parse(JSON.stringify(first.used)) as ShapedWords);
    const replayed = await draw(second);
    expect(second.misses).toBe(0);
    expect(second.hits).toBe(first.misses);
    expect(second.used).toEqual(first.used);
    expect(recorded.equals(plain)).toBe(true);
    expect(replayed.equals(plain)).toBe(true);
  });

  it('shapes a word it does not know, and does not take a word of one font for another', async () => {
    const first = new ShapingSession();
    const plain = await draw(first);
    const [regular, other] = Object.keys(first.used);
    const session = new ShapingSession({ [regular!]: first.used[regular!]! });
    expect((await draw(session)).equals(plain)).toBe(true);
    expect(session.hits).toBe(Object.keys(first.used[regular!]!).length);
    expect(session.misses).toBe(first.misses - session.hits);
    expect(session.used[other!]).toEqual(first.used[other!]);
  });

  it('without recording (watch), still lays out from the words given, byte for byte, and records none', async () => {
    const first = new ShapingSession();
    const plain = await draw(first);
    const quiet = new ShapingSession(JSON.parse(JSON.stringify(first.used)) as ShapedWords, false);
    expect((await draw(quiet)).equals(plain)).toBe(true);
    expect(quiet.misses).toBe(0);
    expect(quiet.hits).toBe(first.misses);
    expect(quiet.used).toEqual({});
  });

  it('records the words a pdfmake document shaped, also those its shared fonts knew already', async () => {
    const doc = { content: [{ text: 'Tevredenheid van gebruikers' }, { text: 'Vet', bold: true }] };
    await renderPdf(doc);
    const session = new ShapingSession();
    await renderPdf(doc, session);
    expect(Object.values(session.used).flatMap((words) => Object.keys(words))).toEqual(expect.arrayContaining(['Tevredenheid ', 'van ', 'gebruikers', 'Vet']));
  });
});
