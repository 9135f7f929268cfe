import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/build.ts';
import { buildModel as buildModelOf, REPORT_TEMPLATES } from '../../src/report-model.ts';
import { loadSurvey } from '../../src/load/survey.ts';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { loadNarrative } from '../../src/load/content.ts';
import { loadReportTemplates } from '../../src/load/report-templates.ts';
import { buildReportModel } from '../../src/model/build-model.ts';
import { InputError } from '../../src/load/input-error.ts';
import { copyEdition } from '../helpers/temp-edition.ts';
import type { AnyBlock, ChartBlock, ParagraphBlock } from '../../src/model/report-types.ts';
import { EDITION_2018, MINI_EDITION } from '../helpers/paths.ts';
import { flatBlocks } from '../helpers/model-blocks.ts';

const { model } = buildModel(MINI_EDITION);
const allBlocks = () => flatBlocks(model);
const paragraphs = () => allBlocks().filter((b): b is ParagraphBlock => b.type === 'paragraph');
const charts = () => allBlocks().filter((b): b is ChartBlock => b.type === 'chart');

describe('buildReportModel', () => {
  it('orders parts: front matter, Deel I, Deel II, methodology', () => {
    expect(model.parts.map((p) => p.kind)).toEqual(['front-matter', 'organisation', 'products', 'methodology']);
    expect(model.parts[1]!.label).toBe('Deel I');
  });

  it('names the text that introduces each part (textKey), as chapters and sections do', () => {
    expect(model.parts.map((p) => p.textKey)).toEqual([null, 'deel-organisatie', 'deel-producten', null]);
    // The 2018 edition has both texts: each part's intro starts with the text its textKey names.
    const report2018 = buildModel(EDITION_2018).model;
    for (const part of report2018.parts.filter((p) => p.textKey !== null)) {
      const first = part.intro.find((b): b is ParagraphBlock => b.type === 'paragraph');
      expect(first?.source).toEqual({ file: 'narrative/rapport.yaml', key: part.textKey });
    }
  });

  it('numbers a chapter pair per product after Deel I, in edition order', () => {
    const titles = model.parts[2]!.chapters.map((c) => `${c.number} ${c.title}`);
    expect(titles).toEqual(['3 Hoe we werken rond Alfa', '4 De werkprocessen rond Alfa', '5 Hoe we werken rond Beta', '6 De werkprocessen rond Beta']);
    expect(model.parts[3]!.chapters[0]!.number).toBe(7);
    expect(model.parts[2]!.chapters[1]!.sections.map((s) => s.number)).toEqual(['4.1']);
  });

  it('fills narrative numbers from the aggregates and records where each came from', () => {
    const p = paragraphs().find((x) => x.source.key === 'betrouwbaar' && x.text.startsWith('Het beeld'))!;
    expect(p.text).toBe('Het beeld is overwegend positief: bijna 63% is positief (N = 8).');
    expect(p.figures).toEqual([
      { question: 'vertrouwen', scope: 'organisation', segment: 'all', measure: 'positive', value: 62.5 },
      { question: 'vertrouwen', scope: 'organisation', segment: 'all', measure: 'n', value: 8 },
    ]);
  });

  it('uses the generic product snippet with the product data', () => {
    const texts = paragraphs().map((x) => x.text);
    expect(texts).toContain('Bij Alfa is 60% positief.');
    expect(texts).toContain('Bij Beta is 67% positief.');
  });

  it('switches to the too-few sentence and leaves out chart and percentages for small groups', () => {
    const beta = model.parts[2]!.chapters[3]!.sections[0]!;
    expect(beta.blocks.map((b) => (b.type === 'figure' ? b.blocks.map((m) => m.type) : b.type))).toEqual(['paragraph', ['chart'], ['caption', 'note']]);
    expect((beta.blocks[0] as ParagraphBlock).text).toBe('Te weinig aangesloten afnemers bij Beta.');
    expect(beta.blocks[2]).toMatchObject({ type: 'figure', role: 'Div', blocks: [{ type: 'caption' }, { type: 'note', kind: 'too-few-respondents' }] });
  });

  it('has one chart per non-suppressed question per scope, carrying its numbers', () => {
    const single = charts().filter((c) => c.chart !== 'segments' && c.chart !== 'value-summary' && c.chart !== 'respondents');
    // organisation: 4 questions; Alfa: 2 (tevreden hidden: Logius − Alfa would give Beta's N = 1);
    // Beta: vertrouwen + aangesloten (tevreden suppressed)
    expect(single.map((c) => `${c.scope}:${c.question}`)).toEqual([
      'organisation:vertrouwen', 'organisation:aangesloten', 'organisation:tevreden-aansluiting', 'organisation:verbetering',
      'Alfa:vertrouwen', 'Alfa:aangesloten',
      'Beta:vertrouwen', 'Beta:aangesloten',
    ]);
    const c = single[0]!;
    expect(c).toMatchObject({ n: 8, segment: 'all', counts: { Eens: 3 } });
    expect(c.percentages.Neutraal).toBeCloseTo(25);
  });

  it('leaves out a segment comparison that would give away a small segment by subtraction', () => {
    // Alfa: A (N = 3) and B (N = 2, too few): Totaal − A = B, so A is not shown either.
    expect(charts().some((c) => c.chart === 'segments' && c.question === 'vertrouwen')).toBe(false);
    expect(model.disclosure.hidden).toContainEqual({ scope: 'Alfa', segment: 'A', tooFew: [], complementary: ['vertrouwen', 'tevreden-aansluiting'], respondents: null });
    const alfa = model.parts[2]!.chapters[1]!.sections[0]!.blocks;
    expect(alfa.flatMap((b): AnyBlock[] => (b.type === 'figure' ? b.blocks : [b])).find((b) => b.type === 'note')).toMatchObject({ kind: 'protects-small-group', suppressed: { scope: 'Alfa', questions: ['tevreden-aansluiting'], reason: 'complementary' } });
  });

  it('adds the curated reasons list after the chart it belongs to', () => {
    const s = model.parts[1]!.chapters[1]!.sections[0]!;
    const i = s.blocks.findIndex((b) => b.type === 'list');
    expect(s.blocks[i]).toMatchObject({ lead: 'Wie niet tevreden is, noemt:', items: ['Het duurde lang', 'De uitleg was onduidelijk'] });
    const before = s.blocks[i - 1]!;
    expect(before.type === 'figure' && before.blocks[0]!.type === 'chart' && before.blocks[0]!.question).toBe('tevreden-aansluiting');
  });

  it('writes the response table from the statistics', () => {
    const table = model.parts[3]!.chapters[0]!.sections[1]!.blocks.find((b) => b.type === 'table')!;
    expect(table).toMatchObject({ rows: [['Alfa', '30', '6', '20,0%', '60,0%'], ['Beta', '10', '4', '40,0%', '40,0%'], ['Totaal', '40', '10', '25,0%', '100,0%']] });
  });
});

