import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/build.ts';
import type { ChartBlock, ParagraphBlock } from '../../src/model/report-types.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { flatBlocks } from '../helpers/model-blocks.ts';

/** content/2030 (the mini edition) and content/2031, which names 2030 as its previous edition. */
function twoEditions(edit2031: (dir: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'editions-'));
  cpSync(dirname(MINI_EDITION), join(root, '2030'), { recursive: true });
  cpSync(dirname(MINI_EDITION), join(root, '2031'), { recursive: true });
  const file = join(root, '2031', 'edition.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('year: 2030', 'year: 2031\nprevious_edition: 2030'));
  edit2031(join(root, '2031'));
  return file;
}

const blocks = (m: ReturnType<typeof buildModel>['model']) => flatBlocks(m);

describe('an edition with a previous edition', () => {
  it('shows last year beside this year where the question is comparable', () => {
    const file = twoEditions((dir) => {
      const csv = join(dir, 'export.csv');
      // One more "Zeer eens" for vertrouwen: respondent R_test04 answered 2 (Oneens), now 5.
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/(R_test04[^\r\n]*?,1,)2,/, '$15,'));
    });
    const { model } = buildModel(file);
    const chart = blocks(model).find((b): b is ChartBlock => b.type === 'chart' && b.chart === 'likert' && b.question === 'vertrouwen' && b.scope === 'organisation')!;
    expect(chart.rows[0]!.previous).toMatchObject({ year: 2030, n: 8 });
    expect(chart.rows[0]!.previous!.positive).toBeCloseTo(62.5);
    expect(chart.rows[0]!.positive).toBeCloseTo(75);
  });

  it('gives the change in points to the narrative, traceable as a figure', () => {
    const file = twoEditions((dir) => {
      const csv = join(dir, 'export.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/(R_test04[^\r\n]*?,1,)2,/, '$15,'));
      const org = join(dir, 'narrative', 'organisatie.yaml');
      writeFileSync(
        org,
        readFileSync(org, 'utf8').replace(
          'betrouwbaar:\n',
          'betrouwbaar:\n  - "{{#if (vergelijkbaar \\"vertrouwen\\")}}Het aandeel positief is {{verschil \\"vertrouwen\\" \\"positief\\"}}.{{/if}}"\n',
        ),
      );
    });
    const { model } = buildModel(file);
    const p = blocks(model).find((b): b is ParagraphBlock => b.type === 'paragraph' && b.text.startsWith('Het aandeel positief'))!;
    // +12,5 points, but among 8 respondents: not a change the report can name.
    expect(p.text).toBe('Het aandeel positief is vergelijkbaar met 2030.');
    expect(p.figures[0]).toMatchObject({ question: 'vertrouwen', scope: 'organisation', measure: 'change:positive' });
    expect(p.figures[0]!.value).toBeCloseTo(12.5);
  });

  it('does not compare a question whose meaning changed', () => {
    const file = twoEditions((dir) => {
      const q = join(dir, 'questionnaire.yaml');
      writeFileSync(q, readFileSync(q, 'utf8').replace('    column: Q2\n', '    column: Q2\n    comparable_with_previous: false\n'));
    });
    const { model } = buildModel(file);
    const chart = blocks(model).find((b): b is ChartBlock => b.type === 'chart' && b.chart === 'likert' && b.question === 'vertrouwen')!;
    expect(chart.rows[0]!.previous).toBeUndefined();
  });
});
