import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/build.ts';
import { ORGANISATION } from '../../../src/analyse/aggregate-types.ts';
import type { Snippet } from '../../../src/load/content.ts';
import { narrativeEnv, type NarrativeEnv } from '../../../src/model/narrative/helpers.ts';
import { addStoredTemplates, compiledTemplateCount, renderSnippet, templateVersion, usedTemplates } from '../../../src/model/narrative/render-snippet.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';
import { WORDING } from '../../helpers/wording.ts';

const { survey, aggregates } = buildModel(MINI_EDITION);
const env: NarrativeEnv = narrativeEnv({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, sectionNumbers: new Map() }, WORDING);

function render(source: string): string {
  const snippet: Snippet = { file: 'narrative/organisatie.yaml', key: 'voorbeeld', paragraphs: [source], lines: [4] };
  return renderSnippet(env, snippet, { scope: ORGANISATION, group: null, variables: { product: ORGANISATION } }, 'x').map((b) => b.text).join('\n');
}

describe('narrative templates compiled once, kept between builds', () => {
  it('records each template as compiled, and a stored one is used instead of compiling its source', () => {
    const source = `Template-cache ${Date.now()}: {{product}} en {{#if true}}ja{{/if}}.`;
    const before = compiledTemplateCount();
    expect(render(source)).toBe(`Template-cache ${source.split(' ')[1]} ${ORGANISATION} en ja.`);
    expect(compiledTemplateCount()).toBe(before + 1);
    // Kept by compile options and source.
    const [key, spec] = usedTemplates().find(([k]) => k.endsWith(`\n${source}`)) ?? [];
    expect(spec).toEqual(expect.any(String));
    // A stored spec stands for its source: here deliberately another template's, to see it used.
    const other = `Opgeslagen ${Date.now()}: {{product}}`;
    addStoredTemplates([[key!.replace(source, other), spec!]]);
    expect(render(other)).toBe(render(source));
    expect(compiledTemplateCount()).toBe(before + 1);
  });

  it('refuses unknown @-names before anything is stored', () => {
    const source = `{{@root.x}} ${Date.now()}`;
    expect(() => render(source)).toThrow();
    expect(usedTemplates().some(([k]) => k.endsWith(`\n${source}`))).toBe(false);
  });

  it('has a version that is stable within a process and names Handlebars', () => {
    expect(templateVersion()).toBe(templateVersion());
    expect(templateVersion()).toMatch(/^handlebars@\d/);
  });
});
