import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/build.ts';
import { ORGANISATION } from '../../../src/analyse/aggregate-types.ts';
import { InputError, type InputProblem } from '../../../src/load/input-error.ts';
import type { Snippet } from '../../../src/load/content.ts';
import { narrativeEnv, type NarrativeEnv } from '../../../src/model/narrative/helpers.ts';
import { renderParagraphs, renderSnippet } from '../../../src/model/narrative/render-snippet.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';
import { WORDING } from '../../helpers/wording.ts';

const { model, survey, aggregates } = buildModel(MINI_EDITION);
const env: NarrativeEnv = narrativeEnv({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, sectionNumbers: new Map() }, WORDING);

function render(source: string, scope = ORGANISATION, group: string | null = null, file = 'narrative/organisatie.yaml'): string {
  const snippet: Snippet = { file, key: 'voorbeeld', paragraphs: [source], lines: [4] };
  return renderSnippet(env, snippet, { scope, group, variables: { product: scope } }, 'x').map((b) => b.text).join('\n');
}

function problemOf(fn: () => unknown): InputProblem {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems[0]!;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('narrative helpers', () => {
  it('writes fractions with breuk', () => {
    expect(render('{{breuk "vertrouwen" "positief"}}', 'Beta')).toBe('tweederde');
    expect(render('{{breuk "vertrouwen" "positief"}}')).toBe('bijna tweederde');
    expect(render('{{breuk "vertrouwen" "neutraal"}}')).toBe('een kwart');
  });

  it('numbers chapters as the model does', () => {
    const number = (kind: string, product: string | null) => model.parts.flatMap((p) => p.chapters).find((c) => c.kind === kind && c.product === product)!.number;
    expect(render('{{hoofdstuk "waarden"}}')).toBe(`hoofdstuk ${number('values', null)}`);
    expect(render('{{hoofdstuk "werkprocessen"}}', 'Beta')).toBe(`hoofdstuk ${number('processes', 'Beta')}`);
    expect(render('{{hoofdstuk "waarden" scope="alfa"}}')).toBe(`hoofdstuk ${number('values', 'Alfa')}`);
    expect(render('{{hoofdstuk "onderzoeksverantwoording"}}')).toBe(`hoofdstuk ${number('methodology', null)}`);
    expect(problemOf(() => render('{{hoofdstuk "werkproces"}}')).hint).toBe("Bedoelt u 'werkprocessen'?");
  });

  it('compares per question or for the whole group, and calls small groups comparable', () => {
    // Beta 67% against 63% (N = 3), per question and for its group: far from significant, whatever the minimum.
    expect(render('{{vergelijking "vertrouwen"}}', 'Beta')).toBe('vergelijkbaar met Logius als geheel');
    expect(render('{{vergelijking "vertrouwen" drempel=3}}', 'Beta')).toBe('vergelijkbaar met Logius als geheel');
    expect(render('{{vergelijking}}', 'Beta', 'betrouwbaar')).toBe('vergelijkbaar met Logius als geheel');
    expect(problemOf(() => render('{{vergelijking "vertrouwen" drempel="veel"}}', 'Beta')).message).toContain("drempel moet een aantal procentpunten zijn, niet 'veel'");
  });

  it('prints a product\'s share of the response from the shares computed once for the build', () => {
    const share = (e: NarrativeEnv) =>
      renderSnippet(e, { file: 'narrative/organisatie.yaml', key: 'voorbeeld', paragraphs: ['{{respons "aandeel"}}'], lines: [4] }, { scope: 'Beta', group: null, variables: { product: 'Beta' } }, 'x')[0]!.text;
    expect(share(env)).toBe(`${env.shownShares.get('Beta')!.toFixed(1).replace('.', ',')}%`);
    // The helper reads the build's shares (the response table's), it does not round them again.
    expect(share({ ...env, shownShares: new Map([...env.shownShares, ['Beta', 12.3]]) })).toBe('12,3%');
  });

  it('writes plurals, also of numbers that other helpers print', () => {
    expect(render('{{meervoud (respons "producten") "product" "producten"}}')).toBe('2 producten');
    expect(render('{{meervoud 1 "product" "producten"}}')).toBe('1 product');
    expect(render('{{meervoud (n "vertrouwen") "antwoord" "antwoorden" getal=false}}')).toBe('antwoorden');
    expect(problemOf(() => render('{{meervoud "veel" "product" "producten"}}')).message).toContain("meervoud verwacht eerst een aantal, niet 'veel'");
  });

  it('keeps the existing helpers working', () => {
    expect(render('{{positief "vertrouwen"}} {{circa "vertrouwen" "positief"}} {{ongeveer "vertrouwen" "neutraal"}} {{tendens "vertrouwen"}}')).toBe(
      '63% bijna 63% ongeveer een kwart overwegend positief',
    );
    expect(render('{{#per_product}}{{naam}} {{positief "vertrouwen"}}; {{/per_product}}')).toBe('Alfa 60%; Beta 67%;');
  });

  it('lets a product text name only questions the product has', () => {
    const own = 'narrative/producten/alfa.yaml';
    expect(render('{{positief "vertrouwen"}}', 'Alfa', null, own)).toBe('60%');
    const p = problemOf(() => render('{{#if (voldoende "verbetering")}}x{{/if}}', 'Alfa', null, own));
    expect(p).toMatchObject({ file: own, line: 4, message: "in tekst 'voorbeeld': vraag 'verbetering' wordt niet gesteld voor Alfa; de eigen tekst van Alfa kan haar niet noemen." });
    // the generic product text may test for it
    expect(render('{{#if (voldoende "verbetering")}}x{{else}}niet gesteld{{/if}}', 'Alfa', null, 'narrative/product.yaml')).toBe('niet gesteld');
  });

  it('gives templates no way to the aggregates, paths or the console', () => {
    // {{#each @env.aggregates.records}} printed every suppressed group's counts, and the data path.
    for (const source of ['{{#each @env.aggregates.records}}{{this.n}} {{/each}}', 'Data: {{@env.edition.dataPath}}', '{{@figures}}', '{{#each @root}}{{this}}{{/each}}']) {
      const p = problemOf(() => render(source));
      expect(p.message).toMatch(/^in tekst 'voorbeeld': onbekende naam '@/);
      expect(p.hint).toContain('alleen zijn variabelen');
    }
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const log = console.log;
    process.stdout.write = ((s: string) => written.push(s) > 0) as typeof process.stdout.write;
    console.log = (...a: unknown[]) => void written.push(a.join(' '));
    try {
      expect(problemOf(() => render('{{log "geheim"}}')).message).toBe("in tekst 'voorbeeld': onbekende naam 'log'.");
    } finally {
      process.stdout.write = write;
      console.log = log;
    }
    expect(written).toEqual([]);
    // Helpers keep working inside {{#each}}/{{#with}} frames.
    expect(render('{{#with product}}{{positief "vertrouwen"}}{{/with}}')).toBe('63%');
  });

  it('refuses every suppressed group without giving its N, also one hidden to protect another', () => {
    const tooFew = problemOf(() => render('{{n "vertrouwen" segment="B"}}', 'Alfa'));
    expect(tooFew.message).toBe("in tekst 'voorbeeld': te weinig respondenten voor cijfers over 'vertrouwen' bij Alfa (segment B) (minder dan 3).");
    const protecting = problemOf(() => render('{{positief "vertrouwen" segment="A"}}', 'Alfa'));
    expect(protecting.message).toBe(
      "in tekst 'voorbeeld': de cijfers over 'vertrouwen' bij Alfa (segment A) worden niet getoond: anders zijn die van een kleinere groep (minder dan 3) uit te rekenen.",
    );
    expect(protecting.hint).toBe('Zet de zin binnen {{#if (voldoende "vertrouwen" segment="A")}} … {{/if}}.');
    expect(render('{{#if (voldoende "vertrouwen" segment="A")}}x{{else}}niet getoond{{/if}}', 'Alfa')).toBe('niet getoond');
  });

  it('refuses an unknown answer or measure, also one that names a property of every object', () => {
    // {{antwoord "vertrouwen" "toString"}} printed "NaN%".
    expect(problemOf(() => render('{{antwoord "vertrouwen" "toString"}}')).message).toBe("in tekst 'voorbeeld': 'toString' is geen antwoord op 'vertrouwen'.");
    expect(problemOf(() => render('{{circa "vertrouwen" "constructor"}}')).message).toBe("in tekst 'voorbeeld': onbekende maat 'constructor'.");
  });

  it('suggests the nearest helper or variable for an unknown name', () => {
    expect(problemOf(() => render('{{positif "vertrouwen"}}'))).toMatchObject({ message: "in tekst 'voorbeeld': onbekende naam 'positif'." });
    expect(problemOf(() => render('{{positif "vertrouwen"}}')).hint).toMatch(/^Bedoelt u 'positief'\?/);
    expect(problemOf(() => render('Bij {{prodct}}')).hint).toMatch(/^Bedoelt u 'product'\?/);
  });

  it('explains template syntax errors in plain words', () => {
    expect(problemOf(() => render('{{positief "vertrouwen"')).message).toBe("in tekst 'voorbeeld': de tekst houdt op terwijl een {{ … }} of {{#…}} nog niet gesloten is.");
    expect(problemOf(() => render('{{#if (voldoende "vertrouwen")}}x{{/unless}}')).message).toBe("in tekst 'voorbeeld': {{#if}} wordt gesloten met {{/unless}}.");
  });

  it('returns every paragraph and every mistake as values, leaving the faulty paragraph out', () => {
    const snippet: Snippet = { file: 'f.yaml', key: 'k', paragraphs: ['{{positief "vertrouwn"}}', 'Goed: {{positief "vertrouwen"}}.', '{{#if false}}weg{{/if}}'], lines: [2, 3, 4] };
    const { blocks, paragraphs, problems } = renderParagraphs(env, snippet, { scope: ORGANISATION, group: 'betrouwbaar', variables: {} }, 'id');
    expect(blocks.map((b) => b.text)).toEqual(['Goed: 63%.']);
    expect(paragraphs.map((p) => [p.index, p.text, p.figures.length])).toEqual([[0, null, 0], [1, 'Goed: 63%.', 1], [2, '', 0]]);
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual(["2 in tekst 'k': onbekende vraag 'vertrouwn'."]);
    // one snippet on its own: the mistake throws
    expect(() => renderSnippet(env, snippet, { scope: ORGANISATION, group: null, variables: {} }, 'id')).toThrow(InputError);
  });
});
