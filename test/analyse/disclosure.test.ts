import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/report-model.ts';
import { modelJson } from '../../src/render/json.ts';
import type { ReportModel } from '../../src/model/report-types.ts';
import { protectCells, type Cell } from '../../src/analyse/disclosure.ts';
import { temptingEdition, type Sizes } from '../helpers/tempting-edition.ts';
import { derivableSmallGroups, derivableSmallRespondentCounts } from '../helpers/subtraction.ts';
import { renderSnippet } from '../../src/model/narrative/render-snippet.ts';
import { narrativeEnv } from '../../src/model/narrative/helpers.ts';
import { InputError } from '../../src/load/input-error.ts';
import { WORDING } from '../helpers/wording.ts';

function cell(n: number, parts: Cell[] = [], order = 0): Cell {
  return { n, asked: n, rank: n, order, parts, suppression: null };
}

describe('protectCells', () => {
  it('hides the smallest other part when one part is too small', () => {
    const parts = [cell(7, [], 0), cell(58, [], 1), cell(215, [], 2)];
    protectCells([cell(280, parts)], 10);
    expect(parts.map((p) => p.suppression)).toEqual(['too-few', 'complementary', null]);
  });

  it('hides nothing more when the small parts together are large enough', () => {
    const parts = [cell(6, [], 0), cell(5, [], 1), cell(40, [], 2)];
    protectCells([cell(51, parts)], 10);
    expect(parts.map((p) => p.suppression)).toEqual(['too-few', 'too-few', null]);
  });

  it('hides a third part when two small parts together are still too small', () => {
    const parts = [cell(3, [], 0), cell(4, [], 1), cell(40, [], 2)];
    protectCells([cell(47, parts)], 10);
    expect(parts.map((p) => p.suppression)).toEqual(['too-few', 'too-few', 'complementary']);
  });

  it('does not count a remainder outside all parts as protection when it is small', () => {
    // 3 respondents without a segment: Totaal − B − C would give A plus those 3 = 8.
    const parts = [cell(5, [], 0), cell(20, [], 1), cell(30, [], 2)];
    protectCells([cell(58, parts)], 10);
    expect(parts.map((p) => p.suppression)).toEqual(['too-few', 'complementary', null]);
  });

  it('protects across levels: a hidden product whose segments are all shown is hidden no more', () => {
    // Logius = Alfa + Beta; Beta too small. Hiding Alfa alone does not help while A, B and C
    // (which add up to Alfa) are shown, so one of them goes too.
    const segments = [cell(12, [], 0), cell(15, [], 1), cell(30, [], 2)];
    const products = [cell(57, segments, 0), cell(4, [], 1)];
    protectCells([cell(61, products)], 10);
    expect(products.map((p) => p.suppression)).toEqual(['complementary', 'too-few']);
    expect(segments.map((p) => p.suppression)).toEqual(['complementary', null, null]);
  });
});

function model(sizes: Sizes): { model: ReportModel; structure: ReturnType<typeof temptingEdition>['structure'] } {
  const { edition, structure } = temptingEdition(sizes);
  // Read back from the JSON file's text: the attacker sees what is published, nothing else.
  return { model: JSON.parse(modelJson(buildModel(edition).model)) as ReportModel, structure };
}

const texts = (m: ReportModel) => JSON.stringify(m);

