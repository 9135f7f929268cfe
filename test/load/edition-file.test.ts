import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionFile, previousEditionFile } from '../../src/load/edition-file.ts';
import { loadEdition } from '../../src/load/edition.ts';
import { loadQuestionnaire } from '../../src/load/questionnaire.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { EDITION_2018, MINI_EDITION, ROOT } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';

describe('editions anywhere', () => {
  it('--edition takes a year, an edition file or its folder', () => {
    expect(editionFile('2018', join(ROOT, 'content'))).toBe(EDITION_2018);
    expect(editionFile(MINI_EDITION)).toBe(MINI_EDITION);
    expect(editionFile(join(ROOT, 'test/fixtures/mini'))).toBe(MINI_EDITION);
    expect(() => editionFile('2099', join(ROOT, 'content'))).toThrow(/editie '2099' niet gevonden/);
  });

  it('previous_edition takes a year (a sibling folder) or a path relative to the edition file', () => {
    const at = { file: 'edition.yaml', line: 3 };
    const e2019 = join(ROOT, 'content/2019/edition.yaml');
    expect(previousEditionFile(2018, e2019, at)).toBe(EDITION_2018);
    expect(previousEditionFile('../2018', e2019, at)).toBe(EDITION_2018);
    expect(previousEditionFile('../2018/edition.yaml', e2019, at)).toBe(EDITION_2018);
    try {
      previousEditionFile('../2017', e2019, at);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect(formatProblem((e as InputError).problems[0]!)).toMatch(/^edition\.yaml:3: fout: de vorige editie '\.\.\/2017' bestaat niet/);
    }
    expect(() => previousEditionFile('.', e2019, at)).toThrow(/naar deze editie zelf/);
  });

  it('an edition outside content/ with its data path relative to the edition file', () => {
    const t = copyEdition(MINI_EDITION);
    const e = loadEdition(t.edition);
    expect(e.dataPath).toBe(join(t.dir, 'export.csv'));
    t.edit('edition.yaml', (s) => s.replace('year: 2030', `year: 2030\nprevious_edition: ${JSON.stringify(join(ROOT, 'content/2018'))}`));
    expect(loadEdition(t.edition).previousEditionFile).toBe(EDITION_2018);
  });

  it('an export text that belongs to two answers of one scale is an error at its line', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('questionnaire.yaml', (s) => s.replace('{ code: 2, label: Oneens, polarity: negative }', '{ code: 2, label: Oneens, polarity: negative, export_texts: [zeer  ONEENS] }'));
    expect(() => loadQuestionnaire(join(t.dir, 'questionnaire.yaml'))).toThrow(/exporttekst 'zeer  ONEENS' van 'Oneens' in schaal 'eens-oneens' hoort ook bij 'Zeer oneens'/);
  });
});

describe('responses: in edition.yaml', () => {
  it('refuses a Status that Qualtrics does not write, at its line (a typo would let test rows count)', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('edition.yaml', (s) => `${s}responses:\n  exclude_status: [Survey Preview, Survey Previw]\n`);
    try {
      loadEdition(t.edition);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems.map(formatProblem)).toEqual([expect.stringMatching(/edition\.yaml:\d+:\d+: fout: 'Survey Previw' is geen Status van Qualtrics\. Kies uit: IP Address, Survey Preview/)]);
    }
  });
});
