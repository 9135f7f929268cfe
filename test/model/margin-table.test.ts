import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/build.ts';
import { marginTable } from '../../src/model/margin-table.ts';
import type { TableBlock } from '../../src/model/report-types.ts';
import { EDITION_2018, MINI_EDITION } from '../helpers/paths.ts';

const text = { caption: 'Foutmarge', sizeHeader: 'N', shareHeader: (a: string, b: string) => (a === b ? `bij ${a}` : `bij ${a} of ${b}`) };

describe('margin table', () => {
  it('gives ± points computed from the Wilson interval with the finite population correction', () => {
    const t = marginTable('marges', 10, 620, 620 / 2700, text);
    expect(t.header).toEqual(['N', 'bij 50%', 'bij 25% of 75%', 'bij 10% of 90%']);
    expect(t.rows.map((r) => r[0])).toEqual(['10', '20', '30', '50', '100', '200', '500']);
    // N = 100 at 50 %, worked by hand: f = 620/2700 = 0,2296, so N = 435,5 and the variance
    // shrinks by (435,5 − 100)/(434,5) = 0,7721; z'² = 3,8415 · 0,7721 = 2,9662;
    // half = √2,9662 · √(0,0025 + 2,9662/40000) / (1 + 0,029662) = 0,0849 → ± 8 points
    // (without the correction it would be ± 10: 0,0960).
    expect(t.rows[4]).toEqual(['100', '± 8', '± 7', '± 5']);
    // The margin shrinks as the group grows and towards 0 or 100 %.
    const points = t.rows.map((r) => r.slice(1).map((c) => Number(c.replace('± ', ''))));
    for (let i = 1; i < points.length; i++) expect(points[i]![0]!).toBeLessThanOrEqual(points[i - 1]![0]!);
    for (const p of points) expect(p[2]!).toBeLessThanOrEqual(p[0]!);
  });

  it('appears in the methodology chapter of 2018 at that edition’s response rate', () => {
    const { model } = buildModel(EDITION_2018);
    const chapter = model.parts.at(-1)!.chapters[0]!;
    const section = chapter.sections.find((s) => s.id === 'onderzoeksverantwoording-precision')!;
    const table = section.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.caption).toBe('Foutmarge in procentpunten (95%) bij een respons van 22,7%');
    expect(section.blocks.filter((b) => b.type === 'paragraph').length).toBeGreaterThan(0);
  });

  it('starts at the minimum group size and stops at the response (mini: minimum 3, 10 respondents)', () => {
    const { model } = buildModel(MINI_EDITION);
    const section = model.parts.at(-1)!.chapters[0]!.sections.find((s) => s.id === 'onderzoeksverantwoording-precision')!;
    const table = section.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.rows.map((r) => r[0])).toEqual(['3', '10']);
  });
});
