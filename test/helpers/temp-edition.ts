import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway copy of an edition folder, so a test can break one file without touching the repo. */
export function copyEdition(editionFile: string): { dir: string; edition: string; edit: (name: string, f: (text: string) => string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'eindrapport-test-'));
  cpSync(dirname(editionFile), dir, { recursive: true });
  const edit = (name: string, f: (text: string) => string) => {
    const p = join(dir, name);
    writeFileSync(p, f(readFileSync(p, 'utf8')));
  };
  return { dir, edition: join(dir, 'edition.yaml'), edit };
}
