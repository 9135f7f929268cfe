import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect } from 'vitest';

/** A copy of `file` (same name, in a temporary folder) with `from` replaced by `to`; `from` must be in it. */
export function editedCopy(file: string, from: string, to: string): string {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  const copy = join(mkdtempSync(join(tmpdir(), 'edited-')), basename(file));
  writeFileSync(copy, text.replace(from, to));
  return copy;
}

/** The 1-based number of the first line of `file` that contains `text`. */
export function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}
