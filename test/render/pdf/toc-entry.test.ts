import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildModel } from '../../../src/report-model.ts';
import { renderChartDrawings } from '../../../src/render/chart-images.ts';
import { pdfDocument } from '../../../src/render/pdf/document.ts';
import { CONTENT_WIDTH } from '../../../src/render/pdf/styles.ts';
import { renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';

/** The /Contents of every link annotation on the table-of-contents page (page 3: after cover and colofon). */
async function tocLinkContents(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const annotations = (await (await doc.getPage(3)).getAnnotations()) as { subtype: string; contentsObj?: { str: string } }[];
  await doc.destroy();
  return annotations.filter((a) => a.subtype === 'Link').map((a) => a.contentsObj?.str ?? '');
}

describe('the entries of the table of contents, for screen readers', () => {
  it('say the text of templates/report.yaml (document.toc_entry) with each heading, and follow an edit of it', async () => {
    const { model, survey, templates } = buildModel(MINI_EDITION);
    const charts = await renderChartDrawings(model, { width: CONTENT_WIDTH, decimals: survey.edition.rounding.chart_decimals });
    const render = (tocEntry: string) => renderPdf(pdfDocument(model, { charts, creationDate: new Date(0), tocTitle: templates.chapters.toc, tocEntry }));
    const headings = model.parts.flatMap((p) => p.chapters.filter((c) => c.inToc).map((c) => c.heading));
    expect(templates.document.toc_entry).toBe('Ga naar {{kop}}');
    const standard = await tocLinkContents(await render(templates.document.toc_entry));
    expect(standard).toEqual(expect.arrayContaining(headings.map((h) => `Ga naar ${h}`)));
    const edited = await tocLinkContents(await render('Lees verder bij {{kop}}'));
    expect(edited).toEqual(standard.map((c) => c.replace(/^Ga naar /, 'Lees verder bij ')));
  });
});
