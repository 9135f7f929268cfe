import { describe, expect, it } from 'vitest';
import { loadSurvey } from '../../src/load/survey.ts';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { changeSincePrevious, productVersusOrganisation, restOfOrganisation, sampleOf } from '../../src/analyse/comparisons.ts';
import { differenceTest, finitePopulationCorrection } from '../../src/analyse/uncertainty.ts';
import { MINI_EDITION } from '../helpers/paths.ts';

const aggregates = aggregateSurvey(loadSurvey(MINI_EDITION));

describe('product against the organisation', () => {
  it('tests the product against the rest of the organisation, whose answers exclude the product’s', () => {
    const alfa = aggregates.get('vertrouwen', 'Alfa')!;
    const org = aggregates.get('vertrouwen', 'organisation')!;
    const rest = restOfOrganisation(alfa, org, 'positive', aggregates.statistics);
    // Organisation 5 positive of 8, Alfa 3 of 5: the rest is 2 of 3, answered by 4 of the 10
    // customers invited for the other products.
    expect(sampleOf(alfa, 'positive')).toMatchObject({ k: 3, n: 5 });
    expect(rest).toMatchObject({ k: 2, n: 3 });
    expect(rest.fpc).toBeCloseTo(finitePopulationCorrection(3, 4 / 10), 12);
    const t = productVersusOrganisation(alfa, org, 'positive', aggregates.statistics);
    // The difference a reader sees is product − organisation; the test is product − rest.
    expect(t.difference).toBeCloseTo(60 - 62.5, 10);
    expect(t.z).toBeCloseTo(differenceTest(sampleOf(alfa, 'positive'), rest).z, 12);
    expect(t.significant).toBe(false);
  });
});

describe('change since the previous edition', () => {
  it('treats the two editions as independent samples, each with its own correction', () => {
    const a = aggregates.get('vertrouwen', 'organisation')!;
    const same = changeSincePrevious(a, a, 'positive');
    expect(same.difference).toBe(0);
    expect(same.significant).toBe(false);
  });
});
