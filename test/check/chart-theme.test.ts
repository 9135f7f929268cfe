import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check-edition.ts';
import { buildModel } from '../../src/build.ts';
import { THEME_FILE } from '../../src/load/chart-theme.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';

/** A copy of the chart theme with one change. */
function themeWith(change: (theme: { colours: { scale: Record<string, unknown> } }) => void): string {
  const theme = JSON.parse(readFileSync(THEME_FILE, 'utf8'));
  change(theme);
  const file = join(mkdtempSync(join(tmpdir(), 'theme-')), 'theme.json');
  writeFileSync(file, JSON.stringify(theme, null, 2));
  return file;
}

/** The errors about the questionnaire and the theme (the mini edition's narrative is not check-clean). */
const errors = (r: ReturnType<typeof checkEdition>) =>
  r.problems.filter((p) => p.severity === 'error' && /questionnaire\.yaml|theme\.json/.test(p.file)).map(formatProblem);

describe('the chart theme against the content: check errors with file and line, never an internal error', () => {
  it('a scale with more steps than the theme has colours: an error at the answer in questionnaire.yaml', () => {
    const themeFile = themeWith((t) => (t.colours.scale['positive'] = ['#67a9cf']));
    const list = errors(checkEdition(MINI_EDITION, { themeFile }));
    expect(list).toEqual([
      expect.stringMatching(/questionnaire\.yaml:7: fout: schaal 'eens-oneens' heeft 2 positieve antwoorden, maar het grafiekthema \(.*theme\.json\) heeft er 1 kleur voor; 'Zeer eens' krijgt geen kleur\. Voeg een kleur toe aan colours\.scale\.positive/),
    ]);
    expect(checkEdition(MINI_EDITION, { themeFile }).problems.map(formatProblem).join('\n')).not.toMatch(/Interne fout|fout in eindrapport/);
  });

  it('a colour missing from theme.json: an error at its line in theme.json', () => {
    const themeFile = themeWith((t) => delete t.colours.scale['neutral']);
    expect(errors(checkEdition(MINI_EDITION, { themeFile }))).toEqual([expect.stringMatching(/theme\.json:\d+:\d+: fout: bij 'colours\.scale\.neutral'/)]);
  });

  it('an answer without polarity: check and build both stop at its questionnaire line', () => {
    const t = copyEdition(MINI_EDITION);
    t.edit('questionnaire.yaml', (s) => s.replace('{ code: 3, label: Neutraal, polarity: neutral }', '{ code: 3, label: Neutraal }'));
    expect(errors(checkEdition(t.edition))).toEqual([expect.stringMatching(/questionnaire\.yaml:5: fout: antwoord 'Neutraal' van schaal 'eens-oneens' heeft geen polarity/)]);
    expect(() => buildModel(t.edition)).toThrow(InputError);
  });
});
