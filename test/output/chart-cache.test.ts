import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { readChartCache, writeChartCache } from '../../src/output/chart-cache.ts';
import type { ChartCache } from '../../src/render/chart-images.ts';
import { chartRendererVersion } from '../../src/render/charts/renderer-version.ts';
import { ROOT } from '../helpers/paths.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'chart-cache-'));
const drawing = { kind: 'chart-drawing', width: 10, height: 5, ops: [{ op: 'fill', path: [['M', 0.1, 1 / 3], ['Z']], paint: { color: '#b2182b', opacity: 1 } }] };
const charts = (): ChartCache => new Map<string, unknown>([['a', drawing], ['b', { svg: '<svg/>', width: 1, height: 2 }]]) as ChartCache;

describe('the chart cache on disk', () => {
  it('gives back exactly what was written, for the same edition and renderer version only', () => {
    const dir = tmp();
    expect(readChartCache('/x/edition.yaml', 'v1', dir).size).toBe(0);
    writeChartCache('/x/edition.yaml', 'v1', charts(), dir);
    expect(readChartCache('/x/edition.yaml', 'v1', dir)).toEqual(charts());
    expect(readChartCache('/x/edition.yaml', 'v2', dir).size).toBe(0);
    expect(readChartCache('/y/edition.yaml', 'v1', dir).size).toBe(0);
  });

  it('treats a damaged file as an empty cache', () => {
    const dir = tmp();
    writeChartCache('/x/edition.yaml', 'v1', charts(), dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), readFileSync(join(dir, file!), 'utf8').slice(0, 40));
    expect(readChartCache('/x/edition.yaml', 'v1', dir).size).toBe(0);
  });

  it('keeps the files of the last eight editions built', () => {
    const dir = tmp();
    for (let i = 0; i < 11; i++) writeChartCache(`/e${i}/edition.yaml`, 'v1', charts(), dir);
    expect(readdirSync(dir)).toHaveLength(8);
    expect(readChartCache('/e10/edition.yaml', 'v1', dir).size).toBe(2);
  });

  it('has a renderer version that is stable within a process', () => {
    expect(chartRendererVersion()).toBe(chartRendererVersion());
  });
});

describe('build with the chart cache', () => {
  const saved = process.env.EINDRAPPORT_CACHE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.EINDRAPPORT_CACHE_DIR;
    else process.env.EINDRAPPORT_CACHE_DIR = saved;
  });

  it('draws every chart once, then takes them all from the cache, with byte-identical outputs', async () => {
    process.env.EINDRAPPORT_CACHE_DIR = tmp();
    const edition = join(ROOT, 'test/fixtures/mini/edition.yaml');
    const [a, b] = [tmp(), tmp()];
    const first = await build({ editionFile: edition, outDir: a });
    const second = await build({ editionFile: edition, outDir: b });
    expect(first.charts).toBeGreaterThan(0);
    expect(first.chartCache.misses).toBeGreaterThan(0);
    expect(second.chartCache).toEqual({ hits: first.chartCache.hits + first.chartCache.misses, misses: 0 });
    // Beside the charts: the shaped text, the compiled narrative templates, and the loaded inputs
    // (edition with data and aggregates, narrative, fixed texts, chart theme, web labels), all read
    // back by the second build.
    expect(readdirSync(process.env.EINDRAPPORT_CACHE_DIR!).map((f) => f.replace(/-.*/, '')).sort()).toEqual(['gegevens', 'grafieken', 'rapportteksten', 'sjablonen', 'tekst', 'thema', 'verhaal', 'webteksten']);
    expect(second.inputCache).toEqual({ hits: 5, misses: 0 });
    for (const f of ['eindrapport-2030.pdf', 'eindrapport-2030.json', 'eindrapport-2030/index.html']) {
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    }
  });

  it('gives a fresh process the same bytes from a cache another process wrote (charts, shaped words, templates)', () => {
    const cache = tmp();
    const edition = join(ROOT, 'test/fixtures/mini/edition.yaml');
    const run = (out: string, dir: string) =>
      execFileSync(process.execPath, [join(ROOT, 'bin/eindrapport.js'), 'build', '--edition', edition, '--out-dir', out], { env: { ...process.env, EINDRAPPORT_CACHE_DIR: dir }, stdio: 'pipe' });
    const [cold, warm, empty] = [tmp(), tmp(), tmp()];
    run(cold, cache);
    run(warm, cache);
    run(empty, tmp());
    for (const f of ['eindrapport-2030.pdf', 'eindrapport-2030.json', 'eindrapport-2030/index.html']) {
      expect(readFileSync(join(warm, f)).equals(readFileSync(join(cold, f))), f).toBe(true);
      expect(readFileSync(join(empty, f)).equals(readFileSync(join(cold, f))), f).toBe(true);
    }
  });
});
