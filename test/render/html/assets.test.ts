import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTML_TEMPLATES, loadHtmlAssets } from '../../../src/render/html/assets.ts';
import { InputError, formatProblem } from '../../../src/load/input-error.ts';
import { answersTable } from '../../../src/model/chart-kinds/stacked.ts';
import type { ChartBlock } from '../../../src/model/report-types.ts';

/** A copy of templates/html/ with one line of labels.yaml replaced. */
function labelsWith(from: string, to: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'html-')), 'html');
  cpSync(HTML_TEMPLATES, dir, { recursive: true });
  const file = join(dir, 'labels.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
  return `${dir}/`;
}

const result = (n: number) => ({ n, counts: { Ja: n }, percentages: { Ja: 100 } });

describe('templates/html/labels.yaml: texts with placeholders are text templates', () => {
  it('fills {{label}} and {{jaar}} in the row of a year', () => {
    const dir = labelsWith('previousRow: "{{label}} ({{jaar}})"', 'previousRow: "{{label}}, {{jaar}}"');
    const words = loadHtmlAssets(dir).labels;
    const block = { rows: [{ label: 'DigiD', ...result(30), previous: { year: 2018, ...result(20) } }, { label: 'Logius', ...result(90) }] } as unknown as ChartBlock;
    expect(answersTable(block, words, 0, 2019).rows.map((r) => r.header)).toEqual(['DigiD, 2019', 'DigiD, 2018', 'Logius']);
  });

  it('an older labels file with {jaar}: an error at its line and column that says to write {{jaar}}', () => {
    const dir = labelsWith('previousRow: "{{label}} ({{jaar}})"', 'previousRow: "{label} ({jaar})"');
    let message = '';
    try {
      loadHtmlAssets(dir);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      message = e.problems.map(formatProblem).join('\n');
    }
    const line = readFileSync(`${dir}labels.yaml`, 'utf8').split('\n').findIndex((l) => l.startsWith('previousRow:')) + 1;
    expect(message).toBe(`${dir}labels.yaml:${line}:14: fout: bij 'previousRow': een plaatshouder schrijf je met dubbele accolades: schrijf {{label}} in plaats van {label}; hier kan {{label}}, {{jaar}}.`);
  });
});
