import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import type { Aggregates } from '../../src/analyse/aggregate-types.ts';
import { parseQualtricsExport } from '../../src/load/qualtrics/read-export.ts';
import { loadSurvey, mappedColumns, toResponses, type Survey } from '../../src/load/survey.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { expectConsistent, outcome } from './outcome.ts';

/**
 * Property-based tests of the export: respondents generated from the mini questionnaire, written
 * as Qualtrics CSV in every form the importer accepts, then corrupted. Seeded and counted, not
 * timed: 2.000 cases per property.
 */
const RUNS = 2000;
const SEED = 20_181_130;

const mini = loadSurvey(MINI_EDITION);
// Up to 40 respondents per product: more than the mini edition invites, so invite more.
const survey: Survey = { ...mini, edition: { ...mini.edition, invited: 200, products: mini.edition.products.map((p) => ({ ...p, invited: 100 })) } };
const keepColumns = mappedColumns(survey.edition, survey.questionnaire);

const COLUMNS = ['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Finished', 'ResponseId', 'RecipientEmail', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5_1', 'Q5_2', 'Cat', 'Q6_TEXT'];
const TEXTS = ['Start Date', 'End Date', 'Response Type', 'IP Address', 'Progress', 'Finished', 'Response ID', 'Recipient Email', 'Product', 'Vertrouwen', 'Aangesloten', 'Tevreden', 'Wat kan beter? - Snelheid', 'Wat kan beter? - Uitleg', 'Cat', 'Opmerking'];
// As in the mini export: the questionnaire is checked against these.
const IMPORT_IDS = COLUMNS;

interface Respondent {
  product: 0 | 1 | 2; // 0: no product
  segment: 'A' | 'B' | '';
  vertrouwen: number | '' | -99;
  aangesloten: 1 | 2 | '';
  tevreden: number | '';
  snelheid: boolean;
  uitleg: boolean;
  email: string;
  ip: string;
  remark: string;
}

/** Free text as people type it: quotes, delimiters, line breaks, accents, emoji. */
const freeText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', "'", '\n', '\r\n', 'é', 'ß', '😀', '1', '@', '\t', '='), maxLength: 30 });

const respondent: fc.Arbitrary<Respondent> = fc.record({
  product: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
  segment: fc.constantFrom('A', 'B', '') as fc.Arbitrary<'A' | 'B' | ''>,
  vertrouwen: fc.constantFrom(1, 2, 3, 4, 5, -1, '', -99) as fc.Arbitrary<number | '' | -99>,
  aangesloten: fc.constantFrom(1, 2, '') as fc.Arbitrary<1 | 2 | ''>,
  tevreden: fc.constantFrom(1, 2, 3, 4, 5, -1, '') as fc.Arbitrary<number | ''>,
  snelheid: fc.boolean(),
  uitleg: fc.boolean(),
  email: freeText,
  ip: freeText,
  remark: freeText,
});

interface Format {
  delimiter: ',' | ';';
  bom: boolean;
  crlf: boolean;
  quoteAll: boolean;
  choiceText: boolean;
}

const format: fc.Arbitrary<Format> = fc.record({ delimiter: fc.constantFrom(',', ';'), bom: fc.boolean(), crlf: fc.boolean(), quoteAll: fc.boolean(), choiceText: fc.boolean() });

const LIKERT = ['', 'Zeer oneens', 'Oneens', 'Neutraal', 'Eens', 'Zeer eens'];

function cells(r: Respondent, i: number, choiceText: boolean): string[] {
  const segment = r.product === 1 ? r.segment : '';
  const likert = (v: number | '' | -99) => (v === '' || v === -99 ? String(v) : choiceText ? (v === -1 ? 'Weet niet' : LIKERT[v]!) : String(v));
  const product = r.product === 0 ? '' : choiceText ? ['', 'Alfa', 'Beta'][r.product]! : String(r.product);
  const yes = r.aangesloten === '' ? '' : choiceText ? (r.aangesloten === 1 ? 'Ja' : 'Nee') : String(r.aangesloten);
  const tick = (on: boolean, label: string) => (on ? (choiceText ? label : '1') : '');
  return [
    '2030-09-01 10:00:00',
    '2030-09-01 10:08:00',
    choiceText ? 'IP Address' : '0',
    r.ip,
    '100',
    choiceText ? 'True' : '1',
    `R_${i}`,
    r.email,
    product,
    likert(r.vertrouwen === -99 && choiceText ? '' : r.vertrouwen),
    yes,
    likert(r.tevreden),
    tick(r.snelheid, 'Snelheid'),
    tick(r.uitleg, 'Uitleg'),
    segment,
    r.remark,
  ];
}

function exportText(rs: Respondent[], f: Format): string {
  const records = [COLUMNS, TEXTS, IMPORT_IDS.map((id) => JSON.stringify({ ImportId: id })), ...rs.map((r, i) => cells(r, i, f.choiceText))];
  // quoted_match: csv-stringify would leave a lone \n unquoted when records end in \r\n.
  const text = stringify(records, { delimiter: f.delimiter, quoted: f.quoteAll, quoted_match: /[\r\n]/, record_delimiter: f.crlf ? '\r\n' : '\n' });
  return (f.bom ? '\uFEFF' : '') + text;
}

function aggregatesOf(text: string): Aggregates {
  const exp = parseQualtricsExport(Buffer.from(text, 'utf8'), 'export.csv', { keepColumns });
  return aggregateSurvey({ ...survey, responses: toResponses(exp, survey.edition, survey.questionnaire).responses });
}

/** The figures of a run, without what depends on nothing but the figures. */
function figures(a: Aggregates): string {
  return JSON.stringify(a.records.map((r) => [r.question, r.scope, r.segment, r.n, r.asked, r.counts, r.nonSubstantive]));
}

const PLAIN: Format = { delimiter: ',', bom: false, crlf: false, quoteAll: false, choiceText: false };
const respondents = fc.array(respondent, { minLength: 1, maxLength: 15 });

describe('export: property-based', () => {
  it('every form of the same answers gives the same figures, and those figures are the answers counted', () => {
    fc.assert(
      fc.property(respondents, format, (rs, f) => {
        const reference = aggregatesOf(exportText(rs, PLAIN));
        const result = outcome(() => aggregatesOf(exportText(rs, f)), { files: /(^export\.csv|questionnaire\.yaml|edition\.yaml)$/ });
        if (!result.ok) throw new Error(`geldige export geweigerd: ${result.problems.join('\n')}`);
        expect(figures(result.value)).toBe(figures(reference));
        expectConsistent(result.value);
        // Counted independently: vertrouwen for the organisation.
        const org = result.value.get('vertrouwen', 'organisation')!;
        for (const [code, label] of [[1, 'Zeer oneens'], [2, 'Oneens'], [3, 'Neutraal'], [4, 'Eens'], [5, 'Zeer eens']] as const) {
          expect(org.counts[label]).toBe(rs.filter((r) => r.vertrouwen === code).length);
        }
        expect(org.n).toBe(rs.filter((r) => typeof r.vertrouwen === 'number' && r.vertrouwen >= 1).length);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 300_000);

  /** Damage that no one types on purpose: a separator, quote, line break or NUL inserted or deleted. */
  const corruption = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('insert', 'delete', 'truncate', 'duplicate-line'),
    char: fc.constantFrom(',', ';', '"', '\n', '\r', '\0', 'x', '\uFFFD', '""'),
  });

  it('a corrupted export is refused with file and line, or read with exactly the same figures', () => {
    let refused = 0;
    fc.assert(
      fc.property(respondents, corruption, (rs, c) => {
        const text = exportText(rs, PLAIN);
        const reference = figures(aggregatesOf(text));
        const at = c.at % (text.length + 1);
        let damaged: string;
        let structural = true;
        switch (c.op) {
          case 'insert':
            damaged = text.slice(0, at) + c.char + text.slice(at);
            break;
          case 'delete': {
            // Only a structural character: deleting a digit can turn an answer into a valid blank.
            const i = [',', '"', '\n'].map((ch) => text.indexOf(ch, at)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
            if (i === undefined) return;
            damaged = text.slice(0, i) + text.slice(i + 1);
            break;
          }
          case 'truncate':
            damaged = text.slice(0, at);
            // A file cut off right after a separator in its last column reads as a complete, shorter
            // export: nothing in a CSV file can tell. Then only refusal or consistency is required.
            structural = false;
            break;
          default: {
            // A respondent twice: the same ResponseId, which must be refused.
            const lines = text.split('\n');
            const row = 3 + (c.at % Math.max(1, lines.length - 4));
            if (row >= lines.length - 1) return;
            damaged = [...lines.slice(0, row + 1), lines[row]!, ...lines.slice(row + 1)].join('\n');
          }
        }
        const result = outcome(() => aggregatesOf(damaged), { files: /(^export\.csv|questionnaire\.yaml|edition\.yaml)$/, lineless: /^het bestand is leeg|geen Qualtrics-export|^kolom '.*' ontbreekt|^en nog \d+ rij/ });
        if (!result.ok) {
          refused++;
          return;
        }
        // Read without complaint: then not a single figure may differ. A damaged free-text or
        // personal-data cell is dropped with its column, and changes nothing.
        if (structural) expect(figures(result.value)).toBe(reference);
        expectConsistent(result.value);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(refused).toBeGreaterThan(RUNS / 4);
  }, 300_000);
});
