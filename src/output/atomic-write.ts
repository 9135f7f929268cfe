import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeError } from './write-together.ts';

/**
 * Writes to a temporary file beside the target and renames it into place, so a failed or
 * interrupted build never leaves a half-written file and keeps the previous one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    // A full disk or a folder without write permission: the user's environment, said plainly.
    throw writeError(e, dirname(path));
  }
}
