import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { measureText } from '../../../src/render/charts/text-metrics.ts';
import { patchVegaTextMetrics } from '../../../src/render/patches/vega-text-metrics.ts';

/** Width of the bounds Vega computes for one text mark, as its layout (autosize, legends) sees it. */
async function textBoundsWidth(text: string, fontSize: number): Promise<number> {
  const spec = {
    width: 10,
    height: 10,
    marks: [{ type: 'text', encode: { enter: { text: { value: text }, fontSize: { value: fontSize }, x: { value: 0 }, y: { value: 0 } } } }],
  } as vega.Spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    await view.runAsync();
    const root = (view.scenegraph() as unknown as { root: { items: { items: { items: { bounds: { x1: number; x2: number } }[] }[] }[] } }).root;
    const bounds = root.items[0]!.items[0]!.items[0]!.bounds;
    return bounds.x2 - bounds.x1;
  } finally {
    view.finalize();
  }
}

describe('the Vega text-measurement patch', () => {
  it("makes Vega's layout measure text with the PDF's font, not 0,8 × size per character", async () => {
    patchVegaTextMetrics(vega);
    patchVegaTextMetrics(vega); // idempotent
    const text = 'iiiiiiiiii';
    const width = await textBoundsWidth(text, 10);
    expect(width).toBeCloseTo(measureText(text, 10), 6);
    // Vega's own estimate without a canvas would be 0,8 × 10 × 10 characters.
    expect(width).not.toBeCloseTo(80, 0);
  });
});
