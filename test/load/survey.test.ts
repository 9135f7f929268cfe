import { describe, expect, it } from 'vitest';
import { loadSurvey } from '../../src/load/survey.ts';
import { formatProblem } from '../../src/load/input-error.ts';
import { problemsOf } from '../helpers/problems.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';
import { editCell } from '../helpers/mini-export.ts';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { printableProducts } from '../../src/model/chart-blocks.ts';
import { WORDING } from '../helpers/wording.ts';

const ORGANISATION_ONLY = '\norganisation_only:\n  answers:\n    - { code: 10, name: Anders }\n    - { code: 11, name: Geen specifiek product }\n';

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

describe('loadSurvey: answers of the product question that name no product (organisation_only)', () => {
  /** The mini edition with "Anders" (10) and "Geen specifiek product" (11) declared organisation-only. */
  const withOthers = (rows: [row: number, value: string][]) => {
    const t = copyEdition(MINI_EDITION);
    t.edit('edition.yaml', (s) => s + ORGANISATION_ONLY);
    t.edit('export.csv', (s) => rows.reduce((text, [row, value]) => editCell(text, row, 'Q1', value), s));
    return t;
  };

  it('counts them for the organisation and in the response table, in no product', () => {
    // Rows 0 and 1 are Alfa (A), row 9 is Beta: now "Anders", by code and by choice text, and "Geen specifiek product".
    const t = withOthers([[0, '10'], [1, 'Anders'], [9, '11']]);
    const survey = loadSurvey(t.edition);
    expect(survey.warnings).toEqual([]);
    expect([...survey.responses.product].filter((p) => p < 0)).toHaveLength(3);
    const aggregates = aggregateSurvey(survey);
    const s = aggregates.statistics;
    expect(s.organisationOnly).toMatchObject({ label: 'Overig / geen product', responded: 3, share: 30 });
    expect(s.perProduct.map((p) => p.responded)).toEqual([4, 3]);
    expect(aggregates.get('vertrouwen', 'organisation')!.asked).toBe(10);
    expect(aggregates.get('vertrouwen', 'Alfa')!.asked + aggregates.get('vertrouwen', 'Beta')!.asked).toBe(7);
    // Its own line, without invited or response rate (invitations go per product), adding up to all respondents.
    const lines = printableProducts(s, WORDING);
    expect(lines.at(-1)).toEqual({ product: 'Overig / geen product', invited: null, responded: 3, responseRate: null, share: 30 });
    expect(lines.reduce((sum, l) => sum + l.responded, 0)).toBe(10);
  });

  it('hides a group too small to print, and what it could be derived from, in one combined line', () => {
    // One respondent without a product (min_group_size 3): printed only together with the smallest product.
    const t = withOthers([[9, '10']]);
    const s = aggregateSurvey(loadSurvey(t.edition)).statistics;
    expect(s.organisationOnly.suppression).toBe('too-few');
    expect(s.perProduct.find((p) => p.product === 'Beta')!.suppression).toBe('complementary');
    expect(printableProducts(s, WORDING).map((l) => [l.product, l.responded, l.responseRate])).toEqual([
      ['Alfa', 6, 20],
      ['Beta en Overig / geen product samen', 4, null],
    ]);
  });

  it('refuses an answer that is both a product and organisation-only, at its line in edition.yaml', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('edition.yaml', (s) => s + ORGANISATION_ONLY.replace('code: 10', 'code: 2'));
    const [p] = problemsOf(() => loadSurvey(t.edition));
    expect(p).toMatch(/edition\.yaml:\d+:\d+: fout: antwoord 'Anders' van de productvraag staat onder organisation_only, maar heeft dezelfde code als product 'Beta'\. Een antwoord telt óf voor een product/);
  });

  it('refuses an answer of the export that is neither a product nor organisation-only, naming both lists', () => {
    const t = withOthers([[0, '12']]);
    expect(problemsOf(() => loadSurvey(t.edition))[0]).toMatch(
      /export\.csv:4:9: .*product '12' staat niet in de editie\. Bekende producten: 1 \(Alfa\), 2 \(Beta\); alleen voor de organisatie: 10 \(Anders\), 11 \(Geen specifiek product\)\. .*organisation_only\.answers/,
    );
  });

  it('warns, with the first row, when respondents left the product question empty', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('export.csv', (s) => editCell(editCell(s, 2, 'Q1', ''), 5, 'Q1', ''));
    const survey = loadSurvey(t.edition);
    expect(survey.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/export\.csv:6:9: waarschuwing \(kolom Q1\): 2 respondenten beantwoordden de productvraag niet .*alleen voor Logius als geheel, in de rij 'Overig \/ geen product'/),
    ]);
    expect(aggregateSurvey(survey).statistics.organisationOnly.responded).toBe(2);
  });
});
