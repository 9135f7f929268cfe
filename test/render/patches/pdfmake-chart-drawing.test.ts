import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { BuiltInChartKind } from '../../../src/model/chart-kinds/registry.ts';
import { chartSpec } from '../../../src/render/chart-images.ts';
import { renderChartDrawing, renderChartSvg } from '../../../src/render/charts/render-svg.ts';
import type { ChartOptions } from '../../../src/render/charts/types.ts';
import { renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { PDFMAKE_VERSION } from '../../../src/render/patches/pdfmake-chart-drawing.ts';
import { differingPages, pageImages } from '../../helpers/page-images.ts';
import { chartSamples, TONES } from '../charts/fixtures.ts';

const require = createRequire(import.meta.url);
const options: ChartOptions = { width: 451, decimals: 1, previousYearLabel: '2017', tones: TONES };
const kinds = Object.keys(chartSamples) as BuiltInChartKind[];

function spec(kind: BuiltInChartKind, o: ChartOptions = options): TopLevelSpec {
  return chartSpec(chartSamples[kind], o);
}

/** One chart per page, in a svg node as build makes it (Roboto is the document font). */
function pdfOf(charts: { svg: unknown; width: number }[]): Promise<Buffer> {
  const doc = {
    pageSize: 'A4',
    defaultStyle: { font: 'Roboto' },
    content: charts.map((c, i) => ({ svg: c.svg, width: c.width, ...(i ? { pageBreak: 'before' } : {}) })),
  } as unknown as TDocumentDefinitions;
  return renderPdf(doc);
}

describe('charts drawn straight into PDFKit (pdfmake chart-drawing patch)', () => {
  it('is written for the installed (pinned) pdfmake version', () => {
    expect((require('pdfmake/package.json') as { version: string }).version).toBe(PDFMAKE_VERSION);
  });

  it('gives the same size as the SVG of the same chart', async () => {
    for (const kind of kinds) {
      const [svg, drawing] = [await renderChartSvg(spec(kind)), await renderChartDrawing(spec(kind))];
      expect([drawing.width, drawing.height], kind).toEqual([svg.width, svg.height]);
    }
  });

  it('draws every chart kind pixel for pixel as svg-to-pdfkit draws its SVG', async () => {
    const svgs = await Promise.all(kinds.map((k) => renderChartSvg(spec(k))));
    const drawings = await Promise.all(kinds.map((k) => renderChartDrawing(spec(k))));
    const viaSvg = pageImages(await pdfOf(svgs), 100);
    const direct = pageImages(await pdfOf(drawings.map((d) => ({ svg: d, width: d.width }))), 100);
    expect(direct).toHaveLength(kinds.length);
    expect(differingPages(direct, viaSvg)).toEqual([]);
  });

  it('writes chart text as real, extractable text in the embedded font', async () => {
    // A likert chart's bars carry no row label (the caption names the statement); segments do.
    const [likert, segments] = [await renderChartDrawing(spec('likert')), await renderChartDrawing(spec('segments'))];
    const pdf = await pdfOf([likert, segments].map((d) => ({ svg: d, width: d.width })));
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    for (const s of ['Zeer oneens', 'Zeer eens', '2017', 'A-categorie', 'C-categorie']) expect(text).toContain(s);
    expect(execFileSync('pdffonts', ['-'], { input: pdf }).toString()).not.toMatch(/Helvetica/);
  });

  it('draws nothing outside the chart box', async () => {
    const drawing = await renderChartDrawing(spec('segments', { ...options, width: 220 }));
    expect(drawing.ops[1]).toEqual({ op: 'clip', path: [['M', 0, 0], ['L', 220, 0], ['L', 220, drawing.height], ['L', 0, drawing.height], ['Z']] });
  });
});
