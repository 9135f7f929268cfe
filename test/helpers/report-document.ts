import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildModel } from '../../src/report-model.ts';
import { renderChartDrawings } from '../../src/render/chart-images.ts';
import { pdfDocument } from '../../src/render/pdf/document.ts';
import { CONTENT_WIDTH } from '../../src/render/pdf/styles.ts';

/**
 * The report's document definition, as `build` makes it, as a factory (pdfmake changes the
 * definition it lays out, so each rendering needs a fresh one).
 */
export async function reportDocument(editionFile: string): Promise<() => TDocumentDefinitions> {
  const { model, survey, templates } = buildModel(editionFile);
  const charts = await renderChartDrawings(model, { width: CONTENT_WIDTH, decimals: survey.edition.rounding.chart_decimals });
  const creationDate = new Date(`${survey.edition.published}T12:00:00Z`);
  return () => pdfDocument(model, { charts, creationDate, tocTitle: templates.chapters.toc, tocEntry: templates.document.toc_entry });
}

/** The same document without tagging (no structure tree, no PDF/A or PDF/UA settings). */
export function untagged(doc: TDocumentDefinitions): TDocumentDefinitions {
  const { version: _v, subset: _s, tagged: _t, displayTitle: _d, ...rest } = doc as TDocumentDefinitions & Record<string, unknown>;
  return rest as TDocumentDefinitions;
}
