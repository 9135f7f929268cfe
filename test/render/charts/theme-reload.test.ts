import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/load/input-error.ts';
import { THEME_FILE, reloadChartTheme, theme, vegaLiteConfig } from '../../../src/render/charts/theme.ts';

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
});
