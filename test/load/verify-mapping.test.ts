import { describe, expect, it } from 'vitest';
import { loadSurvey } from '../../src/load/survey.ts';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { surveyWarnings } from '../../src/analyse/survey-warnings.ts';
import { formatProblem } from '../../src/load/input-error.ts';
import { problemsOf } from '../helpers/problems.ts';
import { MINI_EDITION, ROOT } from '../helpers/paths.ts';
import { join } from 'node:path';
import { copyEdition } from '../helpers/temp-edition.ts';

/** Swaps two columns of the mini export (all three header rows and the data) — as a changed export would. */
function swapColumns(text: string, a: string, b: string): string {
  const lines = text.split('\r\n');
  const header = lines[0]!.split(',');
  const [i, j] = [header.indexOf(a), header.indexOf(b)];
  return lines
    .map((line, n) => {
      if (!line) return line;
      // Row 3 holds quoted JSON with commas inside: swap its cells as whole quoted fields.
      const cells = n === 2 ? line.match(/"(?:[^"]|"")*"/g)! : line.split(',');
      [cells[i], cells[j]] = [cells[j]!, cells[i]!];
      return cells.join(',');
    })
    .join('\r\n');
}

describe('the bundled editions record what the export says about every question', () => {
  for (const year of ['2018', '2019']) {
    it(`content/${year}: every column has export.import_id and export.text, and they match the export`, () => {
      const survey = loadSurvey(join(ROOT, 'content', year, 'edition.yaml'));
      for (const q of survey.questionnaire.questions) {
        const records = q.column ? [q.export] : (q.options ?? []).map((o) => o.export ?? q.export);
        for (const r of records) expect(r?.import_id && r.text, q.key).toBeTruthy();
      }
    });
  }
});

describe('the mapping is verified against the export header', () => {
  it('passes for the bundled mini edition', () => {
    expect(loadSurvey(MINI_EDITION).responses.count).toBe(10);
  });

  it('two swapped columns: an error at each questionnaire line, naming column, both texts and what to do', () => {
    const t = copyEdition(MINI_EDITION);
    // The export swapped Q2 and Q4 (tags stay in place, content moved): the tags now carry the other question.
    t.edit('export.csv', (s) => {
      const lines = s.split('\r\n');
      const swapped = swapColumns(s, 'Q2', 'Q4').split('\r\n');
      swapped[0] = lines[0]!; // the export tags stay in their places
      return swapped.join('\r\n');
    });
    const problems = problemsOf(() => loadSurvey(t.edition));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /questionnaire\.yaml:22: fout \(kolom Q2\): vraag 'vertrouwen' leest kolom Q2 \(kolom 10 van .*export\.csv\), maar die kolom heeft ImportId 'Q4' \('Tevreden'\); de vragenlijst verwacht 'Q2' \('Vertrouwen'\)\. ImportId 'Q2' staat in kolom 'Q4' \('Vertrouwen'\): zet 'column: Q4' bij deze vraag/,
    );
    expect(problems[1]).toMatch(/questionnaire\.yaml:\d+: fout \(kolom Q4\): vraag 'tevreden-aansluiting' leest kolom Q4 .*ImportId 'Q2'/);
  });

  it('two questions pointed at each other\'s columns in the questionnaire: errors at those lines', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('questionnaire.yaml', (s) => s.replace('column: Q2', 'column: QX').replace('column: Q4', 'column: Q2').replace('column: QX', 'column: Q4'));
    const problems = problemsOf(() => loadSurvey(t.edition));
    expect(problems).toEqual([
      expect.stringMatching(/questionnaire\.yaml:22: fout \(kolom Q4\): vraag 'vertrouwen' leest kolom Q4 .*zet 'column: Q2' bij deze vraag/),
      expect.stringMatching(/questionnaire\.yaml:\d+: fout \(kolom Q2\): vraag 'tevreden-aansluiting' leest kolom Q2 .*zet 'column: Q4' bij deze vraag/),
    ]);
  });

  it('a renumbered export (other ImportIds) and a reworded question are errors', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('export.csv', (s) => s.replace('""ImportId"": ""Q3""', '""ImportId"": ""QID7""').replace(',Tevreden,', ',Tevreden met de aansluiting,'));
    const problems = problemsOf(() => loadSurvey(t.edition));
    expect(problems).toEqual([
      expect.stringMatching(/questionnaire\.yaml:\d+: fout \(kolom Q3\): vraag 'aangesloten' leest kolom Q3 .*ImportId 'QID7' \('Aangesloten'\); de vragenlijst verwacht 'Q3'.*pas column of export\.import_id aan/),
      expect.stringMatching(/questionnaire\.yaml:\d+: fout \(kolom Q4\): vraag 'tevreden-aansluiting' leest kolom Q4 .*vraagtekst in de export is 'Tevreden met de aansluiting' en de vragenlijst verwacht 'Tevreden'\. .*pas dan export\.text aan/),
    ]);
  });

  it('answers from respondents the routing did not send to a question: not counted, a warning at the question', () => {
    const t = copyEdition(MINI_EDITION);
    // Row 0 answered "Ja" (1) on the filter question; make it "Nee" (2) while it still answered the follow-up.
    t.edit('export.csv', (s) => {
      const lines = s.split('\r\n');
      const cells = lines[3]!.split(',');
      cells[10] = '2';
      lines[3] = cells.join(',');
      return lines.join('\r\n');
    });
    const survey = loadSurvey(t.edition);
    const aggregates = aggregateSurvey(survey);
    expect(aggregates.statistics.answeredNotAsked).toEqual([{ question: 'tevreden-aansluiting', count: 1 }]);
    expect(surveyWarnings(survey, aggregates).map(formatProblem)).toEqual([
      expect.stringMatching(/questionnaire\.yaml:\d+: waarschuwing: 1 respondent beantwoordde vraag 'tevreden-aansluiting', terwijl de routering \(filter op 'aangesloten': Ja\)/),
    ]);
  });
});
