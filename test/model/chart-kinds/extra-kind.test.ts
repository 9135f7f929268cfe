import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../../src/analyse/dutch-number.ts';
import { build } from '../../../src/build.ts';
import { checkEdition } from '../../../src/check/check-edition.ts';
import { loadEdition } from '../../../src/load/edition.ts';
import { checkPdf } from '../../../src/check/pdf/check-pdf.ts';
import { BUILT_IN_CHART_KINDS, chartKinds } from '../../../src/model/chart-kinds/registry.ts';
import { buildModel } from '../../../src/build.ts';
import type { ChartBlock, ReportModel } from '../../../src/model/report-types.ts';
import { blocksOfType } from '../../../src/model/visit-blocks.ts';
import { readPdf } from '../../helpers/read-pdf.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';
import { copyEdition } from '../../helpers/temp-edition.ts';
import { yesShare } from './yes-share.ts';

function charts(model: ReportModel): ChartBlock[] {
  return blocksOfType(model, 'chart');
}

describe('an extra chart kind: one registry entry plus its module', () => {
  // The registry entry: the built-in kinds plus this one, as a value passed to the build.
  const kinds = chartKinds({ 'ja-aandeel': yesShare });
  let out: string;
  let model: ReportModel;
  let pdfPath: string;
  let htmlPath: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'extra-kind-'));
    const result = await build({ editionFile: MINI_EDITION, outDir: out, chartKinds: kinds });
    pdfPath = result.pdfPath;
    htmlPath = result.htmlPath;
    model = JSON.parse(readFileSync(result.jsonPath, 'utf8')) as ReportModel;
  }, 120_000);

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('becomes the chart of its question kind in the model, with its own alt text', () => {
    expect(kinds.names()).toContain('ja-aandeel');
    expect(kinds.forQuestion('yesno')).toBe('ja-aandeel');
    const mine = charts(model).filter((c) => c.chart === 'ja-aandeel');
    expect(mine.length).toBeGreaterThan(0);
    expect(charts(model).some((c) => c.chart === 'yesno')).toBe(false);
    for (const c of mine) expect(c.description).toMatch(/^Balk met het aandeel ja voor .+: \d+(,\d)?% \(N = \d+\)\.$/);
  });

  it('is drawn in the PDF, as a Figure with that alt text, and the PDF passes pdf-check', async () => {
    const pdf = await readPdf(pdfPath);
    const mine = charts(model).filter((c) => c.chart === 'ja-aandeel');
    expect(pdf.pages.join(' ')).toContain(mine[0]!.caption!);
    const result = await checkPdf(pdfPath);
    expect(result.problems).toEqual([]);
    expect(result.facts.figures).toBe(charts(model).length);
  });

  it('is drawn in the web edition with its table and alt text', () => {
    const html = readFileSync(htmlPath, 'utf8');
    const mine = charts(model).filter((c) => c.chart === 'ja-aandeel');
    const decimals = loadEdition(MINI_EDITION).rounding.chart_decimals;
    for (const c of mine) {
      expect(html).toContain(c.description);
      expect(html).toContain(`<th scope="row">${c.rows[0]!.label}</th><td class="num">${formatPercent(c.rows[0]!.yes!, decimals)}</td>`);
    }
  });

  it('passes check as the edition with the built-in kinds does', () => {
    expect(checkEdition(MINI_EDITION, { chartKinds: kinds }).problems).toEqual(checkEdition(MINI_EDITION).problems);
  });

  it('leaks into nothing else: the built-in registry and a build without it still chart yes/no questions as yesno', () => {
    expect(BUILT_IN_CHART_KINDS.names()).not.toContain('ja-aandeel');
    expect(BUILT_IN_CHART_KINDS.forQuestion('yesno')).toBe('yesno');
    const plain = buildModel(MINI_EDITION).model;
    expect(charts(plain).some((c) => c.chart === 'yesno')).toBe(true);
    expect(charts(plain).some((c) => c.chart === 'ja-aandeel')).toBe(false);
  });

  it('decides which answers the chart theme must colour: its plain bar needs no colour for Nee', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('questionnaire.yaml', (s) => s.replace('{ code: 2, label: Nee, polarity: "no" }', '{ code: 2, label: Nee }'));
    const colourErrors = (r: ReturnType<typeof checkEdition>) => r.problems.filter((p) => /geen plaats en geen kleur/.test(p.message)).map((p) => p.message);
    expect(colourErrors(checkEdition(t.edition))).toEqual([expect.stringContaining("antwoord 'Nee' van schaal 'ja-nee' heeft geen polarity")]);
    expect(colourErrors(checkEdition(t.edition, { chartKinds: kinds }))).toEqual([]);
  });
});
