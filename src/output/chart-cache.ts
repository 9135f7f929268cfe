import { cacheDir, readCacheBytes, writeCacheBytes } from '../load/cache-files.ts';
import type { ChartCache } from '../render/chart-images.ts';
import type { ShapedWords } from '../render/patches/pdfkit-shaping-cache.ts';

/**
 * Drawn charts kept on disk between runs, so a build after a text edit draws no chart again (and
 * does not even load Vega). One file per edition in node_modules/.cache/eindrapport/ (or
 * $EINDRAPPORT_CACHE_DIR), holding the charts of its last build by their key (a hash of the spec,
 * see chart-images.ts) and the renderer version they were drawn with
 * (src/render/charts/renderer-version.ts); under any other version it is ignored. A missing,
 * unreadable or damaged file is an empty cache: the charts are drawn and the file written anew.
 * The drawings are plain data, so a build from the cache is byte for byte the build without it.
 * The files themselves (where, replaced in one rename, how many kept): src/load/cache-files.ts.
 *
 * Beside it, per edition, the shaped text of its last build (a second file, same rules): the words
 * pdfkit laid out with each font (src/render/patches/pdfkit-shaping-cache.ts) and the widths the
 * chart builders measured (src/render/charts/text-metrics.ts); and a third: the narrative's
 * Handlebars templates as compiled (src/model/narrative/render-snippet.ts).
 */

type Kind = 'grafieken' | 'tekst' | 'sjablonen';

/** The file's data when it was written under `version`, else null. */
function readCacheFile(kind: Kind, editionFile: string, version: string, dir: string): Record<string, unknown> | null {
  try {
    const data = JSON.parse(readCacheBytes(kind, editionFile, 'json', dir)?.toString('utf8') ?? 'null') as { version?: unknown } | null;
    return data?.version === version ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function writeCacheFile(kind: Kind, editionFile: string, data: { version: string }, dir: string): void {
  writeCacheBytes(kind, editionFile, 'json', JSON.stringify(data), dir);
}

export function readChartCache(editionFile: string, version: string, dir = cacheDir()): ChartCache {
  const charts = readCacheFile('grafieken', editionFile, version, dir)?.charts;
  return Array.isArray(charts) ? (new Map(charts) as ChartCache) : new Map();
}

export function writeChartCache(editionFile: string, version: string, charts: ChartCache, dir = cacheDir()): void {
  writeCacheFile('grafieken', editionFile, { version, charts: [...charts] } as { version: string }, dir);
}

/** The shaped text of an edition's last build. */
export interface ShapedText {
  words: ShapedWords;
  /** Chart text widths per point, by weight and text (text-metrics.ts). */
  widths: [string, number][];
}

export function readShapingCache(editionFile: string, version: string, dir = cacheDir()): ShapedText {
  const data = readCacheFile('tekst', editionFile, version, dir);
  const ok = data && typeof data.words === 'object' && data.words !== null && Array.isArray(data.widths);
  return ok ? { words: data.words as ShapedWords, widths: data.widths as [string, number][] } : { words: {}, widths: [] };
}

export function writeShapingCache(editionFile: string, version: string, text: ShapedText, dir = cacheDir()): void {
  writeCacheFile('tekst', editionFile, { version, ...text } as { version: string }, dir);
}

/** Compiled narrative templates of an edition's last build: [source, compiled spec]. */
export function readTemplateCache(editionFile: string, version: string, dir = cacheDir()): [string, string][] {
  const templates = readCacheFile('sjablonen', editionFile, version, dir)?.templates;
  return Array.isArray(templates) ? (templates as [string, string][]) : [];
}

export function writeTemplateCache(editionFile: string, version: string, templates: [string, string][], dir = cacheDir()): void {
  writeCacheFile('sjablonen', editionFile, { version, templates } as { version: string }, dir);
}
