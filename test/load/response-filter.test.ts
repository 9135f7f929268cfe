import { describe, expect, it } from 'vitest';
import { parseQualtricsExport } from '../../src/load/qualtrics/read-export.ts';
import { DEFAULT_RESPONSE_RULES, type ResponseRules } from '../../src/load/edition.ts';
import { parseFinished, parseProgress, parseResponseDate, selectResponses } from '../../src/load/response-filter.ts';
import { formatProblem } from '../../src/load/input-error.ts';

const COLUMNS = { responseId: 'ResponseId', status: 'Status', finished: 'Finished', progress: 'Progress', date: 'RecordedDate' };
const ids = (list: string[]) => list.map((id) => `"{""ImportId"":""${id}""}"`).join(',');

/** A three-row export with metadata columns only; each row: [Status, Progress, Finished, RecordedDate, ResponseId]. */
function exportOf(rows: string[][]) {
  const csv = [
    'Status,Progress,Finished,RecordedDate,ResponseId,Q1',
    'Response Type,Progress,Finished,Recorded Date,Response ID,Product',
    ids(['status', 'progress', 'finished', 'recordedDate', '_recordId', 'QID1']),
    ...rows.map((r) => [...r, '1'].join(',')),
  ].join('\n');
  return parseQualtricsExport(csv, 'x.csv');
}

const select = (rows: string[][], rules: Partial<ResponseRules> = {}) =>
  selectResponses(exportOf(rows), { ...DEFAULT_RESPONSE_RULES, ...rules }, COLUMNS, () => ({ file: 'edition.yaml', line: 7 }));

describe('Finished, Progress and dates in every form Qualtrics and a Dutch Excel write', () => {
  it('reads 1/0, 1.0/0.0, true/false, TRUE/FALSE, WAAR/ONWAAR and Ja/Nee', () => {
    for (const v of ['1', '1.0', 'true', 'TRUE', 'True', 'WAAR', 'waar', 'Ja', ' ja ']) expect(parseFinished(v), v).toBe(1);
    for (const v of ['0', '0.0', 'false', 'FALSE', 'ONWAAR', 'Nee', 'nee']) expect(parseFinished(v), v).toBe(0);
    for (const v of ['', '2', 'misschien', '1.5']) expect(parseFinished(v), v).toBeNull();
  });

  it('reads Progress with a decimal point or comma and refuses what is no percentage', () => {
    expect(parseProgress('100')).toBe(100);
    expect(parseProgress('85,5')).toBe(85.5);
    expect(parseProgress('85.5%')).toBe(85.5);
    expect(parseProgress('101')).toBeNull();
    expect(parseProgress('veel')).toBeNull();
  });

  it('reads ISO and Dutch dates', () => {
    expect(parseResponseDate('2019-08-05 09:01:54')).toBe('2019-08-05');
    expect(parseResponseDate('2019-08-05T09:01:54Z')).toBe('2019-08-05');
    expect(parseResponseDate('5-8-2019 09:01')).toBe('2019-08-05');
    expect(parseResponseDate('31/12/2019')).toBe('2019-12-31');
    expect(parseResponseDate('10/31/2019 14:00')).toBe('2019-10-31');
    expect(parseResponseDate('5/8/2019')).toBeNull(); // 5 August or May 8: refused, not guessed
    expect(parseResponseDate('gisteren')).toBeNull();
  });

  it('counts WAAR and 1.0 as finished (100 such rows are not silently unfinished)', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ['IP Address', '100', i % 2 ? 'WAAR' : '1.0', '2019-09-01 10:00', `R_${i}`]);
    const s = select(rows);
    expect(s.kept).toHaveLength(100);
    expect([...s.finished].every((f) => f === 1)).toBe(true);
  });

  it('refuses a Progress that is no percentage, also without a min_progress rule', () => {
    const s = select([['0', 'veel', '1', '2019-09-01', 'R_1']]);
    expect(s.problems.map(formatProblem)).toEqual([expect.stringMatching(/^x\.csv:4:2: fout \(kolom Progress\): 'veel' is geen voortgang in procenten/)]);
  });

  it('refuses any other Finished value with file, line and column, once per column', () => {
    const s = select([
      ['0', '100', 'misschien', '2019-09-01', 'R_1'],
      ['0', '100', 'x', '2019-09-01', 'R_2'],
    ]);
    const errors = s.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toEqual([expect.stringMatching(/^x\.csv:4:3: fout \(kolom Finished\): 'misschien' is geen waarde voor Finished \(… en nog 1 keer\)\. Verwacht 1 of 0/)]);
  });
});

