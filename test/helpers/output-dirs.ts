import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Fresh output folders (`tmp()`), and other folders handed over (`removeLater`), all removed after
 * the test file. Call at the file's top level.
 */
export function outputDirs(): { tmp: () => string; removeLater: (...dirs: string[]) => void } {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    tmp: () => {
      const d = mkdtempSync(join(tmpdir(), 'eindrapport-out-'));
      dirs.push(d);
      return d;
    },
    removeLater: (...more) => void dirs.push(...more),
  };
}

/** What a user sees in the output folder (the versions live in hidden entries). */
export const visible = (dir: string): string[] => readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
