import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole folder at once: every file goes into a temporary folder beside the target, which
 * is then renamed into place. An error halfway leaves nothing behind; with `replace` an existing
 * folder is swapped out only after the new one is complete.
 */
export function writeFolderAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>, replace: boolean): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(dir)}.${stamp}.tmp`);
  try {
    for (const [name, data] of files) {
      const path = join(tmp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
    if (existsSync(dir)) {
      if (!replace) throw new Error(`${dir} bestaat al`);
      const old = join(parent, `.${basename(dir)}.${stamp}.old`);
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
