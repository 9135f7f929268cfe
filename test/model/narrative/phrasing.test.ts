import { describe, expect, it } from 'vitest';
import { about, approximately, comparison, formatChange, fraction, parseDutchNumber, plural, tendency } from '../../../src/model/narrative/phrasing.ts';

describe('phrasing', () => {
  it('hedges an approximate percentage by the unrounded value', () => {
    expect(approximately(71.6)).toBe('bijna 72%');
    expect(approximately(71.4)).toBe('ruim 71%');
    expect(approximately(72.1)).toBe('72%');
    expect(approximately(62.5)).toBe('bijna 63%');
    // within one point of a fraction, the fraction is named
    expect(approximately(49.5)).toBe('bijna de helft');
    expect(approximately(75.6)).toBe('ruim driekwart');
  });

  it('writes "ongeveer" with a fraction or a rounded percentage', () => {
    expect(about(27.2)).toBe('ongeveer 27%');
    expect(about(33.8)).toBe('ongeveer een derde');
    expect(about(25)).toBe('ongeveer een kwart');
  });

  it('names fractions, hedged up to five points away, and falls back to a percentage', () => {
    expect(fraction(50)).toBe('de helft');
    expect(fraction(33.3)).toBe('een derde');
    expect(fraction(66.7)).toBe('tweederde');
    expect(fraction(25.1)).toBe('een kwart');
    expect(fraction(75)).toBe('driekwart');
    expect(fraction(53.9)).toBe('ruim de helft');
    expect(fraction(62.5)).toBe('bijna tweederde');
    expect(fraction(71.2)).toBe('bijna driekwart');
    expect(fraction(58.4)).toBe('ruim 58%');
    expect(fraction(12)).toBe('12%');
  });

  it('derives the tendency word from the distribution', () => {
    expect(tendency({ positive: 63, neutral: 25, negative: 12 })).toBe('overwegend positief');
    expect(tendency({ positive: 30, neutral: 52, negative: 18 })).toBe('overwegend neutraal');
    expect(tendency({ positive: 40, neutral: 20, negative: 40 })).toBe('wisselend positief en negatief');
    expect(tendency({ positive: 45, neutral: 30, negative: 25 })).toBe('vooral positief');
  });

  it('words the verdict of the significance test', () => {
    expect(comparison('higher', 'Logius als geheel')).toBe('positiever dan Logius als geheel');
    expect(comparison('similar', 'Logius als geheel')).toBe('vergelijkbaar met Logius als geheel');
    expect(comparison('lower', 'X')).toBe('minder positief dan X');
  });

  it('names a change since last year only when the verdict says it is one', () => {
    expect(formatChange(6.2, 'similar', 2018)).toBe('vergelijkbaar met 2018');
    expect(formatChange(6.2, 'higher', 2018)).toBe('6 procentpunt hoger dan in 2018');
    expect(formatChange(-12.5, 'lower', 2018)).toBe('13 procentpunt lager dan in 2018');
  });

  it('chooses singular or plural, with or without the count', () => {
    expect(plural(1, 'product', 'producten')).toBe('1 product');
    expect(plural(1150, 'respondent', 'respondenten')).toBe('1.150 respondenten');
    expect(plural(0, 'product', 'producten')).toBe('0 producten');
    expect(plural(3, 'product', 'producten', false)).toBe('producten');
  });

  it('reads numbers as helpers print them', () => {
    expect(parseDutchNumber('1.150')).toBe(1150);
    expect(parseDutchNumber('22,7%')).toBe(22.7);
    expect(parseDutchNumber(3)).toBe(3);
    expect(parseDutchNumber('drie')).toBeNaN();
  });
});
