import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/load/input-error.ts';
import {
  answerColour,
  contrastRatio,
  formatCount,
  formatN,
  formatPercent,
  loadChartTheme,
  textColourOn,
  theme,
  vegaLiteConfig,
} from '../../../src/render/charts/theme.ts';
import { TONES } from './fixtures.ts';

describe('chart theme', () => {
  it("gives every answer the theme colour of its place in the scale", () => {
    const { scale } = theme.colours;
    expect(['Zeer oneens', 'Oneens', 'Neutraal', 'Eens', 'Zeer eens'].map((l) => answerColour(l, TONES))).toEqual([scale.negative[1], scale.negative[0], scale.neutral, scale.positive[0], scale.positive[1]]);
    expect(answerColour('Niet van toepassing', TONES)).toBe(theme.colours.other);
    expect(answerColour('Gebruik ik nooit', TONES)).toBe(theme.colours.other);
    expect(answerColour('Ja', TONES)).toBe(theme.colours.yesNo.yes);
    expect(answerColour('Nee', TONES)).toBe(theme.colours.yesNo.no);
  });

  it('refuses an answer without a place or colour as an input error naming the theme file', () => {
    expect(() => answerColour('Weet niet', TONES)).toThrow(InputError);
    expect(() => answerColour('Weet niet', TONES)).toThrow(/theme\.json/);
    expect(() => answerColour('Heel erg oneens', { 'Heel erg oneens': 'negative-3' })).toThrow(/negative-3/);
  });

  it('picks a percentage colour with contrast of at least 4.5:1 on every fill', () => {
    const fills = [
      ...theme.colours.scale.negative,
      theme.colours.scale.neutral,
      ...theme.colours.scale.positive,
      ...Object.values(theme.colours.yesNo),
      theme.colours.other,
    ];
    for (const fill of fills) expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5);
    for (const text of [theme.colours.text.dark, theme.colours.text.muted]) {
      expect(contrastRatio('#ffffff', text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('has scale colours from the middle outwards, neutral grey in the middle', () => {
    expect(Object.keys(theme.colours.scale)).toEqual(['negative', 'neutral', 'positive']);
    const grey = theme.colours.scale.neutral;
    expect(grey.slice(1, 3)).toBe(grey.slice(3, 5));
    expect(grey.slice(3, 5)).toBe(grey.slice(5, 7));
  });

  it('formats numbers the Dutch way', () => {
    expect(formatPercent(18.8, 1)).toBe('18,8%');
    expect(formatPercent(43.88, 1)).toBe('43,9%');
    expect(formatPercent(7, 0)).toBe('7%');
    expect(formatCount(2700)).toBe('2.700');
    expect(formatN(484)).toBe('N = 484');
  });

  it('configures Vega-Lite with the PDF font, nl-NL numbers, no axis domain and a bottom legend', () => {
    expect(vegaLiteConfig.font).toBe('Roboto');
    expect(vegaLiteConfig.locale?.number).toMatchObject({ decimal: ',', thousands: '.' });
    expect(vegaLiteConfig.axis?.domain).toBe(false);
    expect(vegaLiteConfig.legend?.orient).toBe('bottom');
  });

  it('reports a bad theme file with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'theme-'));
    const file = join(dir, 'theme.json');
    writeFileSync(file, JSON.stringify({ ...theme, lineHeight: 'ruim' }, null, 2));
    expect(() => loadChartTheme(file)).toThrow(InputError);
    expect(() => loadChartTheme(file)).toThrow(/theme\.json:\d+:\d+: fout/);
  });
});
