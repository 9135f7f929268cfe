import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { build } from '../../../src/build.ts';
import { buildModel } from '../../../src/report-model.ts';
import { diffModels } from '../../../src/diff/diff-models.ts';
import { diffPdfDocument } from '../../../src/diff/pdf.ts';
import { renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { TAGGED_PDF_SETTINGS } from '../../../src/render/pdf/tagging/document-level.ts';
import { checkPdf } from '../../../src/check/pdf/check-pdf.ts';
import { PdfObjects, streamData, type PdfDict } from '../../../src/check/pdf/pdf-objects.ts';
import { MINI_EDITION, ROOT } from '../../helpers/paths.ts';
import { reportDocument, untagged } from '../../helpers/report-document.ts';
import { differingPages, pageImages } from '../../helpers/page-images.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tagging-'));

async function write(name: string, doc: TDocumentDefinitions): Promise<string> {
  const file = join(tmp, name);
  writeFileSync(file, await renderPdf(doc));
  return file;
}


/** Structure elements of one type, in document order. */
function elements(objs: PdfObjects, type: string): PdfDict[] {
  const out: PdfDict[] = [];
  const visit = (ref: unknown) => {
    const d = objs.dict(ref as string);
    if (!d || d['/Type'] === '/MCR' || d['/Type'] === '/OBJR') return;
    if (d['/S'] === `/${type}`) out.push(d);
    for (const k of objs.array(d['/K'])) if (typeof k !== 'number') visit(k);
  };
  visit(objs.catalog['/StructTreeRoot']);
  return out;
}

const base = { ...TAGGED_PDF_SETTINGS, info: { title: 'Proef' }, language: 'nl-NL', pageSize: 'A5' } as const;

describe('tagged PDF from pdfmake', () => {
  it('keeps a paragraph across a page break as one P with content on both pages', async () => {
    const long = Array.from({ length: 900 }, (_, i) => `woord${i}`).join(' ');
    const file = await write('break.pdf', { ...base, content: [{ text: 'Kop', role: 'H1' }, { text: long }] } as TDocumentDefinitions);
    const objs = PdfObjects.read(file);
    expect(objs.pages.length).toBeGreaterThan(1);
    const ps = elements(objs, 'P');
    expect(ps).toHaveLength(1);
    const pagesOfP = new Set([String(ps[0]!['/Pg']), ...objs.array(ps[0]!['/K']).map((k) => objs.dict(k)?.['/Pg']).filter(Boolean).map(String)]);
    expect(pagesOfP.size).toBe(objs.pages.length);
    expect((await checkPdf(file)).problems).toEqual([]);
  }, 60_000);

  it('tags a table header once and its repetitions after a page break as Artifacts', async () => {
    const body = [['Product', 'Aantal'], ...Array.from({ length: 80 }, (_, i) => [`Product ${i}`, String(i)])];
    const file = await write('table.pdf', { ...base, content: [{ text: 'Kop', role: 'H1' }, { table: { headerRows: 1, body } }] } as TDocumentDefinitions);
    const objs = PdfObjects.read(file);
    expect(objs.pages.length).toBeGreaterThan(1);
    expect(elements(objs, 'TH')).toHaveLength(2);
    expect(elements(objs, 'TR')).toHaveLength(81);
    expect((await checkPdf(file)).problems).toEqual([]);
  }, 60_000);

  it('escapes the metadata: a title with & < > is the same in /Info and XMP, and the XMP stays valid', async () => {
    const file = await write('escape.pdf', { ...base, info: { title: 'Rapport A & B <concept>', subject: "Logius' \"proef\"" }, content: [{ text: 'Kop', role: 'H1' }] } as unknown as TDocumentDefinitions);
    const check = await checkPdf(file);
    expect(check.problems).toEqual([]);
    const objs = PdfObjects.read(file);
    const xmp = streamData(file, objs.catalog['/Metadata'] as string);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Rapport A &amp; B &lt;concept&gt;</rdf:li>');
    expect(xmp).toContain('Logius&apos; &quot;proef&quot;');
  }, 60_000);

  it('tags lists as L/LI/Lbl/LBody and keeps everything else in place', async () => {
    const file = await write('list.pdf', { ...base, content: [{ text: 'Kop', role: 'H1' }, { ul: ['een', 'twee', 'drie'] }] } as TDocumentDefinitions);
    const objs = PdfObjects.read(file);
    expect(elements(objs, 'LI')).toHaveLength(3);
    expect(elements(objs, 'Lbl')).toHaveLength(3);
    expect(elements(objs, 'LBody')).toHaveLength(3);
    expect((await checkPdf(file)).problems).toEqual([]);
  }, 60_000);
});

describe('the diff PDF', () => {
  // pdfmake changes the definition it lays out: a fresh one for each rendering.
  let doc: () => TDocumentDefinitions;
  beforeAll(() => {
    const a = buildModel(join(ROOT, 'content/2018/edition.yaml')).model;
    const b = buildModel(join(ROOT, 'content/2019/edition.yaml')).model;
    const diff = diffModels(a, b, { threshold: 5 });
    doc = () => diffPdfDocument(diff, { creationDate: new Date('2019-12-01T12:00:00Z') });
  }, 60_000);

  it('passes the PDF check with no problem', async () => {
    const r = await checkPdf(await write('diff.pdf', doc()));
    expect(r.problems).toEqual([]);
    expect(r.facts.tables).toBeGreaterThan(2);
  }, 120_000);

  it('looks exactly like the untagged rendering, page for page', async () => {
    const [tagged, plain] = [await renderPdf(doc()), await renderPdf(untagged(doc()))];
    const a = pageImages(tagged);
    expect(a.length).toBeGreaterThan(5);
    expect(differingPages(a, pageImages(plain))).toEqual([]);
  }, 120_000);
});

describe('the 2019 report', () => {
  it('passes the PDF check with no problem', async () => {
    const r = await build({ editionFile: join(ROOT, 'content/2019/edition.yaml'), outDir: tmp });
    const check = await checkPdf(r.pdfPath);
    expect(check.problems).toEqual([]);
    expect(check.facts.figures).toBe(r.charts);
  }, 180_000);
});

describe('a report through the whole pipeline (the small test edition)', () => {
  it('looks exactly like its untagged rendering, page for page, and passes the PDF check', async () => {
    const doc = await reportDocument(MINI_EDITION);
    const tagged = await renderPdf(doc());
    const a = pageImages(tagged);
    expect(differingPages(a, pageImages(await renderPdf(untagged(doc()))))).toEqual([]);
    const file = join(tmp, 'mini.pdf');
    writeFileSync(file, tagged);
    const check = await checkPdf(file);
    expect(check.problems).toEqual([]);
    expect(check.facts.pages).toBe(a.length);
  }, 120_000);
});

