import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, REPORT_TEMPLATES } from '../../src/report-model.ts';
import { dateText, listText } from '../../src/model/wording.ts';
import { checkEdition } from '../../src/check/check-edition.ts';
import { formatProblem } from '../../src/load/input-error.ts';
import { editedCopy, lineOf } from '../helpers/edited-copy.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { temptingEdition } from '../helpers/tempting-edition.ts';
import { WORDING } from '../helpers/wording.ts';

/** templates/report.yaml with every `[from, to]` replaced. */
function templatesWith(...edits: [string, string][]): string {
  return edits.reduce((file, [from, to]) => editedCopy(file, from, to), REPORT_TEMPLATES);
}

/**
 * A generated edition where Beta is too small to print and Gamma is hidden with it (one combined
 * response line), with the fieldwork period in its methodology.
 */
function combinedLineEdition(): string {
  const { edition } = temptingEdition({ A: 15, B: 15, C: 20, beta: 4, gamma: 12 });
  appendFileSync(join(dirname(edition), 'narrative', 'rapport.yaml'), 'onderzoeksverantwoording:\n  - Het onderzoek liep van {{periode}}.\n');
  return edition;
}

describe('the wording of lists and dates comes from templates/report.yaml (language)', () => {
  it('writes lists and dates as the bundled entries say', () => {
    expect(listText([], WORDING)).toBe('');
    expect(listText(['A'], WORDING)).toBe('A');
    expect(listText(['A', 'B', 'C'], WORDING)).toBe('A, B en C');
    expect(dateText('2018-09-03', 'day', WORDING)).toBe('3 september 2018');
    expect(dateText('2018-12-14', 'month', WORDING)).toBe('december 2018');
  });

  it('an edited entry changes the report: the combined response line, the cover date and the fieldwork period', () => {
    const edition = combinedLineEdition();
    const before = JSON.stringify(buildModel(edition).model);
    expect(before).toContain('"Beta en Gamma samen"');
    expect(before).toContain('"december 2031"');
    expect(before).toContain('1 september 2031 tot en met 31 oktober 2031');

    const templatesFile = templatesWith(
      ['list: "{{eerdere}} en {{laatste}}"', 'list: "{{eerdere}} & {{laatste}}"'],
      ['together: "{{producten}} samen"', 'together: "{{producten}} (samen)"'],
      ['date: "{{dag}} {{maand}} {{jaar}}"', 'date: "{{dag}}-{{maand}}-{{jaar}}"'],
      ['month: "{{maand}} {{jaar}}"', 'month: "{{maand}} \'{{jaar}}"'],
      ['september, oktober, november, december]', 'sept., okt., nov., dec.]'],
    );
    const after = JSON.stringify(buildModel(edition, { templatesFile }).model);
    expect(after).toContain('"Beta & Gamma (samen)"');
    expect(after).not.toContain(' samen"');
    expect(after).toContain(`"dec. '2031"`);
    expect(after).toContain('1-sept.-2031 tot en met 31-okt.-2031');
  });

  it('the word for the questions left out of a protected group is an entry too', () => {
    const edition = combinedLineEdition();
    expect(JSON.stringify(buildModel(edition).model)).toContain('Gamma: het aantal respondenten en de cijfers bij 3 vragen');
    const templatesFile = templatesWith(['disclosure_question_many: vragen', 'disclosure_question_many: stellingen']);
    expect(JSON.stringify(buildModel(edition, { templatesFile }).model)).toContain('Gamma: het aantal respondenten en de cijfers bij 3 stellingen');
  });

  it('a list entry without its placeholders, or eleven months: an error at the entry in report.yaml', () => {
    const file = templatesWith(['together: "{{producten}} samen"', 'together: "samen"'], ['november, december]', 'november]']);
    const all = checkEdition(MINI_EDITION, { templatesFile: file }).problems.map(formatProblem);
    expect(all).toContain(`${file}:${lineOf(file, 'together: "samen"')}:13: fout: bij 'language.together': deze tekst moet {{producten}} bevatten.`);
    expect(all.some((p) => p.startsWith(`${file}:${lineOf(file, '  months:')}:`) && p.includes("'language.months'"))).toBe(true);
  });
});
