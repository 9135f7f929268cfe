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

  it('has a version that names Handlebars', () => {
    expect(templateStoreVersion()).toMatch(/^handlebars@\d+\.\d+\.\d+ /);
  });
});
