import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartCache } from '../render/chart-images.ts';

/**
 * Drawn charts kept on disk between runs, so a build after a text edit draws no chart again (and
 * does not even load Vega). One file per edition in node_modules/.cache/eindrapport/ (or
 * $EINDRAPPORT_CACHE_DIR), holding the charts of its last build by their key (a hash of the spec,
 * see chart-images.ts) and the renderer version they were drawn with
 * (src/render/charts/renderer-version.ts); under any other version it is ignored. A missing,
 * unreadable or damaged file is an empty cache: the charts are drawn and the file written anew.
 * The drawings are plain data, so a build from the cache is byte for byte the build without it.
 * The files of the most recently built editions are kept (MAX_FILES), older ones removed.
 */

const MAX_FILES = 8;

function fileFor(editionFile: string): string {
  return `grafieken-${createHash('sha256').update(resolve(editionFile)).digest('base64url').slice(0, 16)}.json`;
}

export function chartCacheDir(): string {
  return process.env.EINDRAPPORT_CACHE_DIR ?? fileURLToPath(new URL('../../node_modules/.cache/eindrapport/', import.meta.url));
}

interface CacheFile {
  version: string;
  charts: [string, unknown][];
}

export function readChartCache(editionFile: string, version: string, dir = chartCacheDir()): ChartCache {
  try {
    const data = JSON.parse(readFileSync(join(dir, fileFor(editionFile)), 'utf8')) as CacheFile;
    if (data.version !== version || !Array.isArray(data.charts)) return new Map();
    return new Map(data.charts) as ChartCache;
  } catch {
    return new Map();
  }
}

/** Replaces the file in one rename, so a reader sees the old or the new cache, never half of one. */
export function writeChartCache(editionFile: string, version: string, charts: ChartCache, dir = chartCacheDir()): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = fileFor(editionFile);
    const tmp = join(dir, `.${file}.${process.pid}`);
    writeFileSync(tmp, JSON.stringify({ version, charts: [...charts] } satisfies CacheFile));
    renameSync(tmp, join(dir, file));
    const files = readdirSync(dir)
      .filter((f) => /^grafieken-.*\.json$/.test(f))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.slice(MAX_FILES)) rmSync(join(dir, f), { force: true });
  } catch {
    // A cache that cannot be written costs time on the next build, nothing else.
  }
}
