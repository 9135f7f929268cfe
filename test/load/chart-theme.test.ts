import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_FILE, loadChartTheme } from '../../src/load/chart-theme.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { checkEdition } from '../../src/check/check-edition.ts';
import { editedCopy, lineOf } from '../helpers/edited-copy.ts';
import { MINI_EDITION } from '../helpers/paths.ts';

/** The error of loading the theme with `from` replaced by `to`, and where it should point. */
function themeError(from: string, to: string): { message: string; at: string; file: string } {
  const file = editedCopy(THEME_FILE, from, to);
  const line = lineOf(file, to);
  // The column of the value: where its opening quote stands.
  const column = readFileSync(file, 'utf8').split('\n')[line - 1]!.indexOf(to) + to.indexOf(': "') + 3;
  try {
    loadChartTheme(file);
  } catch (e) {
    if (e instanceof InputError) return { message: e.problems.map(formatProblem).join('\n'), at: `${file}:${line}:${column}`, file };
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('templates/charts/theme.json: its texts are text templates like those of report.yaml', () => {
  it('reads the bundled theme, with {{n}} in the counting texts', () => {
    const { texts } = loadChartTheme();
    expect(texts.count).toBe('N = {{n}}');
    expect(texts.multipleAnswers).toMatch(/^\{\{n\}\}; meer antwoorden mogelijk/);
  });

  it('an older theme with {n}: an error at its line and column that says to write {{n}}', () => {
    const e = themeError('"count": "N = {{n}}"', '"count": "N = {n}"');
    expect(e.message).toBe(`${e.at}: fout: bij 'texts.count': een plaatshouder schrijf je met dubbele accolades: schrijf {{n}} in plaats van {n}; hier kan {{n}}.`);
  });

  it('a broken or unknown placeholder, or a count without {{n}}: the same kind of error as in report.yaml', () => {
    const broken = themeError('"count": "N = {{n}}"', '"count": "N = {{n}"');
    expect(broken.message).toMatch(new RegExp(`^${broken.at.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: fout: bij 'texts.count': een plaatshouder is niet goed geschreven`));
    const unknown = themeError('"previousYear": "vorig jaar"', '"previousYear": "{{jaar}}"');
    expect(unknown.message).toBe(`${unknown.at}: fout: bij 'texts.previousYear': onbekende plaatshouder {{jaar}}; deze tekst heeft geen plaatshouders.`);
    const without = themeError('"count": "N = {{n}}"', '"count": "aantal antwoorden"');
    expect(without.message).toBe(`${without.at}: fout: bij 'texts.count': deze tekst moet {{n}} bevatten.`);
  });

  it('check reports a broken theme text at its line, without an internal error', () => {
    const e = themeError('"count": "N = {{n}}"', '"count": "N = {n}"');
    const all = checkEdition(MINI_EDITION, { themeFile: e.file }).problems.map(formatProblem);
    expect(all).toContain(`${e.at}: fout: bij 'texts.count': een plaatshouder schrijf je met dubbele accolades: schrijf {{n}} in plaats van {n}; hier kan {{n}}.`);
    expect(all.join('\n')).not.toMatch(/Interne fout|fout in eindrapport/);
  });
});
