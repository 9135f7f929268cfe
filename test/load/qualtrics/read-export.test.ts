import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { isNumericCell, parseQualtricsExport, readQualtricsExport } from '../../../src/load/qualtrics/read-export.ts';
import { InputError } from '../../../src/load/input-error.ts';
import type { ExportFormat, QualtricsExport } from '../../../src/load/qualtrics/export.ts';

// test/load/qualtrics/ → four levels up is the directory that holds both the repo and shared/.
const SAMPLES = fileURLToPath(new URL('../../../../shared/samples/qualtrics/', import.meta.url));
const sample = (name: string) => join(SAMPLES, name);

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const names = (exp: QualtricsExport) => exp.columns.map((c) => c.name);
const droppedAs = (exp: QualtricsExport, reason: string) => exp.dropped.filter((d) => d.reason === reason).map((d) => d.name);
const column = (exp: QualtricsExport, name: string) => {
  const i = exp.columns.findIndex((c) => c.name === name);
  expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
  return exp.rows.map((r) => r[i]);
};

/** From SOURCES.md: rows × cols minus the header rows. */
const EXPECTED: Record<string, { format: ExportFormat; respondents: number; bom: boolean; values: QualtricsExport['values'] }> = {
  'qualtrics-v3-numeric.csv': { format: 'three-row', respondents: 1, bom: false, values: 'numeric' },
  'legacy-v2.csv': { format: 'legacy-two-row', respondents: 1, bom: true, values: 'numeric' },
  'matrix-single-answer.csv': { format: 'three-row', respondents: 5, bom: false, values: 'numeric' },
  'multiple-answer-insights.csv': { format: 'three-row', respondents: 5, bom: false, values: 'numeric' },
  'no-basis-insights.csv': { format: 'three-row', respondents: 15, bom: false, values: 'numeric' },
  'no-basis-legacy.csv': { format: 'legacy-two-row', respondents: 15, bom: true, values: 'numeric' },
  'text-entry.csv': { format: 'three-row', respondents: 15, bom: false, values: 'numeric' },
  'survey-logic-legacy.csv': { format: 'legacy-two-row', respondents: 10, bom: true, values: 'numeric' },
  'many-question-types-insights.csv': { format: 'three-row', respondents: 5, bom: false, values: 'numeric' },
  'long-exhaustive.csv': { format: 'three-row', respondents: 31, bom: false, values: 'numeric' },
  'choice-text-export.csv': { format: 'three-row', respondents: 2, bom: false, values: 'choice-text' },
};

const PERSONAL = [
  'IPAddress',
  'RecipientFirstName',
  'RecipientLastName',
  'RecipientEmail',
  'Name',
  'EmailAddress',
  'ExternalReference',
  'ExternalDataReference',
  'LocationLatitude',
  'LocationLongitude',
  'LocationAccuracy',
].map((s) => s.toLowerCase());

