import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { InputError } from '../src/load/input-error.ts';
import { MINI_EDITION } from './helpers/paths.ts';
import { copyEdition } from './helpers/temp-edition.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a failed build', () => {
  it('leaves the previous PDF, JSON and web edition untouched and no temporary files behind', async () => {
    const t = copyEdition(MINI_EDITION);
    const out = join(t.dir, 'out');
    const first = await build({ editionFile: t.edition, outDir: out });
    const before = [sha(first.pdfPath), sha(first.jsonPath), sha(first.htmlPath)];

    t.edit('narrative/product.yaml', (s) => s.replace('positief \\"vertrouwen', 'positief \\"vertrouwn'));
    const error = await build({ editionFile: t.edition, outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file: expect.stringContaining('product.yaml'), line: 2 });
    expect((error as InputError).message).toContain("onbekende vraag 'vertrouwn'. Bedoelt u 'vertrouwen'?");

    expect([sha(first.pdfPath), sha(first.jsonPath), sha(first.htmlPath)]).toEqual(before);
    expect(readdirSync(out).filter((n) => !n.startsWith('.')).sort()).toEqual(['eindrapport-2030', 'eindrapport-2030.json', 'eindrapport-2030.pdf']);
    expect(readdirSync(join(out, '.eindrapport-2030.versies'))).toHaveLength(1);
    expect(readdirSync(join(out, 'eindrapport-2030'))).toEqual(['index.html']);
  });
});
