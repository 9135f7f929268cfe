import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check-edition.ts';
import { buildModel } from '../../src/report-model.ts';
import type { Block, ParagraphBlock } from '../../src/model/report-types.ts';
import { ROOT } from '../helpers/paths.ts';
import { completeEdition } from './complete-edition.ts';

const ORG = 'narrative/organisatie.yaml';

function texts(blocks: Block[]): string[] {
  return blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map((b) => b.text);
}

describe('year-neutral narrative', () => {
  it('{{vorig_jaar}} without a previous edition is an error at its line', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('  - Hoe {{organisatie}} werkt.', '  - Hoe {{organisatie}} werkt sinds {{vorig_jaar}}.'));
    const problems = checkEdition(ed.edition).problems.filter((p) => p.severity === 'error');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('geen vorige editie') });
  });

  it('does not take other four-digit numbers, percentages or "nieuwe respondenten" for stale text', () => {
    const ed = completeEdition({ previous: true });
    const paragraph = '  - Van de 2030,5 en 2029% bleven er 1.2030 over; er zijn geen nieuwe respondenten gezocht.';
    ed.edit(ORG, (t) => t.replace('  - Hoe {{organisatie}} werkt.', paragraph));
    ed.edit('../2029/narrative/organisatie.yaml', (t) => `hoofdstuk-waarden:\n${paragraph}\n${t.replace(/^hoofdstuk-waarden:\n(  - .*\n)+/m, '')}`);
    expect(checkEdition(ed.edition).problems).toEqual([]);
  });

  it('a carried-over paragraph that was edited is not reported as carried over', () => {
    const ed = completeEdition({ previous: true });
    ed.edit(ORG, (t) => t.replace('  - Hoe {{organisatie}} werkt.', '  - Nieuw is dit jaar de stelling over vertrouwen.'));
    ed.edit('../2029/narrative/organisatie.yaml', (t) => `hoofdstuk-waarden:\n  - Nieuw is de stelling over vertrouwen.\n${t.replace(/^hoofdstuk-waarden:\n(  - .*\n)+/m, '')}`);
    expect(checkEdition(ed.edition).problems).toEqual([]);
  });

  it('finds carried-over text also when previous_edition is a path to an edition elsewhere', () => {
    const ed = completeEdition({ previous: true });
    const paragraph = '  - Nieuw is dit jaar de stelling over vertrouwen.';
    ed.edit(ORG, (t) => t.replace('  - Hoe {{organisatie}} werkt.', paragraph));
    ed.edit('../2029/narrative/organisatie.yaml', (t) => `hoofdstuk-waarden:\n${paragraph}\n${t.replace(/^hoofdstuk-waarden:\n(  - .*\n)+/m, '')}`);
    ed.edit('edition.yaml', (t) => t.replace('previous_edition: 2029', 'previous_edition: ../2029/edition.yaml'));
    const problems = checkEdition(ed.edition).problems;
    expect(problems.map((p) => `${p.severity} ${p.line} ${p.message}`)).toEqual([
      "warning 2 in tekst 'hoofdstuk-waarden': deze alinea is ongewijzigd overgenomen uit de editie 2029 en noemt 'Nieuw'.",
    ]);
  });

  it('content/2019 prints the same years through {{vorig_jaar}} and {{jaartal}}, and check finds no typed year', () => {
    const edition = join(ROOT, 'content/2019/edition.yaml');
    const { model } = buildModel(edition);
    const all = [...texts(model.colofon), ...model.parts.flatMap((p) => [...texts(p.intro), ...p.chapters.flatMap((c) => [...texts(c.intro), ...c.sections.flatMap((s) => texts(s.blocks))])])].join('\n');
    expect(all).toContain('waar dezelfde vraag ook in 2018 is gesteld, zetten wij de uitkomst naast die van 2018.');
    expect(all).toContain('In 2018 gebruikte het onderzoek de waarden uit het kompas voor het eerst als meetlat');
    expect(all).toContain('De vragenlijst is in 2018 opgesteld met een werkgroep');
    expect(all).toContain('Vergeleken met 2018: het aandeel afnemers rond');
    const stale = checkEdition(edition).problems.filter((p) => /jaartal|ongewijzigd overgenomen/.test(p.message));
    expect(stale).toEqual([]);
  });
});
