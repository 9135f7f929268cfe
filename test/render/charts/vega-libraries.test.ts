import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { BuiltInChartKind } from '../../../src/model/chart-kinds/registry.ts';
import { chartSpec } from '../../../src/render/chart-images.ts';
import type { ChartOptions } from '../../../src/render/charts/types.ts';
import { loadVegaLibraries } from '../../../src/render/charts/vega-libraries.ts';
import { chartSamples as samples, TONES } from './fixtures.ts';

const options: ChartOptions = { width: 451, decimals: 1, previousYearLabel: '2017', tones: TONES };
const kinds = Object.keys(samples) as BuiltInChartKind[];

/** Vega-Lite's ES build: `import { a, b as c } from 'pkg'` → names per package. */
function esBuildImports(): Map<string, string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('vega-lite'), 'utf8');
  const imports = new Map<string, string[]>();
  for (const m of source.matchAll(/^import\s+(.*?)\s+from\s+'([^']+)';?$/gm)) {
    const names = /^\{(.*)\}$/.exec(m[1]!.trim());
    if (!names) throw new Error(`unexpected import in vega-lite: ${m[0]}`);
    const list = names[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!).filter(Boolean);
    imports.set(m[2]!, [...(imports.get(m[2]!) ?? []), ...list]);
  }
  return imports;
}

describe('Vega and Vega-Lite without the vega umbrella package', () => {
  it("Vega-Lite's ES build takes from `vega` only what vega-util itself exports (the CLI's bundle gives it vega-util there)", async () => {
    const imports = esBuildImports();
    expect([...imports.keys()].sort()).toEqual(['vega', 'vega-event-selector', 'vega-expression', 'vega-util']);
    const [umbrella, util] = (await Promise.all([import('vega'), import('vega-util')])) as unknown as Record<string, unknown>[];
    const names = imports.get('vega')!;
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(util![name], name).toBeDefined();
      expect(umbrella![name], name).toBe(util![name]);
    }
  });

  it.each(kinds)('%s: the core packages draw the same SVG as the umbrella package', async (kind) => {
    const spec = chartSpec(samples[kind], options);
    const { vega: core, compile } = await loadVegaLibraries();
    const umbrella = await import('vega');
    const svg = async (vega: Pick<typeof umbrella, 'parse' | 'View' | 'resetSVGDefIds'>) => {
      vega.resetSVGDefIds();
      const view = new vega.View(vega.parse(compile(structuredClone(spec)).spec), { renderer: 'none' });
      const out = await view.toSVG();
      view.finalize();
      return out;
    };
    const fromCore = await svg(core);
    expect(fromCore).toContain('<svg');
    expect(fromCore).toBe(await svg(umbrella));
  });
});
