import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Each test of the file gets an empty cache folder of its own (EINDRAPPORT_CACHE_DIR); the setting is restored after it. */
export function useTempCacheDir(prefix: string): void {
  const saved = process.env.EINDRAPPORT_CACHE_DIR;
  beforeEach(() => {
    process.env.EINDRAPPORT_CACHE_DIR = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.EINDRAPPORT_CACHE_DIR;
    else process.env.EINDRAPPORT_CACHE_DIR = saved;
  });
}
