import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/build.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function buildOnce(sourceDateEpoch?: number) {
  return build({ editionFile: MINI_EDITION, outDir: mkdtempSync(join(tmpdir(), 'det-')), sourceDateEpoch });
}

describe('reproducible builds', () => {
  it('gives the same PDF and JSON, byte for byte, from the same inputs', async () => {
    const [a, b] = [await buildOnce(), await buildOnce()];
    expect(sha(a.pdfPath)).toBe(sha(b.pdfPath));
    expect(sha(a.jsonPath)).toBe(sha(b.jsonPath));
  });

  it('takes the creation date from SOURCE_DATE_EPOCH when given, else from the edition', async () => {
    const fixed = await buildOnce(1_700_000_000);
    expect(readFileSync(fixed.pdfPath, 'latin1')).toContain('(D:20231114221320Z)');
    const edition = await buildOnce();
    expect(readFileSync(edition.pdfPath, 'latin1')).toContain('(D:20301201120000Z)');
  });
});