describe('selectResponses: which rows count', () => {
  it('leaves out preview, test and spam rows in text and numeric form, counted by reason', () => {
    const s = select([
      ['IP Address', '100', 'True', '2019-09-01', 'R_1'],
      ['Survey Preview', '100', 'True', '2019-09-01', 'R_2'],
      ['1', '100', '1', '2019-09-01', 'R_3'],
      ['2', '100', '1', '2019-09-01', 'R_4'],
      ['Spam', '100', '1', '2019-09-01', 'R_5'],
      ['0', '100', '1', '2019-09-01', 'R_6'],
      ['Imported', '100', '1', '2019-09-01', 'R_7'],
    ]);
    expect(s.received).toBe(7);
    expect(s.kept).toEqual([0, 5, 6]);
    expect(s.excluded).toEqual([
      { reason: 'status', status: 'Spam', count: 1 },
      { reason: 'status', status: 'Survey Preview', count: 2 },
      { reason: 'status', status: 'Survey Test', count: 1 },
    ]);
  });

  it('applies finished_only, min_progress, the date window and the ResponseId list; every row under its first reason', () => {
    const s = select(
      [
        ['0', '100', '1', '2019-09-01', 'R_1'],
        ['0', '40', '0', '2019-09-01', 'R_2'],
        ['0', '90', '0', '2019-09-01', 'R_3'],
        ['0', '100', '1', '2019-12-01', 'R_4'],
        ['0', '100', '1', '2019-09-02', 'R_5'],
        ['1', '100', '1', '2019-09-02', 'R_6'],
      ],
      { finished_only: false, min_progress: 80, recorded_between: { from: '2019-08-05', to: '2019-10-31' }, drop_response_ids: ['R_5', 'R_9'] },
    );
    expect(s.kept).toEqual([0, 2]);
    expect(s.excluded).toEqual([
      { reason: 'status', status: 'Survey Preview', count: 1 },
      { reason: 'response-id', count: 1 },
      { reason: 'period', count: 1 },
      { reason: 'progress', count: 1 },
    ]);
    // A ResponseId to drop that is not there: a warning, since a typo would silently drop nothing.
    expect(s.problems.map(formatProblem)).toEqual([expect.stringMatching(/edition\.yaml:7: waarschuwing: ResponseId 'R_9' staat in drop_response_ids, maar komt niet voor/)]);
    const unfinished = select([['0', '40', '0', '2019-09-01', 'R_2'], ['0', '100', '1', '2019-09-01', 'R_1']], { finished_only: true });
    expect(unfinished.excluded).toEqual([{ reason: 'unfinished', count: 1 }]);
  });

  it('warns about an unknown Status and about an export without Status', () => {
    expect(select([['Onbekend', '100', '1', '2019-09-01', 'R_1']]).problems.map(formatProblem)).toEqual([expect.stringMatching(/waarschuwing.*onbekende Status 'Onbekend'; ze tellen mee/)]);
    const noStatus = parseQualtricsExport(['ResponseId,Finished', 'Response ID,Finished', ids(['_recordId', 'finished']), 'R_1,1'].join('\n'), 'y.csv');
    const s = selectResponses(noStatus, DEFAULT_RESPONSE_RULES, COLUMNS, () => ({ file: 'edition.yaml' }));
    expect(s.problems.map(formatProblem)).toEqual([expect.stringMatching(/waarschuwing: de export heeft geen kolom 'Status'/)]);
  });
});
