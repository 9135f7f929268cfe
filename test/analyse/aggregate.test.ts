import { describe, expect, it } from 'vitest';
import { loadSurvey } from '../../src/load/survey.ts';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { MINI_EDITION } from '../helpers/paths.ts';

const aggregates = aggregateSurvey(loadSurvey(MINI_EDITION));

describe('aggregateSurvey', () => {
  it('counts valid answers per label and leaves "weet niet" and blanks out of N', () => {
    const a = aggregates.get('vertrouwen', 'organisation')!;
    expect(a.n).toBe(8);
    expect(a.counts).toEqual({ 'Zeer oneens': 0, Oneens: 1, Neutraal: 2, Eens: 3, 'Zeer eens': 2 });
    expect(a.positive).toBeCloseTo(62.5);
    expect(a.neutral).toBeCloseTo(25);
    expect(a.negative).toBeCloseTo(12.5);
    expect(a.nonSubstantive).toEqual({ 'Weet niet': 1, 'Geen antwoord': 1 });
    expect(a.asked).toBe(10);
    expect(a.yes).toBeNull();
  });

  it('scopes a product to its respondents and a segment to its part of the product', () => {
    expect(aggregates.get('vertrouwen', 'Alfa')!.n).toBe(5);
    expect(aggregates.get('vertrouwen', 'Alfa')!.positive).toBeCloseTo(60);
    expect(aggregates.get('vertrouwen', 'Alfa', 'A')!.positive).toBeCloseTo(200 / 3);
    expect(aggregates.get('vertrouwen', 'Beta')!.n).toBe(3);
  });

  it('gives every share a 95 % Wilson interval with the finite population correction of its scope', () => {
    // 10 of 40 invited answered: f = 0,25, so the 8 answers stand for 32 customers and the
    // variance shrinks by (32 − 8)/(32 − 1) = 0,7742. 5 positive of 8, worked by hand with
    // z'² = 1,95996² · 0,7742: 33,68–84,54.
    const a = aggregates.get('vertrouwen', 'organisation')!;
    expect(a.samplingFraction).toBeCloseTo(0.25, 12);
    expect(a.intervals.positive!.low).toBeCloseTo(33.683, 2);
    expect(a.intervals.positive!.high).toBeCloseTo(84.542, 2);
    expect(Object.keys(a.intervals.answers)).toEqual(Object.keys(a.counts));
    expect(a.intervals.yes).toBeNull();
    // A product: its own respondents over its own invited (6 of 30); a segment: no invited count.
    expect(aggregates.get('vertrouwen', 'Alfa')!.samplingFraction).toBeCloseTo(0.2, 12);
    expect(aggregates.get('vertrouwen', 'Alfa', 'A')!.samplingFraction).toBe(0);
  });

  it('flags groups below the minimum group size as suppressed', () => {
    expect(aggregates.get('vertrouwen', 'Alfa', 'B')).toMatchObject({ suppressed: true, suppression: 'too-few' });
    expect(aggregates.get('aangesloten', 'Alfa', 'A')).toMatchObject({ suppressed: false, suppression: null });
  });

  it('also hides the group from which a small one could be worked out (Alfa = A + B)', () => {
    // B (N = 2) is too small; A (N = 3) is large enough, but Alfa − A would give B.
    expect(aggregates.get('vertrouwen', 'Alfa', 'A')).toMatchObject({ suppressed: true, suppression: 'complementary' });
    expect(aggregates.get('vertrouwen', 'Alfa')).toMatchObject({ suppressed: false });
    // Logius = Alfa + Beta: Beta (N = 1) too small, so Alfa is hidden, and then its A-segment too.
    expect(aggregates.get('tevreden-aansluiting', 'Beta')!.suppression).toBe('too-few');
    expect(aggregates.get('tevreden-aansluiting', 'Alfa')!.suppression).toBe('complementary');
    expect(aggregates.get('tevreden-aansluiting', 'Alfa', 'A')!.suppression).toBe('complementary');
    expect(aggregates.get('tevreden-aansluiting', 'organisation')!.suppressed).toBe(false);
  });

  it('gives the yes share of a filter question', () => {
    const a = aggregates.get('aangesloten', 'organisation')!;
    expect(a.n).toBe(9);
    expect(a.yes).toBeCloseTo((5 / 9) * 100);
    expect(a.positive).toBeNull();
  });

  it('counts a routed question only among those the filter let through', () => {
    const a = aggregates.get('tevreden-aansluiting', 'organisation')!;
    expect(a.asked).toBe(5);
    expect(a.n).toBe(5);
    expect(a.positive).toBeCloseTo(40);
    expect(a.negative).toBeCloseTo(40);
  });

  it('gives multiselect option shares of those asked who ticked something, organisation only', () => {
    const a = aggregates.get('verbetering', 'organisation')!;
    expect(a.n).toBe(3);
    expect(a.counts).toEqual({ Snelheid: 2, Uitleg: 2 });
    expect(a.percentages.Snelheid).toBeCloseTo(200 / 3);
    expect(aggregates.get('verbetering', 'Alfa')).toBeUndefined();
  });

  it('rounds display percentages to the chart decimals', () => {
    expect(aggregates.get('aangesloten', 'organisation')!.display.Ja).toBe(55.6);
  });

  it('reports response statistics', () => {
    const s = aggregates.statistics;
    expect(s).toMatchObject({ invited: 40, responded: 10, complete: 8 });
    expect(s.responseRate).toBeCloseTo(25);
    expect(s.perProduct.map((p) => [p.product, p.responded])).toEqual([['Alfa', 6], ['Beta', 4]]);
    expect(s.perProduct[0]!.segments).toEqual([{ segment: 'A', responded: 3, suppression: null }, { segment: 'B', responded: 3, suppression: null }]);
  });
});
