import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { likertChart } from '../../../src/render/charts/likert.ts';
import { chartBuilders, clearChartCache, renderChart, renderChartDrawing, renderChartSvg, type ChartKind } from '../../../src/render/charts/render-svg.ts';
import type { ChartOptions } from '../../../src/render/charts/types.ts';
import { chartSamples as samples, KNOWN, LONG_STATEMENT, TONES } from './fixtures.ts';
import { placedTexts } from './svg-text.ts';

const options: ChartOptions = { width: 451, decimals: 1, previousYearLabel: '2017', tones: TONES };
const kinds = Object.keys(samples) as ChartKind[];

function render<K extends ChartKind>(kind: K, o: ChartOptions = options) {
  return renderChart(kind, samples[kind], o);
}

describe('renderChartSvg', () => {
  it('writes Dutch percentages, N and the legend in scale order into the SVG', async () => {
    const { svg } = await renderChartSvg(likertChart([{ label: 'Totaal', aggregate: KNOWN }], options));
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
    const freshDrawing = await renderChartDrawing(chartBuilders[kind](samples[kind] as never, options));
    // Other data through the same shapes (a narrower label set where the kind allows it), then the first again.
    await render(kind, other);
    await renderChartDrawing(chartBuilders[kind](samples[kind] as never, other));
    if (Array.isArray(samples[kind])) {
      await renderChart(kind, (samples[kind] as unknown[]).slice(0, 1) as never, options);
      await renderChartDrawing(chartBuilders[kind]((samples[kind] as unknown[]).slice(0, 1) as never, options));
    }
    expect((await render(kind)).svg).toBe(fresh.svg);
    expect(await renderChartDrawing(chartBuilders[kind](samples[kind] as never, options))).toEqual(freshDrawing);
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
