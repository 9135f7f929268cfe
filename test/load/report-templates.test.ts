import { describe, expect, it } from 'vitest';
import { editedCopy, lineOf } from '../helpers/edited-copy.ts';
import { buildModel, REPORT_TEMPLATES } from '../../src/report-model.ts';
import { checkEdition } from '../../src/check/check-edition.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { blocksOfType } from '../../src/model/visit-blocks.ts';
import { MINI_EDITION } from '../helpers/paths.ts';

const editedTemplates = (from: string, to: string) => editedCopy(REPORT_TEMPLATES, from, to);


describe('templates/report.yaml: the alternative texts of the charts and the document texts', () => {
  it('an edited alt-text sentence changes the description of every such chart, with its values filled', () => {
    const before = blocksOfType(buildModel(MINI_EDITION).model, 'chart').filter((c) => c.chart === 'likert');
    const file = editedTemplates('likert: "Gestapeld staafdiagram voor {{groep}}: {{aandelen}} ({{n}})."', 'likert: "Staafdiagram van de antwoorden van {{groep}} ({{n}}): {{aandelen}}."');
    const after = blocksOfType(buildModel(MINI_EDITION, { templatesFile: file }).model, 'chart').filter((c) => c.chart === 'likert');
    expect(after.length).toBe(before.length);
    expect(before.length).toBeGreaterThan(0);
    after.forEach((c, i) => {
      const old = before[i]!.description;
      expect(old).toMatch(/^Gestapeld staafdiagram voor /);
      // The same values, in the new sentence.
      const [, group, shares, n] = /^Gestapeld staafdiagram voor (.+?): (.+?) \((N = [\d.]+)\)\./.exec(old)!;
      expect(c.description.startsWith(`Staafdiagram van de antwoorden van ${group} (${n}): ${shares}.`)).toBe(true);
    });
  });

  it('an edited document subject is the model\'s subject line (PDF Subject, web description)', () => {
    const file = editedTemplates('subject: "{{ondertitel}} van het {{titel_klein}} van {{organisatie}}"', 'subject: "{{titel}} ({{ondertitel}}), {{organisatie}}"');
    const { model } = buildModel(MINI_EDITION, { templatesFile: file });
    expect(model.edition.subject).toBe(`${model.edition.title} (${model.edition.subtitle}), ${model.edition.organisation}`);
  });

  it('a broken placeholder: build stops and check reports it at the line and column of the entry', () => {
    const file = editedTemplates('row: "{{label}} {{positief}} ({{n}})"', 'row: "{{label}} {{positief} ({{n}})"');
    const expected = `${file}:${lineOf(file, '  row: "{{label}}')}:8: fout: bij 'alt_text.row': een plaatshouder is niet goed geschreven`;
    let thrown: unknown;
    try {
      buildModel(MINI_EDITION, { templatesFile: file });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).problems.map(formatProblem)).toEqual([expect.stringContaining(expected)]);
    expect(checkEdition(MINI_EDITION, { templatesFile: file }).problems.map(formatProblem)).toContainEqual(expect.stringContaining(expected));
  });

  it('an unknown name or a missing entry: an error naming the entry and what can be used', () => {
    const unknown = editedTemplates('toc_entry: "Ga naar {{kop}}"', 'toc_entry: "Ga naar {{hoofdstuk}}"');
    expect(() => buildModel(MINI_EDITION, { templatesFile: unknown })).toThrow(/report\.yaml:\d+:14: fout: bij 'document\.toc_entry': onbekende plaatshouder \{\{hoofdstuk\}\}; hier kan \{\{kop\}\}/);
    const missing = editedTemplates('  keyword: tevredenheidsonderzoek\n', '');
    expect(() => buildModel(MINI_EDITION, { templatesFile: missing })).toThrow(/report\.yaml:\d+:\d+: fout: bij 'document\.keyword'/);
  });

  it('a misspelt name in a text the model builder fills (the summary table) is located, not a Handlebars error', () => {
    const file = editedTemplates('organisation: "{{organisatie}} als geheel"', 'organisation: "{{organisation}} als geheel"');
    expect(() => buildModel(MINI_EDITION, { templatesFile: file })).toThrow(
      /report\.yaml:\d+:\d+: fout: bij 'tables\.pattern\.organisation': onbekende plaatshouder \{\{organisation\}\}; hier kan \{\{jaar\}\}, \{\{organisatie\}\}, \{\{minimum\}\}/,
    );
  });
});
