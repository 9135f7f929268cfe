import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../src/report-model.ts';
import { renderChartDrawings, renderChartSvgs } from '../src/render/chart-images.ts';
import type { ChartDrawing } from '../src/render/charts/drawing.ts';
import type { ChartSvg } from '../src/render/charts/render-svg.ts';
import { htmlPage } from '../src/render/html/document.ts';
import { HTML_CHART_WIDTH, HTML_EDITION_FILE, screenChartSpec } from '../src/render/html/edition.ts';
import { modelJson } from '../src/render/json.ts';
import { pdfDocument } from '../src/render/pdf/document.ts';
import { CONTENT_WIDTH } from '../src/render/pdf/styles.ts';
import { renderPdf } from '../src/render/pdf/write-pdf.ts';
import { writeOutputsTogether } from '../src/output/write-together.ts';

const processStart = performance.timeOrigin;

type Sizes = Record<string, { pdf: [number, number]; html: [number, number] }>;

/**
 * The layout floor: the same build as `build` (model, PDF with tags, JSON, web edition, written
 * together), with every chart replaced by an empty box of its size — what the report costs
 * without drawing a single chart. The sizes come from `sizesFile`, made by a first run (which
 * draws the charts once and measures nothing). Prints a JSON line for bench/main.ts.
 */
export async function main([edition, outDir, sizesFile]: string[]): Promise<number> {
  if (!existsSync(sizesFile!)) {
    const { model, survey } = buildModel(edition!);
    const decimals = survey.edition.rounding.chart_decimals;
    const pdf = await renderChartDrawings(model, { width: CONTENT_WIDTH, decimals });
    const html = await renderChartSvgs(model, { width: HTML_CHART_WIDTH, decimals }, undefined, screenChartSpec);
    const sizes: Sizes = {};
    for (const [id, d] of pdf) sizes[id] = { pdf: [d.width, d.height], html: [html.get(id)!.width, html.get(id)!.height] };
    writeFileSync(sizesFile!, JSON.stringify(sizes));
    console.log(JSON.stringify({ prepared: pdf.size }));
    return 0;
  }
  const sizes = JSON.parse(readFileSync(sizesFile!, 'utf8')) as Sizes;
  const t0 = performance.now();
  const { model, survey, templates } = buildModel(edition!);
  const drawings = new Map<string, ChartDrawing>();
  const svgs = new Map<string, ChartSvg>();
  for (const [id, { pdf, html }] of Object.entries(sizes)) {
    drawings.set(id, { kind: 'chart-drawing', width: pdf[0], height: pdf[1], ops: [] });
    svgs.set(id, { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${html[0]}" height="${html[1]}"></svg>`, width: html[0], height: html[1] });
  }
  const decimals = survey.edition.rounding.chart_decimals;
  const html = htmlPage(model, { charts: svgs, decimals });
  const pdf = await renderPdf(pdfDocument(model, { charts: drawings, creationDate: new Date(`${survey.edition.published}T12:00:00Z`), tocTitle: templates.chapters.toc, tocEntry: templates.document.toc_entry }));
  const name = `eindrapport-${survey.edition.year}`;
  writeOutputsTogether(outDir!, [
    { name: `${name}.json`, data: modelJson(model) },
    { name: join(name, HTML_EDITION_FILE), data: html.html },
    { name: `${name}.pdf`, data: pdf },
  ]);
  const t1 = performance.now();
  console.log(JSON.stringify({ totalSeconds: (Date.now() - processStart) / 1000, buildSeconds: (t1 - t0) / 1000, charts: drawings.size, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
  return 0;
}
