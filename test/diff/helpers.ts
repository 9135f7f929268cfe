import { buildModel } from '../../src/build.ts';
import type { ReportModel } from '../../src/model/report-types.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';

/** A temporary copy of the mini edition with one or more edits, and its model. */
export function miniVariant(edit: (e: ReturnType<typeof copyEdition>) => void = () => {}): { dir: string; edition: string; model: ReportModel } {
  const e = copyEdition(MINI_EDITION);
  edit(e);
  return { dir: e.dir, edition: e.edition, model: buildModel(e.edition).model };
}

/** Sets one answer in the mini export: the row of `responseId`, the column named `column` (Q2, Cat, …). */
export function setAnswer(csv: string, responseId: string, column: string, value: string): string {
  const lines = csv.split('\n');
  const header = lines[0]!.split(',');
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`no column ${column}`);
  let found = false;
  const out = lines.map((line) => {
    const cells = line.split(',');
    if (cells[6] !== responseId) return line;
    found = true;
    cells[col] = value;
    return cells.join(',');
  });
  if (!found) throw new Error(`no respondent ${responseId}`);
  return out.join('\n');
}

/** Adds a product Gamma (code 3) with three respondents who answer every question. */
export function addGamma(e: ReturnType<typeof copyEdition>): void {
  e.edit('edition.yaml', (t) =>
    t.replace('invited: 40', 'invited: 45').replace('  - { key: beta, name: Beta, code: 2, invited: 10 }', '  - { key: beta, name: Beta, code: 2, invited: 10 }\n  - { key: gamma, name: Gamma, code: 3, invited: 5 }'),
  );
  e.edit('export.csv', (t) => {
    const rows = [0, 1, 2].map((i) => `2030-09-1${i} 10:00:00,2030-09-1${i} 10:08:00,0,192.0.2.${20 + i},100,1,R_g${i},g${i}@example.org,3,${4 + (i % 2)},1,4,,,,x`);
    const eol = t.includes('\r\n') ? '\r\n' : '\n';
    return `${t.trimEnd()}${eol}${rows.join(eol)}${eol}`;
  });
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}
