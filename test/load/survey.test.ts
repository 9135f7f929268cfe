import { describe, expect, it } from 'vitest';
import { loadSurvey } from '../../src/load/survey.ts';
import { formatProblem } from '../../src/load/input-error.ts';
import { problemsOf } from '../helpers/problems.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';
import { editCell } from '../helpers/mini-export.ts';

describe('loadSurvey', () => {
  it('keeps no personal data: IP, e-mail and unmapped free text are gone', () => {
    const survey = loadSurvey(MINI_EDITION);
    const dump = JSON.stringify({ ...survey.responses, answers: [...survey.responses.answers.keys()] });
    expect(dump).not.toContain('192.0.2.');
    expect(dump).not.toContain('example.org');
    expect(dump).not.toContain('Geheime opmerking');
    expect(survey.responses.count).toBe(10);
  });

  it('reports an unknown answer at the questionnaire line to change, with the export row and column', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('export.csv', (s) => editCell(s, 1, 'Q2', '7'));
    const [p] = problemsOf(() => loadSurvey(t.edition));
    expect(p).toMatch(/questionnaire\.yaml:21: fout \(kolom Q2\): .*export\.csv:5:10: onbekend antwoord '7' op vraag 'vertrouwen'\. Verwacht 1 \(Zeer oneens\)/);
  });

  it('summarises repeated errors of one kind in one column', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('export.csv', (s) => [1, 2, 3].reduce((text, row) => editCell(text, row, 'Q2', 'Zeer mee oneens'), s));
    const problems = problemsOf(() => loadSurvey(t.edition));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/onbekend antwoord 'Zeer mee oneens' op vraag 'vertrouwen' \(… en nog 2 keer\)\./);
    expect(problems[0]).toMatch(/export_texts/);
  });

  it('reports a duplicate ResponseId with both lines', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('export.csv', (s) => editCell(s, 2, 'ResponseId', 'R_test00'));
    expect(problemsOf(() => loadSurvey(t.edition))[0]).toMatch(/export\.csv:6:7: .*ResponseId 'R_test00' komt twee keer voor \(ook op regel 4\)/);
  });

  it('reports a product that the edition does not list', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('export.csv', (s) => editCell(s, 0, 'Q1', '9'));
    expect(problemsOf(() => loadSurvey(t.edition))[0]).toMatch(/export\.csv:4:9: .*product '9' staat niet in de editie\. Bekende producten: 1 \(Alfa\), 2 \(Beta\)/);
  });

  it('reports a mapped column missing from the export', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('questionnaire.yaml', (s) => s.replace('column: Q4', 'column: Q44'));
    expect(problemsOf(() => loadSurvey(t.edition)).join('\n')).toMatch(/Q44/);
  });

  it('reports a questionnaire mistake at its line', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('questionnaire.yaml', (s) => s.replace('scale: ja-nee', 'scale: ja-neen'));
    expect(problemsOf(() => loadSurvey(t.edition))[0]).toMatch(/questionnaire\.yaml:26:12: fout: vraag 'aangesloten' heeft een onbekende schaal 'ja-neen'/);
  });

  it('reports a YAML syntax error with line and column', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('edition.yaml', (s) => s.replace('invited: 40', 'invited: [40'));
    expect(problemsOf(() => loadSurvey(t.edition))[0]).toMatch(/edition\.yaml:\d+:\d+: fout: YAML kan niet worden gelezen/);
  });
});