describe('disclosure control on editions built to tempt it', () => {
  it('one small segment: the A-category cannot be worked out as Totaal − B − C', () => {
    const { model: m, structure } = model({ A: 4, B: 20, C: 30, beta: 25, gamma: 25 });
    expect(derivableSmallGroups(m, structure)).toEqual([]);
    expect(derivableSmallRespondentCounts(m, structure)).toEqual([]);
    const alfa = m.disclosure.hidden.filter((h) => h.scope === 'Alfa');
    expect(alfa).toContainEqual({ scope: 'Alfa', segment: 'A', tooFew: ['vertrouwen', 'aangesloten', 'tevreden-aansluiting'], complementary: [], respondents: 'too-few' });
    expect(alfa).toContainEqual({ scope: 'Alfa', segment: 'B', tooFew: [], complementary: ['vertrouwen', 'aangesloten', 'tevreden-aansluiting'], respondents: 'complementary' });
    const divider = m.parts[2]!.chapters.find((c) => c.divider?.title === 'Alfa')!.divider!;
    expect(divider.lines).toEqual(['54 respondenten, 51,9% van alle respondenten', 'waarvan 30 in de C-categorie, 24 in de A-categorie en B-categorie samen']);
    expect(texts(m)).not.toMatch(/\b4 in de A-categorie/);
  });

  it('two small segments that together are large enough: nothing more is hidden', () => {
    const { model: m, structure } = model({ A: 6, B: 5, C: 30, beta: 25, gamma: 25 });
    expect(derivableSmallGroups(m, structure)).toEqual([]);
    expect(m.disclosure.hidden.filter((h) => h.complementary.length)).toEqual([]);
  });

  it('two small segments that together are still too small: a third is hidden', () => {
    const { model: m, structure } = model({ A: 3, B: 4, C: 30, beta: 25, gamma: 25 });
    expect(derivableSmallGroups(m, structure)).toEqual([]);
    expect(derivableSmallRespondentCounts(m, structure)).toEqual([]);
    expect(m.disclosure.hidden.find((h) => h.scope === 'Alfa' && h.segment === 'C')).toMatchObject({ complementary: ['vertrouwen', 'aangesloten', 'tevreden-aansluiting'] });
  });

  it('a small product: the next smallest product is hidden too, and the methodology says so', () => {
    const { model: m, structure } = model({ A: 15, B: 15, C: 20, beta: 4, gamma: 12 });
    expect(derivableSmallGroups(m, structure)).toEqual([]);
    expect(derivableSmallRespondentCounts(m, structure)).toEqual([]);
    expect(m.disclosure.hidden).toContainEqual({ scope: 'Gamma', segment: 'all', tooFew: [], complementary: ['vertrouwen', 'aangesloten', 'tevreden-aansluiting'], respondents: 'complementary' });
    const methodology = m.parts[3]!.chapters[0]!.sections.at(-1)!.blocks;
    expect(methodology.find((b) => b.type === 'list')).toMatchObject({ items: ['Gamma: het aantal respondenten en de cijfers bij 3 vragen'] });
    const table = m.parts[3]!.chapters[0]!.sections[1]!.blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.rows.map((r) => r[0])).toEqual(['Alfa', 'Beta en Gamma samen', 'Totaal']);
    // The too-small product's own chapter says why there are no figures.
    expect(m.parts[2]!.chapters.find((c) => c.divider?.title === 'Beta')!.divider!.lines).toEqual([
      'Het aantal respondenten wordt niet genoemd om een kleine groep te beschermen.',
    ]);
  });

  it('a small product: the narrative cannot print its respondent count, nor that of the product hidden to protect it', () => {
    const { edition } = temptingEdition({ A: 15, B: 15, C: 20, beta: 4, gamma: 12 });
    const { survey, aggregates } = buildModel(edition);
    const env = narrativeEnv({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, sectionNumbers: new Map<string, string>() }, WORDING);
    const render = (source: string) =>
      renderSnippet(env, { file: 'narrative/rapport.yaml', key: 'k', paragraphs: [source], lines: [1] }, { scope: 'organisation', group: null, variables: {} }, 'x')
        .map((b) => b.text)
        .join('');
    const message = (source: string) => {
      try {
        render(source);
      } catch (e) {
        if (e instanceof InputError) return e.problems[0]!.message;
      }
      return 'geen fout';
    };
    expect(message('{{respons "gerespondeerd" scope="beta"}}')).toBe("in tekst 'k': het aantal respondenten van Beta wordt niet genoemd: het is kleiner dan 10.");
    expect(message('{{respons "aandeel" scope="gamma"}}')).toBe("in tekst 'k': het aantal respondenten van Gamma wordt niet genoemd: anders is dat van een kleinere groep uit te rekenen.");
    expect(render('{{respons "gerespondeerd" scope="alfa"}} van {{respons "gerespondeerd"}}')).toBe('50 van 66');
  });
});
