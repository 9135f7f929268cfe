import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MINI_EDITION } from '../helpers/paths.ts';

/** Narrative for every place in the mini edition's report (test/fixtures/mini has only some). */
export const COMPLETE_NARRATIVE = fileURLToPath(new URL('./fixtures/compleet/', import.meta.url));

export interface TempEdition {
  dir: string;
  edition: string;
  /** Path of a file in the copy, e.g. 'narrative/product.yaml'. */
  path(name: string): string;
  read(name: string): string;
  write(name: string, text: string): void;
  edit(name: string, f: (text: string) => string): void;
}

/**
 * A throwaway copy of the mini edition with complete narrative: `eindrapport check` finds nothing
 * in it, so a test can break one thing and see exactly one message.
 */
export function completeEdition(): TempEdition {
  const dir = mkdtempSync(join(tmpdir(), 'eindrapport-check-'));
  cpSync(dirname(MINI_EDITION), dir, { recursive: true });
  cpSync(COMPLETE_NARRATIVE, dir, { recursive: true });
  const path = (name: string) => join(dir, name);
  const read = (name: string) => (existsSync(path(name)) ? readFileSync(path(name), 'utf8') : '');
  const write = (name: string, text: string) => {
    mkdirSync(dirname(path(name)), { recursive: true });
    writeFileSync(path(name), text);
  };
  return { dir, edition: path('edition.yaml'), path, read, write, edit: (name, f) => write(name, f(read(name))) };
}
