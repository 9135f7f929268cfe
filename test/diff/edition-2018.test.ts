import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument, type YAMLSeq } from 'yaml';
import { diffModels } from '../../src/diff/diff-models.ts';
import { modelFromEdition } from '../../src/diff/resolve-input.ts';
import { EDITION_2018, ROOT } from '../helpers/paths.ts';

const DATA = join(ROOT, 'fixtures/2018/qualtrics-export-2018.csv');

/** The real edition, at full size: the same checks as on the mini edition. */
describe.skipIf(!existsSync(DATA))('diff on the 2018 edition', () => {
  const model2018 = modelFromEdition(EDITION_2018);

  it('finds nothing between two builds of 2018', () => {
    const d = diffModels(model2018, modelFromEdition(EDITION_2018), { threshold: 5 });
    expect(d.summary.total).toBe(0);
  });

  it('shows exactly the one paragraph of a draft with one edited snippet', () => {
    // content/2018 copied next to a link to fixtures/, so the edition's relative data path still works
    const root = mkdtempSync(join(tmpdir(), 'diff-2018-'));
    cpSync(dirname(EDITION_2018), join(root, 'content', '2018'), { recursive: true });
    mkdirSync(join(root, 'fixtures'));
    symlinkSync(join(ROOT, 'fixtures', '2018'), join(root, 'fixtures', '2018'));
    const file = join(root, 'content', '2018', 'narrative', 'organisatie.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const intro = doc.get('hoofdstuk-waarden') as YAMLSeq<{ value: string }>;
    intro.items[0]!.value = `${intro.items[0]!.value} Deze zin is toegevoegd.`;
    writeFileSync(file, doc.toString());

    const d = diffModels(model2018, modelFromEdition(join(root, 'content', '2018', 'edition.yaml')), { threshold: 5 });
    expect(d.structure).toEqual([]);
    expect(d.figures).toEqual([]);
    expect(d.wording.map((w) => [w.id, w.location.label, w.parts.filter((p) => p.op !== 'same').map((p) => [p.op, p.text.trim()])])).toEqual([
      ['organisatie-waarden-intro-p1', '1 Hoe we werken', [['insert', 'Deze zin is toegevoegd.']]],
    ]);
  });
});
