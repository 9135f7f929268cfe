import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check-edition.ts';
import { generatedFiles, jsonSchema, REFERENCE_DOC, SCHEMA_FILES } from '../../src/docs/schema-reference.ts';
import { formatProblem } from '../../src/load/input-error.ts';
import { completeEdition } from '../check/complete-edition.ts';
import { ROOT } from '../helpers/paths.ts';
import { guideBlocks } from './guide-examples.ts';

const markdown = readFileSync(join(ROOT, REFERENCE_DOC), 'utf8');
const blocks = guideBlocks(markdown);

describe('docs/vragenlijst-en-editie.md and docs/schema/*.schema.json', () => {
  it('are generated from the current schemas (else: npm run docs)', () => {
    for (const [path, text] of generatedFiles(ROOT)) expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is verouderd: voer npm run docs uit`).toBe(text);
  });

  it('describe every field of both files, and describe no field that does not exist', () => {
    for (const f of SCHEMA_FILES) {
      const { missing, unused, fields } = jsonSchema(f);
      expect(missing, `${f.file}: velden zonder beschrijving`).toEqual([]);
      expect(unused, `${f.file}: beschrijvingen van velden die niet bestaan`).toEqual([]);
      expect(fields.length).toBeGreaterThan(10);
    }
  });

  it('name every top-level field in a table', () => {
    for (const f of SCHEMA_FILES) for (const x of jsonSchema(f).fields.filter((y) => y.parent === '')) expect(markdown).toContain(`| \`${x.path}\` |`);
  });

  it('point the yaml-language-server lines at the schema files, from content/<jaar>/', () => {
    const lines = blocks.filter((b) => b.body.startsWith('# yaml-language-server:'));
    expect(lines).toHaveLength(2);
    for (const b of lines) {
      const target = /\$schema=(\S+)/.exec(b.body)![1]!;
      expect(existsSync(resolve(ROOT, 'content/2019', target)), target).toBe(true);
    }
  });

  it('has complete examples of both files that pass check together', () => {
    const ed = completeEdition();
    const full = blocks.filter((b) => b.lang === 'yaml' && /^# (edition|questionnaire)\.yaml\n/.test(b.body));
    expect(full.map((b) => b.body.split('\n')[0])).toEqual(['# edition.yaml', '# questionnaire.yaml']);
    for (const b of full) ed.write(b.body.split('\n')[0]!.slice(2), b.body);
    const problems = checkEdition(ed.edition).problems.filter((p) => p.severity === 'error');
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('shows the check message for an open item as check prints it', () => {
    const i = blocks.findIndex((b) => b.body.startsWith('# edition.yaml, fragment'));
    const fragment = blocks[i]!.body;
    const expected = blocks[i + 1]!;
    expect(expected.lang).toBe('melding');
    const ed = completeEdition();
    const rest = ed.read('edition.yaml').replace(/^products:\n(?:  .*\n?)*/m, '');
    ed.write('edition.yaml', `${fragment}\n${rest}`);
    const printed = checkEdition(ed.edition).problems.map((p) => formatProblem({ ...p, file: relative(ed.dir, resolve(p.file)) }));
    expect(printed).toContain(expected.body.trim());
  });
});
