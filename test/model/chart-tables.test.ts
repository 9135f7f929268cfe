import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/report-model.ts';
import { formatNumber, formatPercent } from '../../src/analyse/dutch-number.ts';
import type { ChartBlock, ReportModel, TableBlock } from '../../src/model/report-types.ts';
import { EDITION_2018 } from '../helpers/paths.ts';
import { flatBlocks } from '../helpers/model-blocks.ts';

let model: ReportModel;
const blocks = (m: ReportModel) => flatBlocks(m);

beforeAll(() => {
  model = buildModel(EDITION_2018).model;
}, 60_000);

describe('the appendix "Cijfers bij de grafieken"', () => {
  it('closes the report and gives every chart with several rows or answers a table, in reading order', () => {
    const appendix = model.parts.at(-1)!.chapters.at(-1)!;
    expect(appendix.id).toBe('cijfers-bij-de-grafieken');
    expect(appendix.title).toBe('Cijfers bij de grafieken');
    const tables = appendix.intro.filter((b): b is TableBlock => b.type === 'table');
    const charts = blocks(model).filter((b): b is ChartBlock => b.type === 'chart');
    const withTable = charts.filter((c) => c.dataTable);
    expect(withTable.map((c) => c.chart).sort()).toEqual(charts.filter((c) => c.rows.length > 1 || c.chart === 'multiselect').map((c) => c.chart).sort());
    expect(tables.map((t) => t.chart)).toEqual(withTable.map((c) => c.id));
    for (const c of withTable) expect(tables.find((t) => t.id === c.dataTable!.id)?.chart).toBe(c.id);
  });

  it('prints the numbers of the chart: each row with its shares and N, row headers first', () => {
    const tables = model.parts.at(-1)!.chapters.at(-1)!.intro.filter((b): b is TableBlock => b.type === 'table');
    const charts = new Map(blocks(model).filter((b): b is ChartBlock => b.type === 'chart').map((c) => [c.id, c]));
    const decimals = 1;
    const segments = tables.find((t) => charts.get(t.chart!)!.chart === 'segments')!;
    const chart = charts.get(segments.chart!)!;
    expect(segments.rowHeaders).toBe(true);
    expect(segments.header).toEqual(['Groep', 'Positief', 'Neutraal', 'Negatief', 'N']);
    expect(segments.rows).toEqual(chart.rows.map((r) => [r.label, formatPercent(r.positive!, decimals), formatPercent(r.neutral!, decimals), formatPercent(r.negative!, decimals), formatNumber(r.n)]));
    const multi = tables.find((t) => charts.get(t.chart!)!.chart === 'multiselect')!;
    const m = charts.get(multi.chart!)!.rows[0]!;
    expect(multi.rows.slice(0, -1)).toEqual(Object.entries(m.percentages).map(([k, v]) => [k, formatNumber(m.counts[k]!), formatPercent(v, decimals)]));
    expect(multi.rows.at(-1)![1]).toBe(formatNumber(m.n));
  });
});

describe('alternative texts of charts', () => {
  it('say the kind of chart, the shares and N, without repeating the caption', () => {
    for (const c of blocks(model).filter((b): b is ChartBlock => b.type === 'chart')) {
      expect(c.description).toMatch(/^(Gestapeld staafdiagram|Staafdiagram|Staafdiagrammen)/);
      expect(c.description).toContain('N = ');
      expect(c.description).toMatch(/\d+,\d%/);
      if (c.caption && c.chart !== 'value-summary') expect(c.description).not.toContain(c.caption);
      if (c.dataTable) expect(c.description).toMatch(/in de tabel in de bijlage Cijfers bij de grafieken\.$/);
    }
  });
});

describe('heading levels', () => {
  it('follow the tree without skipping: titled part 1, its chapters 2, their sections 3; chapters of untitled parts 1', () => {
    for (const p of model.parts) {
      expect(p.headingLevel).toBe(p.title === null ? undefined : 1);
      for (const c of p.chapters) {
        expect(c.headingLevel).toBe(p.title === null ? 1 : 2);
        for (const s of c.sections) expect(s.headingLevel).toBe(c.headingLevel! + 1);
      }
    }
  });
});
