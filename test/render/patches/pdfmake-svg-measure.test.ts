import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf/write-pdf.ts';
import { measuredSvgCount, PDFMAKE_VERSION } from '../../../src/render/patches/pdfmake-svg-measure.ts';

const require = createRequire(import.meta.url);

describe('the pdfmake SVG-measure patch', () => {
  it('is written for the installed (pinned) pdfmake version', () => {
    expect((require('pdfmake/package.json') as { version: string }).version).toBe(PDFMAKE_VERSION);
  });

  it("takes effect: pdfmake's layout measures SVGs through the patched measurement, and reuses sizes", async () => {
    const before = measuredSvgCount();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="${before + 20}"><rect width="40" height="20"/></svg>`;
    const doc = { content: [{ svg, width: 40 }, { svg, width: 40 }] };
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Two nodes, one string: measured once, remembered.
    expect(measuredSvgCount()).toBe(before + 1);
    const proto = (require('pdfmake/js/SVGMeasure.js') as { default: { prototype: { writeDimensions(s: string, d: object): unknown } } }).default.prototype;
    // Matching size: the string is passed through, not parsed and written again.
    expect(proto.writeDimensions(svg, { width: 40, height: before + 20 })).toBe(svg);
  });
});
