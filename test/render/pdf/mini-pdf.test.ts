import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildResult } from '../../../src/build.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';
import { flattenOutline, readPdf, tableOfContents, type PdfContent } from '../../helpers/read-pdf.ts';

let result: BuildResult;
let pdf: PdfContent;

beforeAll(async () => {
  result = await build({ editionFile: MINI_EDITION, outDir: mkdtempSync(join(tmpdir(), 'mini-pdf-')) });
  pdf = await readPdf(result.pdfPath);
}, 30_000);

describe('the PDF of a small edition', () => {
  it('has the narrative text with Dutch numbers', () => {
    const all = pdf.pages.join(' ');
    expect(all).toContain('Bij Alfa is 60% positief.');
    expect(all).toContain('Van de 40 uitgenodigden reageerden er 10 (25,0%).');
  });

  it('prints every statement caption of its scope', () => {
    const all = pdf.pages.join(' ');
    expect(all).toContain('Ik ben tevreden over de aansluiting op Alfa');
    expect(all).toContain('Ik ben aangesloten op Beta');
  });

  it('shows chart percentages with one decimal and a decimal comma', () => {
    expect(pdf.pages.join(' ')).toMatch(/55,6%/);
  });

  it('has bookmarks that mirror the table of contents, with the same pages', () => {
    const toc = tableOfContents(pdf);
    const marks = flattenOutline(pdf.outline).map((b) => ({ title: b.title, page: b.page }));
    expect(toc.length).toBeGreaterThan(10);
    expect(marks).toEqual(toc);
  });

  it('points every table-of-contents entry at the page that carries the heading', () => {
    for (const entry of tableOfContents(pdf)) expect(pdf.pages[entry.page - 1], entry.title).toContain(entry.title);
  });

  it('nests sections under chapters under parts in the bookmarks', () => {
    const deel2 = pdf.outline.find((b) => b.title === 'Resultaten per product/dienst')!;
    expect(deel2.children.map((c) => c.title)).toEqual(['3 Hoe we werken rond Alfa', '4 De werkprocessen rond Alfa', '5 Hoe we werken rond Beta', '6 De werkprocessen rond Beta']);
    expect(deel2.children[0]!.children.map((c) => c.title)).toEqual(['3.1 Betrouwbaar']);
  });

  it('writes title, author and language metadata', () => {
    expect(pdf.info).toMatchObject({ Title: 'Logius Testonderzoek 2030 – Eindrapport', Author: 'Logius' });
    expect(pdf.language).toBe('nl-NL');
  });
});
