/**
 * The headline test of issue 8: an edition built from an export written independently of
 * fixtures/generator (test/fixtures/independent/make-export.ts) — choice text, ';', BOM, CRLF,
 * other column names and order, a Survey Preview and a Survey Test row, two products no bundled
 * edition has, a multi-select question with one column per choice — builds without any code or
 * template change, and its figures match a recomputation done here, straight from the CSV text.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/build.ts';
import { checkEdition } from '../src/check/check-edition.ts';
import { loadSurvey } from '../src/load/survey.ts';
import { aggregateSurvey } from '../src/analyse/aggregate.ts';
import { chartSpec } from '../src/render/chart-images.ts';
import type { Block, ChartBlock, ReportModel } from '../src/model/report-types.ts';
import { EXPORT_FILE, makeExport } from './fixtures/independent/make-export.ts';
import { MINI_EDITION } from './helpers/paths.ts';
import { flatBlocks } from './helpers/model-blocks.ts';

const EDITION = join(import.meta.dirname, 'fixtures/independent/edition.yaml');

/** The export read by hand: BOM off, CRLF lines, ';' cells (no cell here needs quotes), by column name. */
function readByHand(): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(EXPORT_FILE, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  const header = lines[0]!.split(';');
  const rows = lines.slice(3).map((l) => Object.fromEntries(l.split(';').map((c, i) => [header[i]!, c])));
  return { header, rows };
}

const AGREE: Record<string, number> = { 'Helemaal mee oneens': 1, 'Mee oneens': 2, 'Niet eens, niet oneens': 3, 'Mee eens': 4, 'Helemaal mee eens': 5 };

/** Share of Mee eens + Helemaal mee eens among the answers on the scale (not "Weet ik niet", not blank). */
function positive(rows: Record<string, string>[], column: string): { n: number; positive: number } {
  const codes = rows.map((r) => AGREE[r[column]!]).filter((c): c is number => c !== undefined);
  return { n: codes.length, positive: (100 * codes.filter((c) => c >= 4).length) / codes.length };
}

