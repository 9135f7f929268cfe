import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { BuiltInChartKind } from '../../../src/model/chart-kinds/registry.ts';
import { chartSpec } from '../../../src/render/chart-images.ts';
import { clearChartCache, renderChartDrawing, renderChartSvg } from '../../../src/render/charts/render-svg.ts';
import type { ChartOptions } from '../../../src/render/charts/types.ts';
import { aggregate, agreement, chartSamples as samples, KNOWN, LONG_STATEMENT, stackedChart, TONES } from './fixtures.ts';
import { placedTexts } from './svg-text.ts';

const options: ChartOptions = { width: 451, decimals: 1, previousYearLabel: '2017', tones: TONES };
const kinds = Object.keys(samples) as BuiltInChartKind[];

function render(kind: BuiltInChartKind, o: ChartOptions = options) {
  return renderChartSvg(chartSpec(samples[kind], o));
}

describe('renderChartSvg', () => {
  it('writes Dutch percentages, N and the legend in scale order into the SVG', async () => {
    const { svg } = await renderChartSvg(stackedChart([{ label: 'Totaal', aggregate: KNOWN }], options));
    const strings = placedTexts(svg).map((t) => t.text);
    expect(strings).toContain('18,8%');
    expect(strings).toContain('N = 484');
    const legend = ['Zeer oneens', 'Oneens', 'Neutraal', 'Eens', 'Zeer eens'].map((l) => strings.indexOf(l));
    expect(legend.every((i) => i >= 0)).toBe(true);
    expect([...legend].sort((a, b) => a - b)).toEqual(legend);
    expect(svg).toContain('font-family="Roboto"');
  });

  it.each(kinds)('%s: exactly the requested width, nothing outside it, no <image>', async (kind) => {
    for (const width of [220, 300, 451]) {
      const chart = await render(kind, { ...options, width });
      expect(chart.width).toBe(width);
      expect(chart.svg).toMatch(new RegExp(`^<svg[^>]* width="${width}"`));
      expect(chart.svg).not.toMatch(/<image/);
      for (const t of placedTexts(chart.svg)) {
        expect(t.left, t.text).toBeGreaterThanOrEqual(-0.01);
        expect(t.right, t.text).toBeLessThanOrEqual(width + 0.01);
        expect(t.y, t.text).toBeLessThanOrEqual(chart.height);
      }
    }
  });

  it.each(kinds)('%s: same input gives a byte-identical SVG, cached or not', async (kind) => {
    const first = await render(kind);
    const second = await render(kind);
    clearChartCache();
    const fresh = await render(kind);
    expect(second.svg).toBe(first.svg);
    expect(fresh.svg).toBe(first.svg);
  });

  it.each(kinds)('%s: a view reused after charts with other data draws exactly what a fresh one draws', async (kind) => {
    const other = { ...options, width: 451, previousYearLabel: '2016' };
    clearChartCache();
    const fresh = await render(kind);
    const freshDrawing = await renderChartDrawing(chartSpec(samples[kind], options));
    // Other data through the same shapes (a narrower label set where the kind allows it), then the first again.
    await render(kind, other);
    await renderChartDrawing(chartSpec(samples[kind], other));
    if (samples[kind].rows.length > 1) {
      const fewer = { ...samples[kind], rows: samples[kind].rows.slice(0, 1) };
      await renderChartSvg(chartSpec(fewer, options));
      await renderChartDrawing(chartSpec(fewer, options));
    }
    expect((await render(kind)).svg).toBe(fresh.svg);
    expect(await renderChartDrawing(chartSpec(samples[kind], options))).toEqual(freshDrawing);
  });

  it('stays deterministic when renders overlap', async () => {
    const alone = await render('likert');
    const [a, , b] = await Promise.all([render('likert'), render('segments'), render('likert')]);
    expect(a.svg).toBe(alone.svg);
    expect(b.svg).toBe(alone.svg);
  });

  it('wraps a long statement over several text lines', async () => {
    const { svg } = await render('value-summary');
    const lines = placedTexts(svg).filter((t) => LONG_STATEMENT.includes(t.text) && t.text.length > 3);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.map((l) => l.text).join(' ')).toBe(LONG_STATEMENT);
    expect(new Set(lines.map((l) => l.y)).size).toBe(lines.length);
  });

  it('loads nothing: images are stripped and data URLs refused', async () => {
    const withImage = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 100,
      height: 20,
      data: { values: [{ u: 'file:///etc/passwd' }] },
      mark: { type: 'image', width: 10, height: 10 },
      encoding: { url: { field: 'u', type: 'nominal' } },
    } as TopLevelSpec;
    const { svg } = await renderChartSvg(withImage);
    expect(svg).not.toMatch(/<image/);

    const withUrl = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 100,
      height: 20,
      data: { url: '/etc/passwd', format: { type: 'csv' } },
      mark: 'text',
      encoding: { text: { field: 'root', type: 'nominal' } },
    } as TopLevelSpec;
    const result = await renderChartSvg(withUrl).then((r) => r.svg, (e: Error) => e.message);
    expect(result).not.toMatch(/root:|daemon:/);
  });
});