describe('problems as values', () => {
  it('returns the model with every mistake in the narrative; build stops on them, naming each', () => {
    const e = copyEdition(MINI_EDITION);
    e.edit('narrative/organisatie.yaml', (t) => t.replace('Hoe Logius werkt.', '"{{positief \\"vertrouwn\\"}}"').replace('(N = {{n \\"vertrouwen\\"}})', '(N = {{n \\"vertruwen\\"}})'));
    const survey = loadSurvey(e.edition);
    const input = {
      edition: survey.edition,
      questionnaire: survey.questionnaire,
      aggregates: aggregateSurvey(survey),
      narrative: loadNarrative(survey.edition.dir, survey.edition.products.map((p) => p.key)),
      templates: loadReportTemplates(REPORT_TEMPLATES),
    };
    const built = buildReportModel(input);
    expect(built.problems.map((p) => p.message)).toEqual([
      "in tekst 'hoofdstuk-waarden': onbekende vraag 'vertrouwn'.",
      "in tekst 'betrouwbaar': onbekende vraag 'vertruwen'.",
    ]);
    const organisation = built.model.parts[1]!.chapters[0]!;
    expect(organisation.intro.filter((b) => b.type === 'paragraph')).toEqual([]);
    expect(built.paragraphs.some((p) => p.snippet.key === 'betrouwbaar' && p.text === null)).toBe(true);
    try {
      buildModelOf(e.edition);
      expect.unreachable('build should stop');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems).toHaveLength(2);
    }
  });
});
