import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { THEME_FILE } from '../../src/load/chart-theme.ts';
import { startWatch } from '../../src/watch/watcher.ts';
import type { RebuildOutcome } from '../../src/watch/rebuilder.ts';
import { completeEdition } from '../check/complete-edition.ts';
import { waitFor } from '../helpers/wait-for.ts';

describe('watch and the chart theme', () => {
  it('redraws the charts after an edit of theme.json, exactly as a fresh build with that theme', { timeout: 180_000 }, async () => {
    const ed = completeEdition();
    const themeFile = join(mkdtempSync(join(tmpdir(), 'theme-')), 'theme.json');
    copyFileSync(THEME_FILE, themeFile);
    const original = readFileSync(themeFile, 'utf8');
    const outDir = join(ed.dir, 'uitvoer');
    const outcomes: RebuildOutcome[] = [];
    const w = startWatch({ editionFile: ed.edition, outDir, themeFile, print: () => {}, onRebuild: (o) => outcomes.push(o), debounceMs: 50 });
    try {
      await w.ready;
      const first = outcomes[0]!;
      expect(first.ok).toBe(true);
      const pdf = first.ok ? first.result.pdfPath : '';
      const before = readFileSync(pdf);

      // Other colours for the positive answers: every Likert chart changes.
      const edited = JSON.parse(original) as { colours: { scale: { positive: string[] } } };
      edited.colours.scale.positive = edited.colours.scale.positive.map((_, i) => ['#1b7837', '#5aae61', '#a6dba0', '#d9f0d3'][i] ?? '#1b7837');
      writeFileSync(themeFile, JSON.stringify(edited, null, 2));
      const second = await waitFor('a rebuild after the theme edit', () => outcomes[1], 60_000);
      expect(second.ok).toBe(true);
      expect(second.changed).toEqual([themeFile]);
      const after = readFileSync(pdf);
      expect(after.equals(before)).toBe(false);
      const fresh = await build({ editionFile: ed.edition, outDir: mkdtempSync(join(tmpdir(), 'theme-fresh-')) });
      expect(readFileSync(fresh.pdfPath).equals(after)).toBe(true);

      // Back to the original theme: the original PDF again, byte for byte.
      writeFileSync(themeFile, original);
      const third = await waitFor('a rebuild after undoing the edit', () => outcomes[2], 60_000);
      expect(third.ok).toBe(true);
      expect(readFileSync(pdf).equals(before)).toBe(true);
    } finally {
      await w.close();
    }
  });
});
