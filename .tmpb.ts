import { buildModel } from './src/build.ts';
import { renderChartImages } from './src/render/chart-images.ts';
import { pdfDocument } from './src/render/pdf/document.ts';
import { renderPdf } from './src/render/pdf/write-pdf.ts';
import { CONTENT_WIDTH } from './src/render/pdf/styles.ts';
import v8 from 'node:v8';
export async function main() {
  if (process.env.SEMI) v8.setFlagsFromString(`--max-semi-space-size=${process.env.SEMI}`);
  const cache = new Map();
  const { model } = buildModel('/tmp/ed2018/edition.yaml');
  const charts = await renderChartImages(model, { width: CONTENT_WIDTH, decimals: 1 }, () => {}, cache);
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await renderPdf(pdfDocument(model, { charts, creationDate: new Date(), tocTitle: 'Inhoudsopgave' }));
    console.log(i, (performance.now() - t).toFixed(0));
  }
  return 0;
}