describe('an edition from an export written independently of the generator', () => {
  const { header, rows: all } = readByHand();
  const counted = all.filter((r) => r['Status'] !== 'Survey Preview' && r['Status'] !== '2');
  let result: BuildResult;
  let model: ReportModel;

  beforeAll(async () => {
    result = await build({ editionFile: EDITION, outDir: mkdtempSync(join(tmpdir(), 'independent-')) });
    model = JSON.parse(readFileSync(result.jsonPath, 'utf8')) as ReportModel;
  });

  it('is the file its checked-in script writes, in the shape the test promises', () => {
    expect(readFileSync(EXPORT_FILE, 'utf8')).toBe(makeExport());
    expect(header.slice(0, 3)).toEqual(['ResponseId', 'Status', 'Product']);
    expect(all.filter((r) => r['Status'] === 'Survey Preview')).toHaveLength(1);
    expect(all.filter((r) => r['Status'] === '2')).toHaveLength(1);
    expect(new Set(all.map((r) => r['Product']))).toEqual(new Set(['DigiD', 'MijnOverheid', 'eHerkenning', 'Berichtenbox']));
  });

  it('builds (PDF and model) and passes check without errors or warnings', () => {
    expect(result.pages).toBeGreaterThan(10);
    expect(result.warnings).toEqual([]);
    const checked = checkEdition(EDITION);
    expect(checked.problems).toEqual([]);
  });

  it('counts respondents, exclusions, products and completes as recomputed from the CSV', () => {
    const s = aggregateSurvey(loadSurvey(EDITION)).statistics;
    expect(s.received).toBe(all.length);
    expect(s.responded).toBe(counted.length);
    expect(s.excluded).toEqual([
      { reason: 'status', status: 'Survey Preview', count: 1 },
      { reason: 'status', status: 'Survey Test', count: 1 },
    ]);
    expect(s.complete).toBe(counted.filter((r) => r['Finished'] === 'WAAR').length);
    for (const p of s.perProduct) expect(p.responded, p.product).toBe(counted.filter((r) => r['Product'] === p.product).length);
    expect(model.responses).toMatchObject({ received: all.length, counted: counted.length });
  });

  it('charts each statement, per scope, with the shares recomputed from the CSV', () => {
    const charts = flatBlocks(model).filter((b): b is ChartBlock => b.type === 'chart' && b.chart === 'likert');
    const cases: [string, string, string, Record<string, string>[]][] = [
      ['vertrouwen', 'VERTR', 'organisation', counted],
      ['kennis', 'KENNIS', 'organisation', counted],
      ['tevreden-aansluiting', 'AANSL_TEVR', 'organisation', counted.filter((r) => r['AANSL'] === 'Ja')],
      ...['DigiD', 'MijnOverheid', 'eHerkenning', 'Berichtenbox'].map((p): [string, string, string, Record<string, string>[]] => ['vertrouwen', 'VERTR', p, counted.filter((r) => r['Product'] === p)]),
    ];
    for (const [question, column, scope, rows] of cases) {
      const block = charts.find((b) => b.question === question && b.scope === scope);
      const expected = positive(rows, column);
      expect(block, `${question} ${scope}`).toBeDefined();
      expect(block!.n, `${question} ${scope}`).toBe(expected.n);
      expect(block!.rows[0]!.positive, `${question} ${scope}`).toBeCloseTo(expected.positive, 10);
      expect(block!.counts['Zeer mee eens']).toBe(rows.filter((r) => r[column] === 'Helemaal mee eens').length);
    }
  });

  it('counts the new multi-select question from its one-column-per-choice cells', () => {
    const block = flatBlocks(model).find((b): b is ChartBlock => b.type === 'chart' && b.question === 'kanalen')!;
    const ticked = counted.filter((r) => r['KANAAL_1'] || r['KANAAL_2'] || r['KANAAL_3']);
    expect(block.n).toBe(ticked.length);
    expect(block.counts).toEqual({
      Website: ticked.filter((r) => r['KANAAL_1'] === 'Website van Logius').length,
      Nieuwsbrief: ticked.filter((r) => r['KANAAL_2'] === 'Nieuwsbrief').length,
      Webinar: ticked.filter((r) => r['KANAAL_3'] === 'Webinar').length,
    });
    expect(block.percentages['Webinar']).toBeCloseTo((100 * block.counts['Webinar']!) / ticked.length, 10);
  });

  it('keeps the personal data and the open answers out of the model', () => {
    const json = JSON.stringify(model);
    expect(json).not.toContain('example.org');
    expect(json).not.toContain('06-12345678');
  });

  it('charts a scale worded otherwise than last edition with the same colours and one legend', async () => {
    const { buildModel } = await import('../src/build.ts');
    const before = buildModel(MINI_EDITION).model;
    const find = (m: ReportModel) => flatBlocks(m).find((b): b is ChartBlock => b.type === 'chart' && b.id === 'organisatie-betrouwbaar-vertrouwen')!;
    const now = find(model);
    const then = find(before);
    // Last edition said "Zeer oneens", this one "Zeer mee oneens": last year's bar is in this year's words.
    expect(Object.keys(then.counts)).toContain('Zeer oneens');
    expect(Object.keys(now.rows[0]!.previous!.counts)).toEqual(Object.keys(now.counts));
    const colours = (b: ChartBlock) => {
      const spec = chartSpec(b, { width: 451, decimals: 1, ...(b.tones ? { tones: b.tones } : {}) }) as { layer: { data?: { name: string }; encoding?: { color?: { scale?: { domain?: string[]; range?: string[] } } } }[] };
      return spec.layer.find((l) => l.data?.name === 'rects')!.encoding!.color!.scale!;
    };
    expect(colours(now).range).toEqual(colours(then).range);
    expect(colours(now).domain).toEqual(['Zeer mee oneens', 'Mee oneens', 'Neutraal', 'Mee eens', 'Zeer mee eens']);
  });
});
