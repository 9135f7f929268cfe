import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchPdfkitTextFragment } from '../../../src/render/patches/pdfkit-text-fragment.ts';
import { FONT_FILES } from '../../../src/render/pdf/write-pdf.ts';
import { patchedPdfkit, unpatchedPdfkit } from '../../helpers/pdfkit-draw.ts';

interface Doc {
  addPage(): Doc;
  font(src: string): Doc;
  fontSize(n: number): Doc;
  fillColor(c: string): Doc;
  text(s: string, x: number, y: number, options: object): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  fill(): Doc;
  _ctm: number[];
  on(e: 'data', cb: (b: Buffer) => void): void;
  on(e: 'end', cb: () => void): void;
  end(): void;
}
type DocClass = new (o: object) => Doc;

interface Fragment {
  text: string;
  face: keyof typeof FONT_FILES;
  size: number;
  x: number;
  y: number;
  options: Record<string, unknown>;
}

/** An uncompressed PDF with the fragments drawn as pdfmake draws a word (text without line breaking); and the matrix after each. */
async function draw(PDFKit: DocClass, fragments: Fragment[]): Promise<{ pdf: string; ctms: number[][] }> {
  const doc = new PDFKit({ info: { CreationDate: new Date('2020-01-01T00:00:00Z') }, autoFirstPage: false, compress: false });
  const out: Buffer[] = [];
  doc.on('data', (b) => out.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  const ctms: number[][] = [];
  doc.addPage();
  fragments.forEach((f, i) => {
    if (i % 4 === 3) doc.addPage();
    doc.font(FONT_FILES[f.face]).fontSize(f.size).fillColor(i % 2 ? '#c62828' : 'black');
    doc.text(f.text, f.x, f.y, { lineBreak: false, textWidth: 40, wordCount: 1, ...f.options });
    ctms.push([...doc._ctm]);
  });
  // Something drawn after the texts, with the matrix they left.
  doc.rect(10, 10, 20, 20).fill();
  doc.end();
  await done;
  return { pdf: Buffer.concat(out).toString('latin1'), ctms };
}

const text = fc.oneof(
  fc.constantFrom('', 'Tevredenheid', 'AV To Wa', 'office ffi fl', 'één café', 'e\u0301e\u0300n', '27,7%', 'regel\neen', '  spaties  ', '\n'),
  fc.stringMatching(/^[a-zA-Z0-9 ,.%éë\u0301\n-]{0,12}$/),
);
/** Options as pdfmake gives them (drawn by the patch). */
const drawn = fc.record(
  {
    characterSpacing: fc.constantFrom(0, 0.5, -0.25),
    link: fc.constantFrom('https://www.logius.nl', null),
    goTo: fc.constantFrom('hoofdstuk-1'),
    destination: fc.constantFrom('bestemming'),
    features: fc.constantFrom(['liga'], ['kern', 'liga'], []),
    fill: fc.boolean(),
    stroke: fc.boolean(),
    horizontalScaling: fc.constantFrom(100, 90),
    wordCount: fc.constantFrom(1, 3),
    wordSpacing: fc.constantFrom(0),
  },
  { requiredKeys: [] },
);
/** Options pdfkit draws itself (the patch hands the fragment on). */
const handedOn = fc.record(
  {
    width: fc.constantFrom(200),
    align: fc.constantFrom('right', 'center', 'justify'),
    baseline: fc.constantFrom('top', 'middle', 3),
    underline: fc.boolean(),
    strike: fc.boolean(),
    wordSpacing: fc.constantFrom(2),
    oblique: fc.constantFrom(true, 10),
  },
  { requiredKeys: [] },
);
const fragment = fc.record({
  text,
  face: fc.constantFrom('normal', 'bold', 'italics', 'bolditalics'),
  size: fc.constantFrom(7, 8.5, 9.5, 11, 14.25),
  x: fc.double({ min: 0, max: 500, noNaN: true }),
  y: fc.double({ min: 0, max: 800, noNaN: true }),
  options: fc.oneof({ weight: 4, arbitrary: drawn }, { weight: 1, arbitrary: fc.tuple(drawn, handedOn).map(([a, b]) => ({ ...a, ...b })) }),
});

describe('pdfkit text fragments written in one go (patch)', () => {
  it('writes what pdfkit writes, byte for byte, and leaves the same matrix: texts, faces, sizes, links, features, offsets', async () => {
    const Patched = (await patchedPdfkit()) as unknown as DocClass;
    patchPdfkitTextFragment();
    const Original = unpatchedPdfkit<DocClass>();
    expect(Original.prototype).not.toBe(Patched.prototype);
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { minLength: 1, maxLength: 6 }), async (fragments) => {
        const [ours, theirs] = [await draw(Patched, fragments), await draw(Original, fragments)];
        expect(ours.ctms).toEqual(theirs.ctms);
        expect(ours.pdf).toBe(theirs.pdf);
      }),
      { numRuns: 50 },
    );
    // A property test of whole documents: more than the default time on a busy machine.
  }, 120_000);
});