describe('readQualtricsExport on the real samples', () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.csv')).sort();

  it('finds every sample listed in SOURCES.md', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const f of files) {
    it(`${f}: format, respondents and no personal data or free text`, () => {
      const exp = readQualtricsExport(sample(f));
      const want = EXPECTED[f]!;
      expect(exp.format).toBe(want.format);
      expect(exp.rows.length).toBe(want.respondents);
      expect(exp.bom).toBe(want.bom);
      expect(exp.values).toBe(want.values);
      expect(exp.delimiter).toBe(',');

      for (const c of exp.columns) {
        expect(PERSONAL).not.toContain(c.name.toLowerCase());
        expect(c.name).not.toMatch(/_TEXT(_|$)/);
        expect(c.name).not.toBe(''); // trailing empty column dropped
      }
      for (const row of exp.rows) expect(row.length).toBe(exp.columns.length);
      // Data starts right after the header rows; one line per row (no newlines in these samples).
      const headerRows = want.format === 'three-row' ? 3 : 2;
      expect(exp.rowLines).toEqual(exp.rows.map((_, i) => headerRows + 1 + i));
      // Every original column is either kept or dropped.
      const kept = new Set(exp.columns.map((c) => c.index));
      expect(kept.size).toBe(exp.columns.length);
      expect(exp.columns.map((c) => c.index)).toEqual([...kept].sort((a, b) => a - b));
      expect(exp.dropped.length).toBeGreaterThan(0);
    });
  }

  it('qualtrics-v3-numeric: IP, location and free text are gone, nothing of them in the result', () => {
    const exp = readQualtricsExport(sample('qualtrics-v3-numeric.csv'));
    expect(names(exp)).toEqual([
      'StartDate',
      'EndDate',
      'Status',
      'Progress',
      'Duration (in seconds)',
      'Finished',
      'RecordedDate',
      'ResponseId',
      'DistributionChannel',
      'UserLanguage',
      'Q1',
    ]);
    expect(droppedAs(exp, 'personal-data')).toEqual([
      'IPAddress',
      'RecipientLastName',
      'RecipientFirstName',
      'RecipientEmail',
      'ExternalReference',
      'LocationLatitude',
      'LocationLongitude',
    ]);
    expect(droppedAs(exp, 'free-text')).toEqual(['Q2', 'Q2 - Topics']);
    const json = JSON.stringify(exp);
    expect(json).not.toContain('130.92.34.66');
    expect(json).not.toContain('47.115097045898');
    expect(json).not.toContain('Hello World!');
    // Row 2 (German, non-ASCII) and row 3 (JSON ImportId) are read.
    expect(exp.columns.find((c) => c.name === 'Status')!.text).toBe('Antworttyp');
    expect(exp.dropped.find((d) => d.name === 'RecipientLastName')!.text).toBe('Nachname des Empfängers');
    expect(exp.columns.find((c) => c.name === 'Q1')).toMatchObject({ index: 17, importId: 'QID1' });
    expect(column(exp, 'Q1')).toEqual(['2']);
  });

  it('legacy-v2: V1..V10 are named from row 2, PII dropped, trailing column gone', () => {
    const exp = readQualtricsExport(sample('legacy-v2.csv'));
    expect(names(exp)).toEqual(['ResponseID', 'ResponseSet', 'Status', 'StartDate', 'EndDate', 'Finished', 'Q1']);
    expect(exp.columns.every((c) => c.importId === null)).toBe(true);
    expect(droppedAs(exp, 'personal-data')).toEqual([
      'Name',
      'ExternalDataReference',
      'EmailAddress',
      'IPAddress',
      'LocationLatitude',
      'LocationLongitude',
      'LocationAccuracy',
    ]);
    expect(droppedAs(exp, 'free-text')).toEqual(['Q2']);
    expect(exp.rows).toEqual([['R_2YPOQ602ER1jkf1', 'Standard-Antwortsatz', '0', '2017-07-18 08:28:09', '2017-07-18 08:28:48', '1', '2']]);
    const json = JSON.stringify(exp);
    expect(json).not.toContain('130.92.34.66');
    expect(json).not.toContain('Anonym');
    expect(json).not.toContain('7.2315979003906');
  });

  it('the legacy and Insights exports of the same survey hold the same responses', () => {
    const legacy = readQualtricsExport(sample('no-basis-legacy.csv'));
    const insights = readQualtricsExport(sample('no-basis-insights.csv'));
    expect(column(legacy, 'ResponseID')).toEqual(column(insights, 'ResponseID'));
    expect(column(legacy, 'Q1')).toEqual(column(insights, 'Q1'));
    expect(column(insights, 'Q3_1')).toContain('-1'); // negative recode values kept
  });

  it('Insights single-quoted ImportIds are read', () => {
    const exp = readQualtricsExport(sample('matrix-single-answer.csv'));
    expect(exp.columns.find((c) => c.name === 'Q12_1')!.importId).toBe('QID12-1');
    expect(exp.columns.find((c) => c.name === 'ResponseID')!.importId).toBe('responseId');
  });

  it('text-entry: _TEXT columns dropped, -99 kept, a tag merely ending in "_text" kept', () => {
    const exp = readQualtricsExport(sample('text-entry.csv'));
    expect(names(exp)).toContain('MCSA_single_text');
    expect(droppedAs(exp, 'free-text')).toContain('MCSA_single_text_TEXT');
    expect(droppedAs(exp, 'free-text')).toContain('SBS_text#3_1_1_TEXT');
    expect(column(exp, 'MCMA_text_1')).toContain('-99');
    expect(JSON.stringify(exp)).not.toMatch(/Venenatis|Gravida|Elementum posuere/);
  });

  it('many-question-types: duplicate export tags are all kept, text entry by ImportId dropped', () => {
    const exp = readQualtricsExport(sample('many-question-types-insights.csv'));
    expect(names(exp).filter((n) => n === 'Q50#2_wedges_1231')).toHaveLength(4);
    expect(droppedAs(exp, 'free-text')).toContain('Q18'); // ImportId QID18-TEXT
    expect(droppedAs(exp, 'free-text')).toContain('Q50#1_oh shit the export tags can have spaces_23234_TEXT');
  });

  it('a duplicate export tag in keepColumns is an error', () => {
    const err = inputError(() =>
      readQualtricsExport(sample('many-question-types-insights.csv'), { keepColumns: new Set(['Q50#2_wedges_1231']) }),
    );
    const p = err.problems[0]!;
    expect(p.message).toContain("kolom 'Q50#2_wedges_1231' komt 4 keer voor");
    expect(p.column).toBeGreaterThan(1);
    expect(p.columnName).toBe('Q50#2_wedges_1231');
    expect(p.hint).toMatch(/unieke exporttags/);
  });

  it('long-exhaustive: open questions found by their text values, odd names survive', () => {
    const exp = readQualtricsExport(sample('long-exhaustive.csv'));
    expect(droppedAs(exp, 'free-text')).toEqual(expect.arrayContaining(['Q47', 'q48_jellyfish_though', 'Q16_-2_TEXT']));
    expect(names(exp)).toEqual(expect.arrayContaining(['Q15_-1', 'Q34_avocados_-', 'Q39_1']));
    expect(column(exp, 'Q39_1').every((v) => v === '')).toBe(true);
    expect(names(exp).filter((n) => n === 'Q44#2_red_pandas_4')).toHaveLength(5);
  });

  it('choice-text export: labels kept, confidential text entries dropped', () => {
    const exp = readQualtricsExport(sample('choice-text-export.csv'));
    expect(column(exp, 'gender')).toEqual(['Female', 'Male']);
    expect(column(exp, 'age_1')).toEqual(['24', '21']);
    expect(droppedAs(exp, 'free-text')).toEqual(['name_confidential', 'number_confidential']);
    const json = JSON.stringify(exp);
    expect(json).not.toContain('Harry Potter');
    expect(json).not.toContain('555-555-5555');
  });
});

