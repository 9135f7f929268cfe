import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { HELPER_NAMES } from '../../src/model/narrative/helpers.ts';
import { helperReferenceFiles, helperSignature } from '../../src/docs/helper-reference.ts';
import { buildModel } from '../../src/build.ts';
import { outlineSlots } from '../../src/check/outline.ts';
import { MINI_EDITION, ROOT } from '../helpers/paths.ts';
import { GUIDE, expectCommandExists, guideBlocks, guideExamples, runExample } from './guide-examples.ts';

const markdown = readFileSync(GUIDE, 'utf8');
const examples = guideExamples(markdown);

describe('docs/tekst-schrijven.md', () => {
  it('has examples of text and of check messages', () => {
    expect(examples.filter((e) => e.expect.kind === 'tekst').length).toBeGreaterThanOrEqual(10);
    expect(examples.filter((e) => e.expect.kind === 'melding').length).toBeGreaterThanOrEqual(5);
  });

  it('lists every helper of the registry in its generated table (else: npm run docs)', () => {
    for (const [path, text] of helperReferenceFiles(ROOT)) expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is verouderd: voer npm run docs uit`).toBe(text);
    for (const h of HELPER_NAMES) expect(markdown).toContain(`| \`${helperSignature(h)}\` |`);
  });

  it('shows every helper in an example', () => {
    const used = examples.map((e) => e.yaml).join('\n');
    for (const h of HELPER_NAMES) expect(used, h).toMatch(new RegExp(`\\{\\{[#(]?\\s*${h}\\b|\\(${h}\\b`));
  });

  for (const ex of examples) {
    const label = `${ex.expect.kind === 'tekst' ? 'renders' : 'checks'} the example at line ${ex.line} (${ex.file}${ex.product ? `, ${ex.product}` : ''})`;
    it(label, () => {
      const actual = runExample(ex);
      if (ex.expect.kind === 'tekst') expect(actual).toEqual(ex.expect.lines);
      else for (const line of ex.expect.lines) expect(actual).toContain(line);
    });
  }

  it('names exactly the keys that rapport.yaml can have', () => {
    const sentence = /De sleutels\s+in `rapport\.yaml` zijn: ([\s\S]+?)\.\n/.exec(markdown)![1]!;
    const named = [...sentence.matchAll(/`([\w-]+)`/g)].map((m) => m[1]);
    const { model } = buildModel(MINI_EDITION);
    const keys = [...new Set(outlineSlots(model).filter((s) => s.file === 'rapport.yaml').map((s) => s.key))];
    expect(named.sort()).toEqual(keys.sort());
  });

  it('uses only commands and options that exist', async () => {
    const commands = guideBlocks(markdown).filter((b) => b.lang === 'sh').flatMap((b) => b.body.split('\n')).filter(Boolean);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const line of commands) await expectCommandExists(line);
  });
});
