import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/load/input-error.ts';
import { THEME_FILE, formatN, reloadChartTheme, theme, vegaLiteConfig } from '../../../src/render/charts/theme.ts';
import { layoutSpec } from '../../../src/render/charts/layout-spec.ts';
import { editedCopy } from '../../helpers/edited-copy.ts';

/** `preview` reads an edited theme file again; the chart modules see the new values. */
describe('reloading the chart theme', () => {
  afterAll(() => reloadChartTheme());

  it('takes new sizes and colours from the file, and keeps the current theme on a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eindrapport-theme-'));
    const edited = join(dir, 'theme.json');
    const original = JSON.parse(readFileSync(THEME_FILE, 'utf8')) as { fontSize: { label: number }; colours: { text: { dark: string } } };
    original.fontSize.label = 12.5;
    original.colours.text.dark = '#000000';
    writeFileSync(edited, JSON.stringify(original, null, 2));
    reloadChartTheme(edited);
    expect(theme.fontSize.label).toBe(12.5);
    expect(vegaLiteConfig.axis?.labelFontSize).toBe(12.5);
    expect(vegaLiteConfig.text).toMatchObject({ color: '#000000' });

    writeFileSync(edited, '{ "font": ');
    expect(() => reloadChartTheme(edited)).toThrow(InputError);
    expect(theme.fontSize.label).toBe(12.5);
  });

  it('fills its texts as text templates: an edited count text is what the charts print', () => {
    expect(formatN(1234)).toBe('N = 1.234');
    const edited = editedCopy(THEME_FILE, '"count": "N = {{n}}"', '"count": "{{n}} antwoorden"');
    reloadChartTheme(edited);
    expect(formatN(1234)).toBe('1.234 antwoorden');
    const spec = JSON.stringify(layoutSpec({ form: 'plain-bars', bars: [{ label: 'Ja', value: 40, text: '40%' }], colour: 'multiselect', note: { kind: 'multiple-answers', n: 25 } }, { width: 400, decimals: 0 }));
    expect(spec).toContain('25 antwoorden; meer antwoorden mogelijk');
    reloadChartTheme();
    expect(formatN(1234)).toBe('N = 1.234');
  });
});
