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
export function completeEdition(options: { previous?: boolean } = {}): TempEdition {
  let dir = mkdtempSync(join(tmpdir(), 'eindrapport-check-'));
  if (options.previous) {
    // <tmp>/2030 (the mini edition) compares with <tmp>/2029: the same, except that respondent
    // R_test00 then answered 'Neutraal' (3) instead of 'Zeer eens' (5) to vertrouwen.
    const before = join(dir, '2029');
    cpSync(dirname(MINI_EDITION), before, { recursive: true });
    const ed = join(before, 'edition.yaml');
    writeFileSync(ed, readFileSync(ed, 'utf8').replace('year: 2030', 'year: 2029').replace(/2030-/g, '2029-'));
    const csv = join(before, 'export.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('R_test00,persoon0@example.org,1,5,', 'R_test00,persoon0@example.org,1,3,'));
    dir = join(dir, '2030');
  }
  cpSync(dirname(MINI_EDITION), dir, { recursive: true });
  cpSync(COMPLETE_NARRATIVE, dir, { recursive: true });
  if (options.previous) {
    const ed = join(dir, 'edition.yaml');
    writeFileSync(ed, readFileSync(ed, 'utf8').replace('year: 2030', 'year: 2030\nprevious_edition: 2029'));
  }
  const path = (name: string) => join(dir, name);
  const read = (name: string) => (existsSync(path(name)) ? readFileSync(path(name), 'utf8') : '');
  const write = (name: string, text: string) => {
    mkdirSync(dirname(path(name)), { recursive: true });
    writeFileSync(path(name), text);
  };
  return { dir, edition: path('edition.yaml'), path, read, write, edit: (name, f) => write(name, f(read(name))) };
}
