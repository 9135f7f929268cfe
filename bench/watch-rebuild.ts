import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Rebuilder } from '../src/watch/rebuilder.ts';
import { checkEdition } from '../src/check/check-edition.ts';

/**
 * What `eindrapport watch` does, in one process, on a temporary copy of an edition: a cold
 * `check`, the first build (and the warm-up watch does after it), then the rebuild after editing
 * one snippet (check + build, reusing parsed data, aggregates and drawn charts), and a second such
 * rebuild. The edits keep the content correct, so every rebuild is a successful one.
 * Prints one JSON line for bench/main.ts.
 */
export async function main([edition]: string[]): Promise<number> {
  const source = resolve(edition!);
  const dir = mkdtempSync(join(tmpdir(), 'bench-watch-'));
  try {
    cpSync(dirname(source), dir, { recursive: true });
    // The copy reads the original data file: make a relative data path absolute.
    const copy = join(dir, 'edition.yaml');
    const text = readFileSync(copy, 'utf8').replace(/^(\s+file:\s*)(\S+)\s*$/m, (_, lead: string, file: string) => `${lead}${resolve(dirname(source), file)}`);
    writeFileSync(copy, text);
    const outDir = join(dir, 'uitvoer');
    const snippetFile = join(dir, 'narrative', 'organisatie.yaml');

    const t0 = performance.now();
    const cold = checkEdition(copy);
    const t1 = performance.now();
    // The same object `eindrapport watch` uses: check, then build with the cache; after the first
    // build it warms up while the editor reads the PDF.
    const rebuilder = new Rebuilder(copy, outDir);
    const rebuild = async () => {
      const outcome = await rebuilder.rebuild();
      if (!outcome.ok) throw new Error(`rebuild failed: ${outcome.problems.map((p) => p.message).join('; ')}`);
      return outcome.result;
    };
    const first = await rebuild();
    const t2 = performance.now();
    await rebuilder.warmUp();
    const edit = (n: number) => {
      const before = readFileSync(snippetFile, 'utf8');
      // The first paragraph of the first snippet gets a sentence in front.
      const after = before.replace(/^(\s+- (?:>-?\s*\n\s+)?)(?=\S)/m, `$1Bewerkt voor de benchmark (${n}). `);
      if (after === before) throw new Error(`no paragraph found in ${snippetFile}`);
      writeFileSync(snippetFile, after);
    };
    edit(1);
    const t3 = performance.now();
    const second = await rebuild();
    const t4 = performance.now();
    edit(2);
    const t5 = performance.now();
    await rebuild();
    const t6 = performance.now();
    console.log(
      JSON.stringify({
        checkSeconds: (t1 - t0) / 1000,
        checkErrors: cold.errors,
        firstBuildSeconds: (t2 - t1) / 1000,
        rebuildSeconds: (t4 - t3) / 1000,
        secondRebuildSeconds: (t6 - t5) / 1000,
        pages: second.pages || first.pages,
        peakRssMB: process.resourceUsage().maxRSS / 1024,
      }),
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
