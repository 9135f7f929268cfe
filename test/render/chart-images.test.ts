import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/report-model.ts';
import { renderChartDrawings, renderChartSvgs, type ChartCache } from '../../src/render/chart-images.ts';
import { THEME_FILE, reloadChartTheme } from '../../src/render/charts/theme.ts';
import { blocksOfType } from '../../src/model/visit-blocks.ts';
import type { ReportModel } from '../../src/model/report-types.ts';
import { screenChartSpec } from '../../src/render/html/edition.ts';
import { MINI_EDITION } from '../helpers/paths.ts';

/** A chart cache that counts what it is asked for and given. */
class CountingCache extends Map<string, ReturnType<ChartCache['get']> & object> {
  hits = 0;
  stored = 0;
  override get(key: string) {
    const v = super.get(key);
    if (v) this.hits++;
    return v;
  }
  override set(key: string, v: ReturnType<ChartCache['get']> & object) {
    this.stored++;
    return super.set(key, v);
  }
}

const options = { width: 450, decimals: 1 };

/**
 * The cache keys of charts are remembered by the chart block's content (src/render/chart-images.ts):
 * a chart whose block, options or theme changed must be drawn anew, never taken from the memo.
 */
describe('chart cache keys remembered by block', () => {
  afterAll(() => reloadChartTheme());
  const { model } = buildModel(MINI_EDITION);
  const first = blocksOfType(model, 'chart')[0]!;

  /** The model with the first chart's first row relabelled and its largest share moved by 10 points. */
  function edited(): ReportModel {
    const copy = structuredClone(model);
    const block = blocksOfType(copy, 'chart')[0]!;
    const row = block.rows[0]!;
    row.label = 'Een gewijzigde stelling';
    const [answer, share] = Object.entries(row.percentages).sort((a, b) => b[1] - a[1])[0]!;
    row.percentages[answer] = share - 10;
    if (row.display?.[answer] !== undefined) row.display[answer] = row.display[answer] - 10;
    return copy;
  }

  it('draws an edited chart anew and takes the unchanged ones from the cache (PDF drawings and web SVGs)', async () => {
    const after = edited();
    for (const render of [
      (m: ReportModel, c?: ChartCache) => renderChartDrawings(m, options, undefined, c),
      (m: ReportModel, c?: ChartCache) => renderChartSvgs(m, options, c, screenChartSpec),
    ]) {
      const cache = new CountingCache();
      const before = await render(model, cache);
      const total = before.size;
      expect(cache.stored).toBe(total);
      // The same content again (a new model object, as every rebuild makes): all from the cache.
      const again = await render(structuredClone(model), cache);
      expect(cache.hits).toBe(total);
      expect(cache.stored).toBe(total);
      expect([...again.values()]).toEqual([...before.values()]);

      // The edited row may be shared by more than one chart (a summary and its section).
      const original = new Map(blocksOfType(model, 'chart').map((b) => [b.id, JSON.stringify(b)]));
      const edits = blocksOfType(after, 'chart').filter((b) => JSON.stringify(b) !== original.get(b.id)).map((b) => b.id);
      expect(edits).toContain(first.id);
      const changed = await render(after, cache);
      expect(cache.stored).toBe(total + edits.length);
      // An edited chart is the one a render without any cache draws, and not the old one.
      const fresh = await render(after);
      for (const id of edits) {
        expect(changed.get(id)).toEqual(fresh.get(id));
        expect(changed.get(id)).not.toEqual(before.get(id));
      }
      for (const [id, img] of before) if (!edits.includes(id)) expect(changed.get(id)).toBe(img);
    }
  });

  it('draws every chart anew for other options, and after the chart theme changed', async () => {
    const cache = new CountingCache();
    const before = await renderChartDrawings(model, options, undefined, cache);
    const wider = await renderChartDrawings(model, { ...options, width: 500 }, undefined, cache);
    expect(cache.hits).toBe(0);
    expect(wider.get(first.id)!.width).not.toBe(before.get(first.id)!.width);

    const dir = mkdtempSync(join(tmpdir(), 'eindrapport-theme-'));
    const file = join(dir, 'theme.json');
    const theme = JSON.parse(readFileSync(THEME_FILE, 'utf8')) as { fontSize: { label: number } };
    theme.fontSize.label += 3;
    writeFileSync(file, JSON.stringify(theme));
    reloadChartTheme(file);
    const hits = cache.hits;
    const themed = await renderChartDrawings(model, options, undefined, cache);
    expect(cache.hits).toBe(hits);
    expect(themed.get(first.id)).toEqual((await renderChartDrawings(model, options)).get(first.id));
    expect(themed.get(first.id)).not.toEqual(before.get(first.id));
  });
});
