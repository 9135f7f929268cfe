import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { addStoredTemplates, compiledTemplateCount, compileTemplate, templateStoreVersion, usedTemplates } from '../../src/load/template-store.ts';
import { fillText } from '../../src/load/text-template.ts';

describe('templates compiled once and kept between builds', () => {
  it('runs a template as Handlebars compiles it, on the runtime, and records it for the cache', () => {
    const source = `Store ${Date.now()}: {{jaar}} — {{organisatie}} & <b>`;
    const options = { strict: true };
    const before = compiledTemplateCount();
    const values = { jaar: 2018, organisatie: 'Logius & co' };
    expect(compileTemplate(source, options)(values)).toBe(Handlebars.compile(source, { strict: true })(values));
    expect(compiledTemplateCount()).toBe(before + 1);
    expect(usedTemplates().some(([k]) => k.endsWith(`\n${source}`))).toBe(true);
  });

  it('fills the fixed texts from a stored template instead of compiling their source', () => {
    const source = `Ingevuld ${Date.now()}: {{jaar}}`;
    expect(fillText(source, { jaar: 2018 })).toBe(`${source.split(':')[0]}: 2018`);
    const [key, spec] = usedTemplates().find(([k]) => k.endsWith(`\n${source}`))!;
    // The stored spec stands for another source: that one is not compiled, and fills like the first.
    const other = `Bewaard ${Date.now()}: {{jaar}}`;
    addStoredTemplates([[key.replace(source, other), spec]]);
    const before = compiledTemplateCount();
    expect(fillText(other, { jaar: 2019 })).toBe(`${source.split(':')[0]}: 2019`);
    expect(compiledTemplateCount()).toBe(before);
  });

  it('keeps templates compiled with other options apart', () => {
    const source = `Apart ${Date.now()}: {{x}}`;
    compileTemplate(source, { strict: true });
    compileTemplate(source, { strict: true, noEscape: true });
    expect(usedTemplates().filter(([k]) => k.endsWith(`\n${source}`))).toHaveLength(2);
    expect(compileTemplate(source, { strict: true })({ x: '<' })).toBe(`${source.split(':')[0]}: &lt;`);
    expect(compileTemplate(source, { strict: true, noEscape: true })({ x: '<' })).toBe(`${source.split(':')[0]}: <`);
  });

  it('gives a text without expressions as Handlebars does, without compiling or storing it', () => {
    const optionSets = [{ strict: true }, { noEscape: true, strict: true }, {}, { data: false, compat: true }];
    // Characters Handlebars escapes in its generated code, braces short of "{{", and text around them.
    const piece = fc.oneof(fc.string(), fc.constantFrom('{', '}', '}}', '{ {', '\\', '"', "'", '\n', '\r\n', '\u2028', '\u2029', '\ud800', '<script>', '</script', '<!--', '&lt;', '@index', '~', '  '));
    const plain = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')).filter((s) => !s.includes('{{') && !s.includes('\0'));
    const before = compiledTemplateCount();
    const stored = usedTemplates().length;
    fc.assert(
      fc.property(plain, fc.constantFrom(...optionSets), (source, options) => {
        const expected = Handlebars.compile(source, options)({ jaar: 2018 });
        expect(compileTemplate(source, options)({ jaar: 2018 })).toBe(expected);
        expect(expected).toBe(source);
      }),
      { numRuns: 300 },
    );
    expect(compiledTemplateCount()).toBe(before);
    expect(usedTemplates()).toHaveLength(stored);
    // One brace pair more, and it is a template again: compiled, checked and stored.
    let checked: hbs.AST.Program | undefined;
    expect(compileTemplate('Tekst {{jaar}}', { strict: true }, undefined, (program) => (checked = program))({ jaar: 2018 })).toBe('Tekst 2018');
    expect(checked?.body.map((st) => st.type)).toEqual(['ContentStatement', 'MustacheStatement']);
  });

  it('parses a template once for its check and the compiler: the spec Handlebars makes from the source', () => {
    // Standalone blocks and comments, whitespace control, escapes, raw blocks, inverse sections, partial blocks: what whitespace control touches.
    const sources = [
      `Eén ${Date.now()}\n{{#if a}}\n  regel {{a}}\n{{else}}\n  anders\n{{/if}}\n`,
      '  {{~#each rij as |r i|~}} {{r}}-{{i}} {{~/each~}}  \n{{!-- commentaar --}}\n{{! kort }}\nslot',
      '\\{{niet}} {{{ruw}}} {{{{raw}}}} {{x}} {{{{/raw}}}} \n{{^leeg}}\n  niets\n{{/leeg}}\n',
      '{{#> deel}}\n  standaard\n{{/deel}}\n{{> ander a=1}}\n{{lookup . "x"}} {{@index}} {{../y}}',
    ];
    for (const options of [{ noEscape: true, strict: true }, { strict: true }, {}]) {
      for (const text of sources) {
        // One source per set of options, so its stored spec is found by its source.
        const source = `${text}{{!-- ${JSON.stringify(options)} --}}`;
        const trees: hbs.AST.Program[] = [];
        compileTemplate(source, options, undefined, (program) => trees.push(program));
        const [, spec] = usedTemplates().find(([k]) => k.endsWith(`\n${source}`))!;
        expect(spec).toBe(Handlebars.precompile(source, { ...options }));
        expect(trees).toHaveLength(1);
      }
    }
    // A check that refuses: nothing is compiled or stored.
    const refused = `Geweigerd ${Date.now()} {{x}}`;
    const before = compiledTemplateCount();
    expect(() =>
      compileTemplate(refused, {}, undefined, (program) => {
        if (program.body.some((st) => st.type === 'MustacheStatement')) throw new Error('geweigerd');
      }),
    ).toThrow('geweigerd');
    expect(compiledTemplateCount()).toBe(before);
    expect(usedTemplates().some(([k]) => k.endsWith(`\n${refused}`))).toBe(false);
  });

  it('has a version that names Handlebars', () => {
    expect(templateStoreVersion()).toMatch(/^handlebars@\d+\.\d+\.\d+ /);
  });
});
