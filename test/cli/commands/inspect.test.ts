import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { inspectCommand, inspectExport, shorten } from '../../../src/cli/commands/inspect.ts';
import { parseQualtricsExport, readQualtricsExport } from '../../../src/load/qualtrics/read-export.ts';
import { InputError } from '../../../src/load/input-error.ts';
import type { QualtricsExport } from '../../../src/load/qualtrics/export.ts';

// test/cli/commands/ → four levels up is the directory that holds both the repo and shared/.
const SAMPLES = fileURLToPath(new URL('../../../../shared/samples/qualtrics/', import.meta.url));
const sample = (name: string) => join(SAMPLES, name);

/** The lines between a section title and the next blank line. */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
}

describe('inspectExport', () => {
  it('describes a current three-row numeric export', () => {
    const text = inspectExport(readQualtricsExport(sample('qualtrics-v3-numeric.csv')));
    expect(text).toMatch(/Formaat:\s+drie kopregels/);
    expect(text).toMatch(/Scheidingsteken:\s+komma \(,\)/);
    expect(text).toMatch(/BOM:\s+nee/);
    expect(text).toMatch(/Waarden:\s+numeriek/);
    expect(text).toMatch(/Respondenten:\s+1$/m);
    expect(text).toContain('Metagegevens (10): StartDate, EndDate, Status');

    const questions = section(text, 'Vraagkolommen (1)');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/kolom 18\s+Q1\s+This is a multiple choice question\.$/);

    const personal = section(text, 'Weggelaten: persoonsgegevens (7)');
    expect(personal.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'IPAddress',
      'RecipientLastName',
      'RecipientFirstName',
      'RecipientEmail',
      'ExternalReference',
      'LocationLatitude',
      'LocationLongitude',
    ]);
    const freeText = section(text, 'Weggelaten: vrije tekst (2)');
    expect(freeText[0]).toMatch(/^\s+Q2\s+This is a free text question\. \(bevat tekst\)$/);
    expect(freeText[2]).toMatch(/wel ingelezen als de editie of vragenlijst ze koppelt/);
    expect(freeText[1]).toMatch(/Q2 - Topics.*\(Text iQ\)$/);

    expect(text).not.toContain('130.92.34.66');
    expect(text).not.toContain('Hello World!');
    expect(text).not.toContain('niet gekoppeld'); // no mapping given
  });

  it('describes a legacy export with BOM', () => {
    const text = inspectExport(readQualtricsExport(sample('legacy-v2.csv')));
    expect(text).toMatch(/Formaat:\s+oud formaat met twee kopregels/);
    expect(text).toMatch(/BOM:\s+ja/);
    expect(text).toContain('Metagegevens (6): ResponseID, ResponseSet, Status, StartDate, EndDate, Finished');
    expect(section(text, 'Weggelaten: persoonsgegevens (7)').join('\n')).toMatch(/IPAddress/);
  });

  it('shows the semicolon separator and choice-text values', () => {
    const csv = ['ResponseId;Finished;Q1', 'Response ID;Finished;Tevreden?', '"{""ImportId"":""_recordId""}";"{""ImportId"":""finished""}";"{""ImportId"":""QID1""}"', 'R_1;True;Ja'].join('\n');
    const text = inspectExport(parseQualtricsExport(csv, 'nl.csv'));
    expect(text).toMatch(/Scheidingsteken:\s+puntkomma \(;\)/);
    expect(text).toMatch(/Waarden:\s+keuzetekst/);
    expect(text).toContain('Weggelaten: persoonsgegevens (0): geen');
  });

  it('truncates long question texts to about 80 characters', () => {
    const text = inspectExport(readQualtricsExport(sample('choice-text-export.csv')));
    const consent = section(text, 'Vraagkolommen (5)').find((l) => l.includes('consent'))!;
    expect(consent).toMatch(/This brief survey will be used .*…$/);
    expect(consent.length).toBeLessThan(120);
    expect(text).not.toContain('Harry Potter');
  });

  it('marks duplicate export tags and keeps them apart by column number', () => {
    const text = inspectExport(readQualtricsExport(sample('many-question-types-insights.csv')));
    const dupes = section(text, 'Vraagkolommen').filter((l) => /\sQ50#2_wedges_1231\s/.test(l));
    expect(dupes).toHaveLength(4);
    expect(dupes.every((l) => l.endsWith('[naam komt vaker voor]'))).toBe(true);
    expect(new Set(dupes.map((l) => /kolom\s+(\d+)/.exec(l)![1])).size).toBe(4);
  });

  it('lists unmapped columns when the export was read with a mapping, and formats large counts', () => {
    const exp: QualtricsExport = {
      file: 'x.csv',
      format: 'three-row',
      delimiter: ',',
      bom: false,
      values: 'numeric',
      columns: [{ index: 0, name: 'ResponseId', text: 'Response ID', importId: '_recordId' }],
      rows: Array.from({ length: 123_456 }, (_, i) => [`R_${i}`]),
      rowLines: Array.from({ length: 123_456 }, (_, i) => i + 4),
      dropped: [{ name: 'Q7', text: 'Vraag 7', reason: 'not-mapped', importId: null }],
    };
    const text = inspectExport(exp);
    expect(text).toMatch(/Respondenten:\s+123\.456$/m);
    expect(section(text, 'Weggelaten: niet gekoppeld aan de vragenlijst (1)')).toEqual(['  Q7  Vraag 7']);
    expect(text).toContain('Vraagkolommen (0): geen');
  });
});

