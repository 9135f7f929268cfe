import { renderPdf } from '../src/render/pdf/write-pdf.ts';
import { differingPages, pageImages } from '../test/helpers/page-images.ts';
import { reportDocument, untagged } from '../test/helpers/report-document.ts';

/**
 * Renders an edition's report with and without tagging and compares every page as PNG
 * (pdftoppm): tagging must not change a pixel. Prints a JSON line for bench/main.ts.
 */
export async function main([edition, dpi = '60']: string[]): Promise<number> {
  const doc = await reportDocument(edition!);
  const tagged = pageImages(await renderPdf(doc()), Number(dpi));
  const plain = pageImages(await renderPdf(untagged(doc())), Number(dpi));
  const differing = differingPages(tagged, plain);
  console.log(JSON.stringify({ pages: tagged.length, differing: differing.length, differingPages: differing }));
  return differing.length ? 1 : 0;
}
