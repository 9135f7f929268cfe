import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../src/report-model.ts';
import { modelJson } from '../../src/render/json.ts';
import type { ReportModel } from '../../src/model/report-types.ts';
import { derivableSmallGroups, derivableSmallRespondentCounts, type Structure } from '../helpers/subtraction.ts';

const EDITION_2019 = fileURLToPath(new URL('../../content/2019/edition.yaml', import.meta.url));
const { model: built, survey } = buildModel(EDITION_2019);
// What is published: the model as its JSON file has it.
const model = JSON.parse(modelJson(built)) as ReportModel;
const structure: Structure = {
  minimum: survey.edition.min_group_size,
  products: survey.edition.products.map((p) => ({ name: p.name, segments: p.segments.map((s) => ({ key: s.key, label: s.label })) })),
};

describe('the 2019 report under subtraction', () => {
  it('has no small group that Totaal − the other groups gives away (DigiD A = Totaal − B − C)', () => {
    expect(derivableSmallGroups(model, structure)).toEqual([]);
  });

  it('prints no small respondent count, nor one that follows from the others', () => {
    expect(derivableSmallRespondentCounts(model, structure)).toEqual([]);
    const digid = model.parts[2]!.chapters.find((c) => c.divider?.title === 'DigiD')!.divider!;
    expect(digid.lines.join(' ')).not.toMatch(/\b8 in de A-categorie/);
  });

  it('names in the methodology every group hidden to protect another, without its figures', () => {
    const protecting = model.disclosure.hidden.filter((h) => h.complementary.length);
    expect(protecting.map((h) => `${h.scope} ${h.segment}`)).toContain('DigiD B');
    const list = model.parts[3]!.chapters[0]!.sections.at(-1)!.blocks.find((b) => b.type === 'list');
    expect(list).toMatchObject({ items: expect.arrayContaining([expect.stringMatching(/^DigiD, B-categorie: /)]) });
  });
});
