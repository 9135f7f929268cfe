import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { initEdition } from '../../src/init/init-edition.ts';
import { InputError } from '../../src/load/input-error.ts';
import { readQualtricsExport } from '../../src/load/qualtrics/read-export.ts';
import { ROOT } from '../helpers/paths.ts';

interface Q {
  key: string;
  kind: string;
  group: string;
  scale?: string;
  column?: string;
  text: { organisation: string | null; product: string | null };
  options?: { key: string; label: string; column: string; export?: { import_id?: string; text?: string } }[];
  export?: { import_id?: string; text?: string };
  filter?: unknown;
  comparable_with_previous?: unknown;
}

const EXPORT_2019 = join(ROOT, 'fixtures/2019/qualtrics-export-2019.csv');
const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
const tmp = () => join(mkdtempSync(join(tmpdir(), 'eindrapport-init-')), 'editie');
const questionsOf = (dir: string): Q[] => (parse(readFileSync(join(dir, 'questionnaire.yaml'), 'utf8')) as { questions: Q[] }).questions;
const mapping = (q: Q) => q.column ?? (q.options ?? []).map((o) => o.column).join(',');

describe('eindrapport init from the 2019 export with --previous 2018', () => {
  const out = tmp();
  const result = initEdition({ year: 2019, exportFile: EXPORT_2019, previousEditionFile: join(ROOT, 'content/2018/edition.yaml'), outDir: out });
  const drafted = questionsOf(out);
  const byKey = new Map(drafted.map((q) => [q.key, q]));
  const actual2019 = questionsOf(join(ROOT, 'content/2019'));

  it("reproduces the 2019 questionnaire's column mapping for every question asked in both years", () => {
    const both = actual2019.filter((q) => byKey.has(q.key));
    expect(both.length).toBe(actual2019.length - 1);
    for (const q of both) expect(mapping(byKey.get(q.key)!), q.key).toBe(mapping(q));
    // The one 2019 question that 2018 did not have is drafted in its column, between its neighbours.
    const fresh = drafted.filter((q) => !actual2019.some((a) => a.key === q.key));
    expect(fresh.map(mapping)).toEqual(['Q9_5']);
    const i = drafted.indexOf(fresh[0]!);
    expect([drafted[i - 1]!.column, drafted[i + 1]!.column]).toEqual(['Q9_4', 'Q10_1']);
    // …after the example of its matrix neighbours, with the wording it can know.
    expect(fresh[0]).toMatchObject({ kind: 'likert', group: 'storingen', scale: 'eens-oneens', text: { product: 'Ik kan de actuele status van een storing aan {product} eenvoudig vinden' } });
    expect(fresh[0]!.text.organisation).toMatch(/^TE DOEN: formulering voor Logius als geheel/);
    // The question 2019 no longer asks is gone, with its scale.
    expect(byKey.has('informatiebijeenkomsten-nuttig')).toBe(false);
    expect(readFileSync(join(out, 'questionnaire.yaml'), 'utf8')).not.toMatch(/^ {2}nuttig:/m);
  });

  it('records what the export says about every column: ImportId and header text', () => {
    const header = new Map(readQualtricsExport(EXPORT_2019).columns.map((c) => [c.name, c]));
    for (const q of drafted) {
      if (q.column) expect(q.export, q.key).toEqual({ import_id: header.get(q.column)!.importId, text: header.get(q.column)!.text });
      for (const o of q.options ?? []) expect(o.export, `${q.key}.${o.key}`).toEqual({ import_id: header.get(o.column)!.importId, text: header.get(o.column)!.text });
    }
  });

  it('takes over the new wording of a reworded question and asks whether it is still comparable', () => {
    const q = byKey.get('legt-goed-uit')!;
    expect(q.text.organisation).toBe(actual2019.find((a) => a.key === 'legt-goed-uit')!.text.organisation);
    expect(String(q.comparable_with_previous)).toMatch(/^TE DOEN: de vraagtekst in de export is veranderd van "Logius legt goed uit/);
  });

  it('lists the products in the export: the kept ones, the new code 9, not the Stelselcatalogus', () => {
    const edition = parse(readFileSync(join(out, 'edition.yaml'), 'utf8')) as { year: number; products: { key: string; code: number; invited: unknown }[]; data: { file: string } };
    expect(edition.year).toBe(2019);
    expect(edition.products.map((p) => p.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect(edition.products.every((p) => String(p.invited).startsWith('TE DOEN'))).toBe(true);
    expect(existsSync(join(out, edition.data.file))).toBe(true);
    expect(readdirSync(join(out, 'narrative/producten')).sort()).toEqual(['digid.yaml', 'mijnoverheid.yaml']);
    expect(result.summary.join('\n')).toContain('Producten in kolom Q1: DigiD (1), DigiD Machtigen (2), MijnOverheid (3), Digipoort (4), Digikoppeling (5), Digimelding (6), Digilevering (7), ? (9, nieuw).');
  });

  it('prints a to-do list of every open item with file and line, and what it did to check', () => {
    expect(result.openItems.length).toBeGreaterThanOrEqual(12);
    for (const o of result.openItems) {
      const line = readFileSync(join(out, o.file.slice(o.file.indexOf('editie/') + 'editie/'.length)), 'utf8').split('\n')[o.line - 1];
      expect(line, o.text).toContain('TE DOEN');
    }
    const notes = result.notes.join('\n');
    expect(notes).toContain("Vraag 'informatiebijeenkomsten-nuttig' (kolom Q13) staat niet meer in de export");
    expect(notes).toContain('Product Stelselcatalogus (code 8) komt in de export niet voor');
    expect(notes).toContain('Nieuw product in de export: code 9');
  });

  it('never writes into an existing folder without --force, and replaces it whole with --force', () => {
    const run = (force: boolean) => initEdition({ year: 2019, exportFile: EXPORT_2019, previousEditionFile: join(ROOT, 'content/2018/edition.yaml'), outDir: out, force });
    writeFileSync(join(out, 'eigen-notitie.txt'), 'van mij');
    expect(() => run(false)).toThrow(InputError);
    expect(readFileSync(join(out, 'eigen-notitie.txt'), 'utf8')).toBe('van mij');
    run(true);
    expect(existsSync(join(out, 'eigen-notitie.txt'))).toBe(false);
    expect(existsSync(join(out, 'questionnaire.yaml'))).toBe(true);
  });
});

describe('eindrapport init on the sample exports with their .qsf', () => {
  const pairs: [string, string][] = [
    ['matrix-single-answer', 'matrix-single-answer'],
    ['multiple-answer-insights', 'multiple-answer-insights'],
    ['no-basis', 'no-basis-insights'],
    ['no-basis', 'no-basis-legacy'],
    ['text-entry', 'text-entry'],
    ['survey-logic', 'survey-logic-legacy'],
    ['many-question-types', 'many-question-types-insights'],
    ['long-exhaustive', 'long-exhaustive'],
  ];
  it('covers every .qsf in the samples', () => {
    const qsfs = readdirSync(join(SAMPLES, 'qualtrics-qsf')).filter((f) => f.endsWith('.qsf')).map((f) => f.replace(/\.qsf$/, ''));
    expect([...new Set(pairs.map((p) => p[0]))].sort()).toEqual(qsfs.sort());
  });

  for (const [qsf, csv] of pairs) {
    it(`drafts a questionnaire for ${csv}.csv with ${qsf}.qsf whose every column is in the export`, () => {
      const out = tmp();
      const exportFile = join(SAMPLES, 'qualtrics', `${csv}.csv`);
      const result = initEdition({ year: 2030, exportFile, qsfFile: join(SAMPLES, 'qualtrics-qsf', `${qsf}.qsf`), outDir: out });
      const exp = readQualtricsExport(exportFile);
      const header = new Map(exp.columns.map((c) => [c.name, c]));
      const questions = questionsOf(out);
      expect(questions.length).toBeGreaterThan(0);
      const mapped = new Set<string>();
      for (const q of questions) {
        for (const col of q.column ? [q.column] : (q.options ?? []).map((o) => o.column)) {
          expect(header.has(col), `${q.key}: ${col}`).toBe(true);
          mapped.add(col);
        }
        if (q.column && header.get(q.column)!.importId) expect(q.export?.import_id).toBe(header.get(q.column)!.importId);
      }
      // Every question column of the export is either mapped or named as skipped, with a reason.
      const skipped = result.notes.filter((n) => n.startsWith('Kolom ')).map((n) => /^Kolom (.+?) is overgeslagen/.exec(n)?.[1]);
      for (const c of exp.columns) {
        if (!/^QID/.test(c.importId ?? '') && !(exp.format === 'legacy-two-row' && /^Q\d/.test(c.name))) continue;
        expect(mapped.has(c.name) || skipped.includes(c.name), c.name).toBe(true);
      }
      expect(result.openItems.length).toBeGreaterThan(0);
    });
  }

  it('drafts multi-select questions, scales with recode values and routing from the .qsf', () => {
    const out = tmp();
    initEdition({ year: 2030, exportFile: join(SAMPLES, 'qualtrics/no-basis-insights.csv'), qsfFile: join(SAMPLES, 'qualtrics-qsf/no-basis.qsf'), outDir: out });
    const questions = questionsOf(out);
    const multi = questions.find((q) => q.options?.some((o) => o.column === 'Q2_1'))!;
    expect(multi.kind).toBe('multiselect');
    expect(multi.options!.map((o) => [o.column, o.label])).toEqual([
      ['Q2_1', 'Squash are great'],
      ['Q2_2', 'Squash are tolerable'],
      ['Q2_3', 'Squash cause me anguish'],
      ['Q2_-1', 'No basis for evaluation'],
      ['Q2_-2', "I've never had squash"],
    ]);
    const scales = (parse(readFileSync(join(out, 'questionnaire.yaml'), 'utf8')) as { scales: Record<string, { code: unknown; label: string }[]> }).scales;
    const q1 = questions.find((q) => q.column === 'Q1')!;
    expect(scales[q1.scale!]!.map((a) => [a.code, a.label])).toEqual([
      [1, 'Great'],
      [2, 'In the middle'],
      [3, 'Awful'],
      [-1, 'No opinion'],
    ]);

    // "Shown if Oranges is selected in QID1" becomes a filter on the drafted question for QID1.
    const many = tmp();
    initEdition({ year: 2030, exportFile: join(SAMPLES, 'qualtrics/many-question-types-insights.csv'), qsfFile: join(SAMPLES, 'qualtrics-qsf/many-question-types.qsf'), outDir: many });
    const drafted = questionsOf(many);
    const fruits = drafted.find((q) => q.column === 'fruits')!;
    expect(fruits.text.organisation).toBe('This is a multiple choice single answer vertical question, please choose one of the fruits below.');
    expect(drafted.find((q) => q.column === 'Q36')!.filter).toEqual({ question: fruits.key, answers: ['Oranges'] });

    const logic = tmp();
    initEdition({ year: 2030, exportFile: join(SAMPLES, 'qualtrics/survey-logic-legacy.csv'), qsfFile: join(SAMPLES, 'qualtrics-qsf/survey-logic.qsf'), outDir: logic });
    const q2 = questionsOf(logic).find((q) => q.column === 'Q2')!;
    // Shown when a choice of Q1 is displayed or on an iPhone: no filter can say that; a person decides.
    expect(String(q2.filter)).toMatch(/^TE DOEN: routering uit Qualtrics overnemen als filter .*If Yo have a question Click to write Choice 1 Is Displayed Or Device Type Is iPhone/);
  });
});

describe('eindrapport init without a .qsf', () => {
  it('takes columns holding only 1 (checked) or nothing as the choices of one multi-select, also one nobody checked', () => {
    const out = tmp();
    const result = initEdition({ year: 2030, exportFile: join(SAMPLES, 'qualtrics/multiple-answer-insights.csv'), outDir: out });
    const multi = questionsOf(out).filter((q) => q.kind === 'multiselect').map((q) => q.options!.map((o) => o.column).join(','));
    expect(multi).toEqual(['Q2_1,Q2_2,Q2_3', 'Q4_10,Q4_11,Q4_12', 'Q3_1,Q3_4,Q3_5,Q3_2,Q3_3', 'Q5_10,Q5_11,Q5_12,Q5_13,Q5_14,Q5_15,Q5_16', 'mc_question_five_1,mc_question_five_2,mc_question_five_3']);
    expect(result.notes).toContain('Kolom mc_question_five_2_TEXT is overgeslagen: open tekst (wordt nooit ingelezen).');
  });
});

describe('eindrapport init refuses bad input with a located message', () => {
  const exportFile = join(SAMPLES, 'qualtrics/no-basis-insights.csv');
  const fail = (qsfText: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'eindrapport-qsf-'));
    const qsfFile = join(dir, 'kapot.qsf');
    writeFileSync(qsfFile, qsfText);
    try {
      initEdition({ year: 2030, exportFile, qsfFile, outDir: join(dir, 'uit') });
    } catch (e) {
      expect(existsSync(join(dir, 'uit'))).toBe(false);
      return (e as InputError).problems;
    }
    throw new Error('no error');
  };

  it('a .qsf that is not JSON: file, line and column', () => {
    const [p] = fail('{\n  "SurveyEntry": {},\n  "SurveyElements": [\n    { "Element": "SQ", }\n  ]\n}\n');
    expect(p).toMatchObject({ line: 4, severity: 'error' });
    expect(p!.file).toMatch(/kapot\.qsf$/);
    expect(p!.message).toMatch(/^dit is geen geldig \.qsf-bestand: de JSON kan niet worden gelezen/);
  });

  it('JSON that is not a Qualtrics survey, and a question without its type', () => {
    expect(fail('{"foo": 1}')[0]!.message).toMatch(/^dit is geen Qualtrics-vragenlijst \(\.qsf\): bij 'SurveyEntry'/);
    const problems = fail(JSON.stringify({ SurveyEntry: {}, SurveyElements: [{ Element: 'SQ', Payload: { QuestionID: 'QID7', DataExportTag: 'Q7', Selector: 'SAVR' } }] }));
    expect(problems[0]!.message).toMatch(/^vraag QID7: bij 'QuestionType'/);
  });

  it('an export that is not a Qualtrics export', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eindrapport-csv-'));
    writeFileSync(join(dir, 'leeg.csv'), 'a,b\n1,2\n3,4\n');
    expect(() => initEdition({ year: 2030, exportFile: join(dir, 'leeg.csv'), outDir: join(dir, 'uit') })).toThrow(/geen Qualtrics-export/);
    expect(existsSync(join(dir, 'uit'))).toBe(false);
  });
});