describe('shorten', () => {
  it('collapses whitespace and cuts at 80 characters', () => {
    expect(shorten('  Een\u00a0vraag\nover  twee regels ')).toBe('Een vraag over twee regels');
    const long = shorten('x'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(shorten('y'.repeat(80))).toBe('y'.repeat(80));
  });
});

describe('inspectCommand', () => {
  it('reads the file and prints the same report as inspectExport', () => {
    const path = sample('survey-logic-legacy.csv');
    expect(inspectCommand(path)).toBe(inspectExport(readQualtricsExport(path)));
    expect(inspectCommand(path)).toMatch(/Respondenten:\s+10$/m);
  });

  it('says how many rows count and why the others do not, by the default rules or an edition\'s', () => {
    const path = fileURLToPath(new URL('../../fixtures/independent/export.csv', import.meta.url));
    expect(inspectCommand(path)).toMatch(/Meegeteld:\s+40 volgens de standaardregels; niet meegeteld: 1 × voorbeeldweergave \(Survey Preview\), 1 × testantwoord \(Survey Test\)$/m);
    const edition = fileURLToPath(new URL('../../fixtures/independent/edition.yaml', import.meta.url));
    expect(inspectCommand(path, edition)).toMatch(/Meegeteld:\s+40 volgens .*edition\.yaml; niet meegeteld: 1 × voorbeeldweergave/m);
  });

  it('reports a missing file as an input error', () => {
    expect(() => inspectCommand('/nonexistent/export.csv')).toThrow(InputError);
  });
});

describe('inspect on a very wide export', () => {
  it('describes an export of 130.000 columns instead of failing with an internal error', () => {
    const n = 130_000;
    const tags = ['ResponseId', 'Finished'];
    for (let i = 0; i < n; i++) tags.push(`Q${i}`);
    const ids = tags.map((t) => `"{""ImportId"":""${t}""}"`);
    const rows = [tags.join(','), tags.join(','), ids.join(',')];
    for (let r = 0; r < 3; r++) rows.push([`R_${r}`, '1', ...Array<string>(n).fill('1')].join(','));
    const text = inspectExport(parseQualtricsExport(rows.join('\n'), 'breed.csv'));
    expect(text).toContain(`Vraagkolommen (${n}):`);
    expect(text).toMatch(/kolom 130002\s+Q129999/);
  });
});
