import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkPdf } from '../../../src/check/pdf/check-pdf.ts';
import { renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { TAGGED_PDF_SETTINGS } from '../../../src/render/pdf/tagging/document-level.ts';

const tmp = mkdtempSync(join(tmpdir(), 'pdf-check-'));

async function write(name: string, doc: Parameters<typeof renderPdf>[0]): Promise<string> {
  const file = join(tmp, name);
  writeFileSync(file, await renderPdf(doc));
  return file;
}

const content = [
  { text: 'Kop', role: 'H1' },
  { text: 'Een alinea.' },
  { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 100, y2: 0 }] },
  { table: { headerRows: 1, body: [['Product', 'N'], ['Alfa', '12']] } },
];

describe('checkPdf', () => {
  it('finds no problem in the 2018 report, with a Figure with Alt for every chart', async () => {
    const report = inject('report2018');
    const r = await checkPdf(report.pdfPath);
    expect(r.problems).toEqual([]);
    expect(r.facts.pages).toBe(report.pages);
    expect(r.facts.figures).toBe(report.charts);
    expect(r.facts.headings).toBeGreaterThan(90);
    expect(r.facts.links).toBeGreaterThan(100);
  }, 180_000);

  it('reports an untagged PDF: content outside marked content, no structure, no PDF/A or PDF/UA identification', async () => {
    const r = await checkPdf(await write('untagged.pdf', { content, info: { title: 'Proef' } } as never));
    const text = r.problems.join('\n');
    expect(text).toContain('tekenoperatie(s) buiten gemarkeerde inhoud');
    expect(text).toContain('/MarkInfo');
    expect(text).toContain('Geen structuurboom');
    expect(text).toContain('XMP-metadata');
    expect(text).toMatch(/Lettertype .* is niet ingebed|output intent/);
  }, 60_000);

  it('reports a skipped heading level, a table without TH and a Figure without Alt', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#154273"/></svg>';
    const doc = {
      ...TAGGED_PDF_SETTINGS,
      info: { title: 'Proef' },
      language: 'nl-NL',
      content: [
        { text: 'Kop', role: 'H1' },
        { text: 'Te diep', role: 'H3' },
        { table: { headerRows: 0, body: [['Alfa', '12']] } },
        { svg, width: 20 },
      ],
    };
    const r = await checkPdf(await write('gaps.pdf', doc as never));
    expect(r.problems).toContain('Kopniveau overgeslagen: H1 gevolgd door H3 (kop 2).');
    expect(r.problems.some((p) => p.startsWith('Tabel zonder kopcellen (TH)'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('Figure zonder alternatieve tekst'))).toBe(true);
  }, 60_000);
});