const importIds = (ids: string[], sep = ',') => ids.map((id) => `"{""ImportId"":""${id}""}"`).join(sep);

describe('parseQualtricsExport on small inline exports', () => {
  it('semicolon separator (Dutch Excel), quoted semicolons respected', () => {
    const csv = [
      'ResponseId;Finished;Q1;Q2',
      'Response ID;Finished;"Hoe tevreden bent u; alles meegenomen?";Q2',
      importIds(['_recordId', 'finished', 'QID1', 'QID2'], ';'),
      'R_1;1;4;2',
      'R_2;1;"5";',
    ].join('\n');
    const exp = parseQualtricsExport(csv, 'puntkomma.csv');
    expect(exp.delimiter).toBe(';');
    expect(names(exp)).toEqual(['ResponseId', 'Finished', 'Q1', 'Q2']);
    expect(exp.columns[2]!.text).toBe('Hoe tevreden bent u; alles meegenomen?');
    expect(exp.rows).toEqual([
      ['R_1', '1', '4', '2'],
      ['R_2', '1', '5', ''],
    ]);
  });

  it('BOM and CRLF line ends', () => {
    const text = ['ResponseId,Finished,Q1', 'Response ID,Finished,Vraag 1', importIds(['_recordId', 'finished', 'QID1']), 'R_1,1,3', 'R_2,0,'].join('\r\n') + '\r\n';
    const exp = parseQualtricsExport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'bom.csv');
    expect(exp.bom).toBe(true);
    expect(exp.columns[0]!.name).toBe('ResponseId'); // no BOM glued to the first name
    expect(exp.rows).toEqual([
      ['R_1', '1', '3'],
      ['R_2', '0', ''],
    ]);
    expect(exp.rowLines).toEqual([4, 5]);
    // The same text passed as a string with a BOM character.
    expect(parseQualtricsExport(`\uFEFF${text}`, 'bom.csv').bom).toBe(true);
  });

  it('trailing empty column (every line ends with a separator) is dropped silently', () => {
    const csv = ['V1,V2,V3,V4,V5,V6,V7,V8,V9,V10,Q1,', 'ResponseID,ResponseSet,Name,ExternalDataReference,EmailAddress,IPAddress,Status,StartDate,EndDate,Finished,Vraag 1,', 'R_1,Standaard,Anoniem,,,10.1.2.3,0,2018-01-01 10:00:00,2018-01-01 10:05:00,1,3,'].join('\n');
    const exp = parseQualtricsExport(csv, 'legacy.csv');
    expect(exp.format).toBe('legacy-two-row');
    expect(names(exp)).toEqual(['ResponseID', 'ResponseSet', 'Status', 'StartDate', 'EndDate', 'Finished', 'Q1']);
    expect(exp.dropped.map((d) => d.name)).not.toContain('');
    expect(exp.rows[0]).toHaveLength(7);
    expect(JSON.stringify(exp)).not.toContain('10.1.2.3');
  });

  it('-99 and negative codes are numeric', () => {
    const csv = ['ResponseId,Q1,Q2_1', 'Response ID,Vraag 1,Vraag 2', importIds(['_recordId', 'QID1', 'QID2_1']), 'R_1,-99,1', 'R_2,-1,', 'R_3,2,-99'].join('\n');
    const exp = parseQualtricsExport(csv, 'x.csv');
    expect(exp.values).toBe('numeric');
    expect(column(exp, 'Q1')).toEqual(['-99', '-1', '2']);
  });

  it('choice-text export: answers as labels are kept, not mistaken for free text', () => {
    const csv = ['ResponseId,Finished,Q1,Q2', 'Response ID,Finished,Vraag 1,Leeftijd', importIds(['_recordId', 'finished', 'QID1', 'QID2']), 'R_1,True,Zeer tevreden,34', 'R_2,False,Ontevreden,'].join('\n');
    const exp = parseQualtricsExport(csv, 'x.csv');
    expect(exp.values).toBe('choice-text');
    expect(column(exp, 'Q1')).toEqual(['Zeer tevreden', 'Ontevreden']);
    expect(exp.dropped).toEqual([]);
    // Without Finished/Status, any text answer means choice text.
    const bare = ['ResponseId,Q1', 'Response ID,Vraag 1', importIds(['_recordId', 'QID1']), 'R_1,Ja', 'R_2,3'].join('\n');
    expect(parseQualtricsExport(bare, 'x.csv').values).toBe('choice-text');
  });

  it('numeric export: a column with text is free text and its cells are gone', () => {
    const csv = ['ResponseId,Finished,Q1,Q9', 'Response ID,Finished,Vraag 1,Opmerkingen', importIds(['_recordId', 'finished', 'QID1', 'QID9']), 'R_1,1,3,', 'R_2,1,4,"Bel me op 06-12345678, graag"'].join('\n');
    const exp = parseQualtricsExport(csv, 'x.csv');
    expect(exp.values).toBe('numeric');
    expect(names(exp)).toEqual(['ResponseId', 'Finished', 'Q1']);
    expect(exp.dropped).toEqual([{ name: 'Q9', text: 'Opmerkingen', importId: 'QID9', reason: 'free-text' }]);
    expect(JSON.stringify(exp)).not.toContain('06-12345678');
  });

  it('quoted cells with commas and CRLF newlines; line numbers count the embedded newlines once', () => {
    const csv = ['ResponseId,Finished,Q1', 'Response ID,Finished,"Vraag 1,\r\nover twee regels"', importIds(['_recordId', 'finished', 'QID1']), 'R_1,1,3', 'R_2,1,4'].join('\r\n');
    const exp = parseQualtricsExport(csv, 'x.csv');
    expect(exp.columns[2]!.text).toBe('Vraag 1,\r\nover twee regels');
    expect(exp.rowLines).toEqual([5, 6]);
  });

  const full = ['StartDate,ResponseId,IPAddress,Finished,Q1,Q2,Q3_TEXT,DigiDCategorie', 'Start Date,Response ID,IP Address,Finished,Product,Vraag 2,Anders,DigiDCategorie', importIds(['startDate', '_recordId', 'ipAddress', 'finished', 'QID1', 'QID2', 'QID3_TEXT', 'DigiDCategorie']), '2018-09-01 10:00:00,R_1,10.0.0.1,1,1,5,geheim,A', '2018-09-01 11:00:00,R_2,10.0.0.2,1,2,,,B'].join('\n');

  it('keepColumns: only mapped columns and metadata are kept', () => {
    const exp = parseQualtricsExport(full, 'x.csv', { keepColumns: new Set(['ResponseId', 'Finished', 'Q1', 'DigiDCategorie']) });
    expect(names(exp)).toEqual(['StartDate', 'ResponseId', 'Finished', 'Q1', 'DigiDCategorie']);
    expect(exp.dropped).toEqual([
      { name: 'IPAddress', text: 'IP Address', importId: 'ipAddress', reason: 'personal-data' },
      { name: 'Q2', text: 'Vraag 2', importId: 'QID2', reason: 'not-mapped' },
      { name: 'Q3_TEXT', text: 'Anders', importId: 'QID3_TEXT', reason: 'free-text' },
    ]);
    // A mapped column with text codes (a segment) is kept in a numeric export.
    expect(exp.values).toBe('numeric');
    expect(column(exp, 'DigiDCategorie')).toEqual(['A', 'B']);
    expect(JSON.stringify(exp)).not.toMatch(/10\.0\.0\.1|geheim/);
  });

  it('without keepColumns an unmapped text column in a numeric export is free text', () => {
    const exp = parseQualtricsExport(full, 'x.csv');
    expect(droppedAs(exp, 'free-text')).toEqual(['Q3_TEXT', 'DigiDCategorie']);
    expect(names(exp)).toEqual(['StartDate', 'ResponseId', 'Finished', 'Q1', 'Q2']);
  });

  it('a keepColumns column missing from the export is an error with a hint', () => {
    const err = inputError(() => parseQualtricsExport(full, 'data/export.csv', { keepColumns: new Set(['Q1', 'Q5', 'digidcategorie']) }));
    expect(err.problems).toHaveLength(2);
    const [q5, cased] = err.problems as [InputError['problems'][number], InputError['problems'][number]];
    expect(q5).toMatchObject({ file: 'data/export.csv', line: 1, severity: 'error', message: "kolom 'Q5' ontbreekt in de export." });
    expect(q5.hint).toMatch(/exporttag/);
    expect(cased.hint).toContain("Bedoelt u 'DigiDCategorie' (kolom 8)?");
    expect(err.message).toContain("data/export.csv:1: fout: kolom 'Q5' ontbreekt in de export.");
  });

  it('a keepColumns column with personal data or free text is an error', () => {
    const err = inputError(() => parseQualtricsExport(full, 'x.csv', { keepColumns: new Set(['IPAddress', 'Q3_TEXT']) }));
    expect(err.problems.map((p) => [p.column, p.columnName])).toEqual([
      [3, 'IPAddress'],
      [7, 'Q3_TEXT'],
    ]);
    expect(err.problems[0]!.message).toContain('persoonsgegevens');
    expect(err.problems[1]!.message).toContain('open tekstveld');
  });

  it('a ragged row is an error with its line and column', () => {
    const csv = ['ResponseId,Finished,Q1', 'Response ID,Finished,"Vraag\nmet regeleinde"', importIds(['_recordId', 'finished', 'QID1']), 'R_1,1,3', 'R_2,1,4,5', 'R_3,1'].join('\n');
    const err = inputError(() => parseQualtricsExport(csv, 'x.csv'));
    expect(err.problems).toHaveLength(2);
    expect(err.problems[0]).toMatchObject({ file: 'x.csv', line: 6, column: 4 });
    expect(err.problems[0]!.message).toBe('de rij heeft 4 cellen, maar de kopregel heeft er 3.');
    expect(err.problems[1]).toMatchObject({ line: 7, column: 3, columnName: 'Q1' });
    expect(err.problems[1]!.hint).toMatch(/aanhalingstekens/);
  });

  it('blank lines and all-empty rows are not respondents', () => {
    const csv = ['ResponseId,Q1', 'Response ID,Vraag 1', importIds(['_recordId', 'QID1']), 'R_1,3', '', 'R_2,4', ',', ''].join('\n');
    const exp = parseQualtricsExport(csv, 'x.csv');
    expect(exp.rows).toEqual([
      ['R_1', '3'],
      ['R_2', '4'],
    ]);
    expect(exp.rowLines).toEqual([4, 6]);
  });

  it('a file that is not a Qualtrics export', () => {
    const err = inputError(() => parseQualtricsExport('naam,leeftijd\nJan,40\nPiet,41\n', 'lijst.csv'));
    expect(err.problems[0]).toMatchObject({ file: 'lijst.csv', line: 3 });
    expect(err.problems[0]!.message).toContain('geen Qualtrics-export');
    expect(inputError(() => parseQualtricsExport('', 'leeg.csv')).problems[0]!.message).toBe('het bestand is leeg.');
  });

  it('a file that is not UTF-8 names the line', () => {
    const latin1 = Buffer.concat([Buffer.from('ResponseId,Q1\nResponse ID,Vraag 1\n' + importIds(['_recordId', 'QID1']) + '\nR_1,'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('\n')]);
    const err = inputError(() => parseQualtricsExport(latin1, 'ansi.csv'));
    expect(err.problems[0]).toMatchObject({ file: 'ansi.csv', line: 4 });
    expect(err.problems[0]!.message).toContain('geen geldige UTF-8');
    expect(err.problems[0]!.hint).toContain('CSV UTF-8');
    const utf16 = Buffer.from('\uFEFFResponseId,Q1\n', 'utf16le');
    expect(inputError(() => parseQualtricsExport(utf16, 'u16.csv')).problems[0]!.message).toContain('UTF-16');
  });

  it('an unclosed quote is an input error, not a csv-parse stack trace', () => {
    const csv = ['ResponseId,Q1', 'Response ID,Vraag 1', importIds(['_recordId', 'QID1']), 'R_1,3', 'R_2,"4', 'R_3,5'].join('\n');
    const err = inputError(() => parseQualtricsExport(csv, 'x.csv'));
    expect(err.problems[0]).toMatchObject({ file: 'x.csv', line: 5 });
    expect(err.problems[0]!.message).toContain('aanhalingsteken');
  });

  it('a missing file is an input error', () => {
    const err = inputError(() => readQualtricsExport('/nonexistent/export.csv'));
    expect(err.problems[0]).toMatchObject({ file: '/nonexistent/export.csv', message: 'het bestand bestaat niet.' });
    expect(err.message).not.toMatch(/\bat\b.*\.ts:\d+/);
    expect(inputError(() => readQualtricsExport(SAMPLES)).problems[0]!.message).toContain('map');
  });

  it('100,000 respondents parse completely', () => {
    const tags = ['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId'];
    for (let q = 1; q <= 40; q++) tags.push(`Q${q}`);
    tags.push('Q41_TEXT');
    const ids = tags.map((t) => (t.startsWith('Q') ? `QID${t.slice(1)}` : t));
    const lines = [tags.join(','), tags.map((t) => `"Vraag ${t}, tekst"`).join(','), importIds(ids)];
    for (let r = 0; r < 100_000; r++) {
      const cells = ['2018-09-01 10:00:00', '2018-09-01 10:10:00', '0', `10.0.${r % 250}.1`, '100', '600', '1', '2018-09-01 10:10:01', `R_${r}`];
      for (let q = 0; q < 40; q++) cells.push((r + q) % 9 === 0 ? '' : String(((r * 7 + q) % 5) + 1));
      cells.push(r % 10 === 0 ? '"vrije, tekst"' : '');
      lines.push(cells.join(','));
    }
    const buf = Buffer.from(lines.join('\n'));
    const exp = parseQualtricsExport(buf, 'groot.csv');
    expect(exp.rows.length).toBe(100_000);
    expect(exp.columns.length).toBe(48);
    expect(exp.rowLines[99_999]).toBe(100_003);
    // Speed is measured by `npm run bench -- import`, not here: a wall-clock bound fails on a busy machine.
  }, 30_000);
});

describe('isNumericCell', () => {
  it('accepts codes, decimals and lists of codes', () => {
    for (const s of ['2', '-99', '-1', '47.115097045898', '167772150000', '1.5E+11', '1,3', '1,2,-99', '+3']) expect(isNumericCell(s), s).toBe(true);
  });
  it('rejects text, dates and phone numbers', () => {
    for (const s of ['', '-', '1.', '1,', 'abc', 'True', '2016-05-13 12:14:41', '555-555-5555', ' 2', '2 ', 'R_1']) expect(isNumericCell(s), s).toBe(false);
  });
});
