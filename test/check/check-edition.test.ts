import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyEdition } from '../helpers/temp-edition.ts';
import { ROOT } from '../helpers/paths.ts';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check-edition.ts';
import { InputError, formatProblem, type InputProblem } from '../../src/load/input-error.ts';
import { buildModel } from '../../src/report-model.ts';
import { completeEdition, type TempEdition } from './complete-edition.ts';

/** Problems with the file named relative to the edition folder, as `narrative/organisatie.yaml`. */
function check(ed: TempEdition): InputProblem[] {
  return checkEdition(ed.edition).problems.map((p) => ({ ...p, file: p.file.slice(p.file.indexOf(ed.dir) + ed.dir.length + 1) }));
}

const ORG = 'narrative/organisatie.yaml';
const PRODUCT = 'narrative/product.yaml';

describe('checkEdition', () => {
  it('finds nothing in complete, correct content', () => {
    const r = checkEdition(completeEdition().edition);
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.model).not.toBeNull();
  });

  it('checks edited files again in one process (watch): a mistake shows with its edit, at its place, and goes with its undo', () => {
    const ed = completeEdition();
    const cache = {};
    const original = ed.read(ORG);
    const broken = original.replace('(N = {{n "vertrouwen"}})', '(N = {{n "vertrouwen"}');
    expect(broken).not.toBe(original);
    const mistakes = () => checkEdition(ed.edition, { cache }).problems.filter((p) => p.severity === 'error');
    expect(mistakes()).toEqual([]);
    for (let round = 0; round < 2; round++) {
      ed.write(ORG, broken);
      const found = mistakes();
      expect(found).toHaveLength(1);
      expect(found[0]!.file.endsWith(ORG)).toBe(true);
      expect(found[0]!.message).toMatch(/^in tekst 'betrouwbaar': /);
      ed.write(ORG, original);
      expect(mistakes()).toEqual([]);
    }
    // A like mistake in another file is reported in that file.
    ed.write(ORG, broken);
    ed.edit(PRODUCT, (t) => `${t.trimEnd()}\nextra-tekst:\n  - Tekst (N = {{n "vertrouwen"}\n`);
    expect(mistakes().map((p) => p.file.slice(p.file.indexOf('narrative')))).toEqual(expect.arrayContaining([ORG, PRODUCT]));
  });

  it('reports a YAML syntax error with file, line and column', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('  - Hoe {{organisatie}} werkt.', '  - "Hoe {{organisatie}} werkt.\n   - kapot'));
    const problems = check(ed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: ORG, line: 3, severity: 'error' });
    expect(problems[0]!.column).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/^YAML kan niet worden gelezen: /);
    expect(problems[0]!.hint).toContain('inspringing');
  });

  it('reports an unknown question key at its line and column, with a suggestion', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('(N = {{n "vertrouwen"}})', '(N = {{n "vertrouwn"}})'));
    const problems = check(ed);
    expect(problems).toEqual([
      { file: ORG, line: 8, column: 15, severity: 'error', message: "in tekst 'betrouwbaar': onbekende vraag 'vertrouwn'.", hint: "Bedoelt u 'vertrouwen'?" },
    ]);
  });

  it('finds mistakes behind an {{#if}} that is false for this data', () => {
    const ed = completeEdition();
    // Beta has too few answers to tevreden-aansluiting, Alfa enough: the else branch never renders for Alfa.
    ed.edit(PRODUCT, (t) => t.replace('Te weinig aangesloten', '{{positif "aangesloten"}} Te weinig aangesloten'));
    const problems = check(ed).filter((p) => p.severity === 'error');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: PRODUCT, line: 10, message: "in tekst 'aansluiting': onbekende helper 'positif'." });
    expect(problems[0]!.hint).toMatch(/^Bedoelt u 'positief'\?/);
  });

  it('gives one message for a mistake that both the build and the syntax check see', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('{{tendens}}', '{{tendes}}'));
    const problems = check(ed);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(["7:20 in tekst 'betrouwbaar': onbekende naam 'tendes'."]);
    expect(problems[0]!.hint).toMatch(/^Bedoelt u 'tendens'\?/);
  });

  it('reports an unknown answer, product, group, measure and option with suggestions', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) =>
      t.replace(
        '  - Hoe {{organisatie}} werkt.',
        '  - >-\n    {{antwoord "vertrouwen" "Eenz"}} {{positief "vertrouwen" scope="betta"}} {{paragraaf "aansluitng"}}\n    {{circa "vertrouwen" "positif"}} {{tendens groep="betrouwbaar" scoop="alfa"}}',
      ),
    );
    const messages = check(ed).map((p) => `${p.line}:${p.column} ${p.message} ${p.hint ?? ''}`.trim());
    expect(messages).toEqual([
      "3:30 in tekst 'hoofdstuk-waarden': 'Eenz' is geen antwoord op 'vertrouwen'. Bedoelt u 'Eens'?",
      "3:69 in tekst 'hoofdstuk-waarden': onbekend product 'betta'. Bedoelt u 'beta'?",
      "3:91 in tekst 'hoofdstuk-waarden': onbekende groep 'aansluitng'. Bedoelt u 'aansluiting'?",
      "4:27 in tekst 'hoofdstuk-waarden': onbekende maat 'positif'. Bedoelt u 'positief'?",
      "4:68 in tekst 'hoofdstuk-waarden': onbekende optie 'scoop' bij 'tendens'. Bedoelt u 'scope'?",
    ]);
  });

  it('reports a hand-typed percentage that the data contradict, with the computed value', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('{{circa "vertrouwen" "positief"}} is positief', '72% is positief'));
    const problems = check(ed);
    expect(problems).toEqual([
      {
        file: ORG,
        line: 7,
        column: 31,
        severity: 'error',
        message: "in tekst 'betrouwbaar': '72%' klopt niet met de data: het is 62,5% (positief bij 'vertrouwen').",
        hint: 'Gebruik {{positief "vertrouwen"}}; dan staat er altijd het getal uit de data.',
      },
    ]);
  });

  it('warns about a hand-typed percentage that matches, suggesting the helper', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('{{circa "vertrouwen" "positief"}} is positief', '63 procent is positief'));
    const problems = check(ed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: ORG, line: 7, column: 31, severity: 'warning' });
    expect(problems[0]!.message).toBe("in tekst 'betrouwbaar': '63 procent' is met de hand getypt; het klopt nu met de data (62,5% positief bij 'vertrouwen').");
    expect(problems[0]!.hint).toContain('{{positief "vertrouwen"}}');
    expect(checkEdition(ed.edition).errors).toBe(0);
  });

  it('warns about a hand-typed percentage where no question is in scope, such as a chapter introduction', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('  - Hoe {{organisatie}} werkt.', '  - Hoe {{organisatie}} werkt. Precies 99% is positief.'));
    const problems = check(ed);
    expect(problems).toEqual([
      {
        file: ORG,
        line: 2,
        column: 40,
        severity: 'warning',
        message: "in tekst 'hoofdstuk-waarden': '99%' is met de hand getypt en hoort bij geen cijfer uit de data in deze tekst; zo kan het niet worden gecontroleerd.",
        hint: 'Laat een helper het getal schrijven, bijvoorbeeld {{positief "vraag"}} of {{respons "responspercentage"}} (zie docs/tekst-schrijven.md).',
      },
    ]);
  });

  it('takes a confidence level for what it is, not for a figure', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('  - Hoe {{organisatie}} werkt.', '  - Hoe {{organisatie}} werkt, met 95% zekerheid en een 95%-betrouwbaarheidsinterval.'));
    expect(check(ed)).toEqual([]);
  });

  it('warns about a hand-typed percentage that is near no figure of the paragraph', () => {
    const ed = completeEdition();
    ed.edit('narrative/rapport.yaml', (t) => t.replace(/^introductie:\n  - (.*)$/m, 'introductie:\n  - $1 Ruim 80 procent reageerde.'));
    const problems = check(ed);
    expect(problems.map((p) => [p.file, p.severity, p.message])).toEqual([
      ['narrative/rapport.yaml', 'warning', "in tekst 'introductie': '80 procent' is met de hand getypt en hoort bij geen cijfer uit de data in deze tekst; zo kan het niet worden gecontroleerd."],
    ]);
  });

  it('checks a typed percentage in product.yaml for every product', () => {
    const ed = completeEdition();
    ed.edit(PRODUCT, (t) => t.replace('{{positief "vertrouwen"}} positief', '60% positief'));
    const [p, ...rest] = check(ed);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: PRODUCT, line: 6, severity: 'error' });
    expect(p!.message).toBe("in tekst 'betrouwbaar': '60%' klopt niet met de data: het is bij Beta 66,7% (positief bij 'vertrouwen'); alleen bij Alfa klopt het.");
  });

  it('reports a section of the outline without narrative, where to add it', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace(/aansluiting:\n(  .*\n|    .*\n)+/, ''));
    const problems = check(ed);
    expect(problems).toEqual([
      {
        file: ORG,
        // In the outline, the section comes after the chapter's introduction.
        line: 5,
        severity: 'error',
        message: "geen tekst voor paragraaf 2.1 'Aansluitingstrajecten'.",
        hint: "Voeg de tekst 'aansluiting:' toe aan organisatie.yaml, na 'hoofdstuk-werkprocessen'.",
      },
    ]);
  });

  it('reports a missing product text once, for every product that lacks it', () => {
    const ed = completeEdition();
    ed.edit(PRODUCT, (t) => t.replace('hoofdstuk-werkprocessen:\n  - De werkprocessen rond {{product}}.\n', ''));
    const problems = check(ed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: PRODUCT, line: 5, severity: 'error', hint: "Voeg de tekst 'hoofdstuk-werkprocessen:' toe aan product.yaml, na 'betrouwbaar'." });
    expect(problems[0]!.message).toBe(
      "geen tekst voor de inleiding van hoofdstuk 4 'De werkprocessen rond Alfa', de inleiding van hoofdstuk 6 'De werkprocessen rond Beta'.",
    );
  });

  it('reports a snippet that no section uses, with a suggestion', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('aansluiting:', 'aansluitng:'));
    const messages = check(ed).map((p) => `${p.line} ${p.message} ${p.hint}`);
    expect(messages).toContain("9 de tekst 'aansluitng' wordt nergens in het rapport gebruikt. Bedoelt u 'aansluiting'?");
    expect(messages).toContain("5 geen tekst voor paragraaf 2.1 'Aansluitingstrajecten'. Voeg de tekst 'aansluiting:' toe aan organisatie.yaml, na 'hoofdstuk-werkprocessen'.");
  });

  it('warns when a typed tendency or comparison word contradicts the data', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('Het beeld is {{tendens}}:', 'Het beeld is overwegend neutraal:'));
    ed.edit(PRODUCT, (t) => t.replace('Bij {{product}} is', 'Bij {{product}}, minder positief dan Logius als geheel, is'));
    const problems = check(ed);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity}`)).toEqual([`${ORG}:7:29 warning`, `${PRODUCT}:6:22 warning`]);
    expect(problems[0]!.message).toBe(
      "in tekst 'betrouwbaar': 'neutraal' past niet bij de data: het beeld is overwegend positief (positief 63%, neutraal 25%, negatief 13% bij 'vertrouwen').",
    );
    expect(problems[0]!.hint).toBe('Gebruik {{tendens "vertrouwen"}}; dan volgt het woord de grafiek.');
    expect(problems[1]!.message).toContain("'minder positief dan' past niet bij de data: Alfa is vergelijkbaar met Logius als geheel");
  });

  it('does not take words that name a number or an answer for a tendency', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('Het beeld is {{tendens}}:', 'Een kwart, {{neutraal "vertrouwen"}}, is neutraal; de negatieve antwoorden zijn 13%:'));
    expect(check(ed).filter((p) => /past niet/.test(p.message))).toEqual([]);
  });

  it('refuses a product text that names a question the product does not have', () => {
    const ed = completeEdition();
    ed.write('narrative/producten/alfa.yaml', 'aansluiting:\n  - >-\n    {{#if (voldoende "verbetering")}}Verbeterpunten.{{/if}} Zie {{paragraaf "aansluiting"}}.\n');
    const problems = check(ed);
    expect(problems).toEqual([
      {
        file: 'narrative/producten/alfa.yaml',
        line: 3,
        column: 23,
        severity: 'error',
        message: "in tekst 'aansluiting': vraag 'verbetering' wordt niet gesteld voor Alfa; de eigen tekst van Alfa kan haar niet noemen.",
        hint: 'Noem een vraag die dit product heeft, of zet de zin in product.yaml binnen {{#if (voldoende "…")}}.',
      },
    ]);
  });

  it('suggests the product for a misnamed override file and the key for a misnamed override', () => {
    const ed = completeEdition();
    ed.write('narrative/producten/alfa.yaml', 'betrouwbaarr:\n  - Tekst.\n');
    expect(check(ed).map((p) => `${p.file}:${p.line} ${p.hint}`)).toEqual([
      "narrative/producten/alfa.yaml:2 Bedoelt u 'betrouwbaar'? Gebruik een sleutel uit product.yaml: hoofdstuk-waarden, hoofdstuk-werkprocessen, betrouwbaar, aansluiting.",
    ]);
    rmSync(ed.path('narrative/producten/alfa.yaml'));
    ed.write('narrative/producten/alfaa.yaml', 'betrouwbaar:\n  - Tekst.\n');
    expect(check(ed).map((p) => p.hint)).toEqual(["Bedoelt u 'alfa'? Noem het bestand naar een productsleutel: alfa, beta."]);
  });

  it('checks the reasons lists: product, question, and whether they are shown', () => {
    const ed = completeEdition();
    ed.write(
      'narrative/redenen.yaml',
      [
        'organisatie:',
        '  tevreden-aansluitng: { inleiding: "Men noemt:", redenen: [Traag] }',
        'betta:',
        '  vertrouwen: { inleiding: "Men noemt:", redenen: [Traag] }',
        'beta:',
        '  tevreden-aansluiting: { inleiding: "Men noemt:", redenen: [Traag] }',
        '',
      ].join('\n'),
    );
    expect(check(ed).map((p) => `${p.line} ${p.severity} ${p.message} ${p.hint ?? ''}`.trim())).toEqual([
      "2 error in de redenen bij 'organisatie': onbekende vraag 'tevreden-aansluitng'. Bedoelt u 'tevreden-aansluiting'?",
      "3 error onbekend product 'betta' in de redenen. Bedoelt u 'beta'?",
      "6 warning in de redenen bij 'beta': de redenen bij 'tevreden-aansluiting' worden niet getoond: te weinig respondenten bij Beta (minder dan 3).",
    ]);
  });

  it('still checks the narrative when the data cannot be read', () => {
    const ed = completeEdition();
    rmSync(ed.path('export.csv'));
    ed.edit(ORG, (t) => t.replace('(N = {{n "vertrouwen"}})', '(N = {{n "vertrouwn"}})'));
    const messages = check(ed).map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(messages).toEqual(["edition.yaml:10 het databestand 'export.csv' bestaat niet.", `${ORG}:8 in tekst 'betrouwbaar': onbekende vraag 'vertrouwn'.`]);
  });

  it('checks text that compares with the previous edition, as build renders it', () => {
    const ed = completeEdition({ previous: true });
    ed.edit(ORG, (t) => t.replace('(N = {{n "vertrouwen"}})', '({{verschil "vertrouwen" "positief"}})'));
    const r = checkEdition(ed.edition);
    expect(r.problems.map(formatProblem)).toEqual([]);
    // +12,5 points among 8 respondents: not significant, so the text calls it comparable.
    expect(JSON.stringify(r.model)).toContain('vergelijkbaar met 2029');
    // without a previous edition it is an error, at the paragraph's first line of text
    const without = completeEdition();
    without.edit(ORG, (t) => t.replace('(N = {{n "vertrouwen"}})', '({{verschil "vertrouwen" "positief"}})'));
    expect(check(without).map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      `${ORG}:7 in tekst 'betrouwbaar': deze editie heeft geen vorige editie (previous_edition in edition.yaml).`,
    ]);
  });

  it('gives the same error in check as in build for an answer that names an object property', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('(N = {{n "vertrouwen"}})', '({{antwoord "vertrouwen" "toString"}})'));
    const r = checkEdition(ed.edition);
    expect(r.errors).toBe(1);
    expect(r.problems[0]!.message).toBe("in tekst 'betrouwbaar': 'toString' is geen antwoord op 'vertrouwen'.");
    let built: unknown;
    try {
      buildModel(ed.edition);
    } catch (e) {
      built = e;
    }
    expect(built).toBeInstanceOf(InputError);
    expect((built as InputError).problems.map((p) => p.message)).toEqual(["in tekst 'betrouwbaar': 'toString' is geen antwoord op 'vertrouwen'."]);
  });

  it('refuses @-names and {{log}} in a snippet, in check as in build', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('(N = {{n "vertrouwen"}})', '{{#each @env.aggregates.records}}{{this.n}}{{/each}} {{log "x"}}'));
    const problems = check(ed);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`)).toEqual([
      "8:13 error in tekst 'betrouwbaar': onbekende naam '@env.aggregates.records'.",
      "8:60 error in tekst 'betrouwbaar': onbekende helper 'log'.",
    ]);
    expect(() => buildModel(ed.edition)).toThrow(InputError);
  });

  it('writes plain sentences, never stack traces', () => {
    const ed = completeEdition();
    ed.edit(ORG, (t) => t.replace('{{tendens}}', '{{tendens "vertrouwen"').replace('aansluiting:', 'aansluiting:\n  - "{{#if x}}open"'));
    const text = checkEdition(ed.edition).problems.map(formatProblem).join('\n');
    expect(text).not.toMatch(/\n\s+at |Error:|\[object Object\]|Parse error|Expecting/);
    expect(text).toContain(":7: fout: in tekst 'betrouwbaar': de {{ }}-code klopt niet.");
    expect(text).toContain(":10: fout: in tekst 'aansluiting': de tekst houdt op terwijl een {{ … }} of {{#…}} nog niet gesloten is.");
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('checkEdition: typed comparisons and significance', () => {
  it('warns about a typed "positiever dan" that is five points or more but could be chance', () => {
    // Digilevering, N 21: 10,4 points more positive about Logius's vision than Logius as a whole,
    // but z = 1,1. The old fixed threshold of five points accepted the word; the test does not.
    const ed = copyEdition(join(ROOT, 'content/2019/edition.yaml'));
    ed.edit('edition.yaml', (t) => t.replace('../../fixtures/2019/', `${join(ROOT, 'fixtures/2019')}/`).replace('previous_edition: 2018', 'previous_edition: null'));
    writeFileSync(
      join(ed.dir, 'narrative/producten/digilevering.yaml'),
      'vakkundig:\n  - >-\n    Dat {{organisatie}} visie heeft, vindt {{positief "organisatie-met-visie"}}: positiever dan Logius als geheel.\n',
    );
    const r = checkEdition(ed.edition);
    const warning = r.problems.map(formatProblem).find((p) => p.includes("'positiever dan' past niet bij de data"));
    expect(warning).toBeDefined();
    expect(warning).toContain("Digilevering is vergelijkbaar met Logius als geheel (positief 48% tegen 38% bij 'organisatie-met-visie')");
  });
});
