import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files of the caches kept between runs (drawn charts, shaped text, compiled templates, loaded
 * and analysed inputs): one file per kind and edition (or other input) in
 * node_modules/.cache/eindrapport/ (or $EINDRAPPORT_CACHE_DIR). Each is replaced in one rename, so
 * a reader sees the old or the new file, never half of one; of each kind the files of the most
 * recently built inputs are kept (MAX_FILES), older ones removed. A file that cannot be read or
 * written costs time on the next run, nothing else. The folder may always be removed.
 */

const MAX_FILES = 8;

export function cacheDir(): string {
  return process.env.EINDRAPPORT_CACHE_DIR ?? fileURLToPath(new URL('../../node_modules/.cache/eindrapport/', import.meta.url));
}

/** `<kind>-<hash of the input's absolute path>.<ext>`. */
function fileName(kind: string, input: string, ext: string): string {
  return `${kind}-${createHash('sha256').update(resolve(input)).digest('base64url').slice(0, 16)}.${ext}`;
}

/** The bytes of the cache file of `kind` for `input`, or null when there is none or it cannot be read. */
export function readCacheBytes(kind: string, input: string, ext: string, dir = cacheDir()): Buffer | null {
  try {
    return readFileSync(join(dir, fileName(kind, input, ext)));
  } catch {
    return null;
  }
}

/** Replaces the cache file of `kind` for `input` in one rename, and removes the oldest of its kind. */
export function writeCacheBytes(kind: string, input: string, ext: string, data: string | Uint8Array, dir = cacheDir()): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = fileName(kind, input, ext);
    const tmp = join(dir, `.${file}.${process.pid}`);
    writeFileSync(tmp, data);
    renameSync(tmp, join(dir, file));
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(`${kind}-`) && f.endsWith(`.${ext}`))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.slice(MAX_FILES)) rmSync(join(dir, f), { force: true });
  } catch {
    // A cache that cannot be written costs time on the next build, nothing else.
  }
}
