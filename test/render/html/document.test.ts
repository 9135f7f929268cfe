import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { formatPercent } from '../../../src/analyse/dutch-number.ts';
import type { ChartBlock, ReportModel } from '../../../src/model/report-types.ts';
import { chartSpec } from '../../../src/render/chart-images.ts';
import { BUILT_IN_CHART_KINDS } from '../../../src/model/chart-kinds/registry.ts';
import { blocksOfType } from '../../../src/model/visit-blocks.ts';
import { contrastRatio, theme } from '../../../src/render/charts/theme.ts';
import { renderChartSvg } from '../../../src/render/charts/render-svg.ts';
import { loadHtmlAssets } from '../../../src/render/html/assets.ts';
import { chartTable } from '../../../src/render/html/chart-table.ts';
import { accessibleSvg, fillUnits, htmlPage } from '../../../src/render/html/document.ts';
import { HTML_CHART_WIDTH, screenChartSpec } from '../../../src/render/html/edition.ts';

const model = (): ReportModel => JSON.parse(readFileSync(inject('report2018').jsonPath, 'utf8')) as ReportModel;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const labels = loadHtmlAssets().labels;

describe('the data table of a chart', () => {
  it('prints every answer percentage of every row as the chart does, with N', () => {
    const block = blocksOfType(model(), 'chart').find((b) => b.chart === 'segments')!;
    const t = text(chartTable(block, 'x', { decimals: 1, labels, year: 2018, kind: BUILT_IN_CHART_KINDS.get(block.chart) }));
    for (const row of block.rows) {
      const cells = [row.label, ...Object.keys(row.counts).map((a) => formatPercent(row.percentages[a]!, 1)), String(row.n)];
      expect(t).toContain(cells.join(' '));
    }
    expect(t).toContain(`${labels.rowHeader} ${Object.keys(block.rows[0]!.counts).join(' ')} ${labels.nHeader}`);
  });

  it('shows last year as a row of its own', () => {
    const block: ChartBlock = structuredClone(blocksOfType(model(), 'chart').find((b) => b.chart === 'likert')!);
    const row = block.rows[0]!;
    row.previous = { ...row, year: 2017, n: 99, percentages: Object.fromEntries(Object.keys(row.counts).map((k) => [k, 20])) };
    const t = text(chartTable(block, 'x', { decimals: 1, labels, year: 2018, kind: BUILT_IN_CHART_KINDS.get(block.chart) }));
    expect(t).toContain(`2018 ${Object.keys(row.counts).map((a) => formatPercent(row.percentages[a]!, 1)).join(' ')} ${row.n}`);
    expect(t).toContain(`2017 ${Object.keys(row.counts).map(() => '20,0%').join(' ')} 99`);
  });

  it('lists a multiple-choice question one answer per row, and the respondents per product', () => {
    const blocks = blocksOfType(model(), 'chart');
    const multi = blocks.find((b) => b.chart === 'multiselect')!;
    const row = multi.rows[0]!;
    const answer = Object.keys(row.counts)[0]!;
    expect(text(chartTable(multi, 'x', { decimals: 1, labels, year: 2018, kind: BUILT_IN_CHART_KINDS.get(multi.chart) }))).toContain(`${answer} ${formatPercent(row.percentages[answer]!, 1)} ${row.counts[answer]}`);
    const respondents = blocks.find((b) => b.chart === 'respondents')!;
    const first = respondents.rows[0]!;
    expect(text(chartTable(respondents, 'x', { decimals: 1, labels, year: 2018, kind: BUILT_IN_CHART_KINDS.get(respondents.chart) }))).toContain(
      `${first.label} ${first.counts.respondenten} ${formatPercent(first.percentages.respondenten!, 1)}`,
    );
  });
});

describe('web charts', () => {
  it('outline every bar and legend symbol in a colour with at least 3:1 against white', async () => {
    const block = blocksOfType(model(), 'chart').find((b) => b.chart === 'likert')!;
    const svg = (await renderChartSvg(screenChartSpec(chartSpec(block, { width: HTML_CHART_WIDTH, decimals: 1, ...(block.tones ? { tones: block.tones } : {}) })))).svg;
    const outline = /<path d="M[^"]*" fill="#[0-9a-f]{6}" stroke="(#[0-9a-f]{6})"/.exec(svg)?.[1];
    expect(outline).toBeDefined();
    expect(contrastRatio(outline!, '#ffffff')).toBeGreaterThanOrEqual(3);
    // Every fill is told apart from white, or from the outline around it, by at least 3:1.
    const { text: _text, ...areas } = theme.colours;
    const fills = JSON.stringify(areas).match(/#[0-9a-fA-F]{6}/g)!;
    expect(fills.length).toBeGreaterThan(5);
    for (const fill of fills) expect(Math.max(contrastRatio(fill, '#ffffff'), contrastRatio(fill, outline!))).toBeGreaterThanOrEqual(3);
  });

  it('are images named by the model description, with ids kept apart per chart', () => {
    const svg = '<svg width="10" height="5" viewBox="0 0 10 5"><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)"/></svg>';
    const out = accessibleSvg(svg, 'Twee "balken" & meer', 'fig');
    expect(out).toBe(
      '<svg role="img" aria-label="Twee &quot;balken&quot; &amp; meer" focusable="false" width="10" height="5" viewBox="0 0 10 5"><defs><clipPath id="fig-clip1"/></defs><g clip-path="url(#fig-clip1)"/></svg>',
    );
  });
});

describe('the page in units', () => {
  it('is the skeleton with every unit filled in, one unit per heading block', () => {
    const m = model();
    const charts = new Map(blocksOfType(m, 'chart').map((b) => [b.id, { svg: '<svg width="1" height="1"></svg>', width: 1, height: 1 }]));
    const page = htmlPage(m, { charts, decimals: 1 });
    expect(fillUnits(page.skeleton, page.units)).toBe(page.html);
    const sections = m.parts.flatMap((p) => p.chapters.flatMap((c) => c.sections.map((s) => `paragraaf:${s.id}`)));
    expect([...page.units.keys()]).toEqual(expect.arrayContaining(['omslag', 'colofon', 'deel:deel-1', 'hoofdstuk:managementsamenvatting', ...sections]));
    for (const [id, html] of page.units) expect(html).toMatch(new RegExp(`^<[a-z]+ [^>]*data-unit="${id}"`));
    expect(page.html).not.toContain('<!--unit:');
  });

  it("puts every heading at the model's level, one below the report title (h1)", () => {
    const m = model();
    const charts = new Map(blocksOfType(m, 'chart').map((b) => [b.id, { svg: '<svg width="1" height="1"></svg>', width: 1, height: 1 }]));
    const html = htmlPage(m, { charts, decimals: 1 }).html;
    const level = (id: string) => Number(new RegExp(`<h(\\d) id="${id}"`).exec(html)?.[1]);
    const seen: number[] = [];
    for (const part of m.parts) {
      if (part.title) seen.push(level(part.id) - (part.headingLevel ?? 1));
      for (const c of part.chapters) {
        seen.push(level(c.id) - (c.headingLevel ?? (part.title ? 2 : 1)));
        for (const s of c.sections) seen.push(level(s.id) - (s.headingLevel ?? (part.title ? 3 : 2)));
      }
    }
    expect(new Set(seen)).toEqual(new Set([1]));
    expect(m.parts.flatMap((p) => p.chapters).every((c) => c.headingLevel !== undefined)).toBe(true);
  });
});
