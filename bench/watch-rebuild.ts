import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Rebuilder } from '../src/watch/rebuilder.ts';
import { checkEdition } from '../src/check/check-edition.ts';

/**
 * What `eindrapport watch` does, in one process, on a temporary copy of an edition: a cold
 * `check`, the first build (and the warm-up watch does after it), then the rebuild after editing
 * one snippet (check + build, reusing parsed data, aggregates and drawn charts), a second such
 * rebuild, and the rebuild after one answer of one product's respondent changed in the export.
 * The edits keep the content correct, so every rebuild is a successful one.
 * Prints one JSON line for bench/main.ts.
 */
export async function main([edition]: string[]): Promise<number> {
  const source = resolve(edition!);
  const dir = mkdtempSync(join(tmpdir(), 'bench-watch-'));
  try {
    cpSync(dirname(source), dir, { recursive: true });
    // The copy gets its own copy of the data file, to edit.
    const copy = join(dir, 'edition.yaml');
    const dataFile = join(dir, 'export.csv');
    const text = readFileSync(copy, 'utf8').replace(/^(\s+file:\s*)(\S+)\s*$/m, (_, lead: string, file: string) => {
      cpSync(resolve(dirname(source), file), dataFile);
      return `${lead}export.csv`;
    });
    writeFileSync(copy, text);
    const outDir = join(dir, 'uitvoer');
    const snippetFile = join(dir, 'narrative', 'organisatie.yaml');

    const t0 = performance.now();
    const cold = checkEdition(copy);
    const t1 = performance.now();
    // The same object `eindrapport watch` uses: check, then build with the cache; after the first
    // build it warms up while the editor reads the PDF.
    const rebuilder = new Rebuilder(copy, outDir);
    // As watch: a rebuild is timed until its PDF is written; the web edition and JSON follow, and
    // are waited for (untimed) before the next edit.
    rebuilder.pdfFirst = true;
    const rebuild = async () => {
      const outcome = await rebuilder.rebuild();
      if (!outcome.ok) throw new Error(`rebuild failed: ${outcome.problems.map((p) => p.message).join('; ')}`);
      return outcome.result;
    };
    const first = await rebuild();
    const t2 = performance.now();
    await rebuilder.settled();
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
    await rebuilder.settled();
    edit(2);
    const t5 = performance.now();
    await rebuild();
    const t6 = performance.now();
    await rebuilder.settled();
    editAnswer(dataFile);
    const t7 = performance.now();
    await rebuild();
    const t8 = performance.now();
    await rebuilder.settled();
    console.log(
      JSON.stringify({
        checkSeconds: (t1 - t0) / 1000,
        checkErrors: cold.errors,
        firstBuildSeconds: (t2 - t1) / 1000,
        rebuildSeconds: (t4 - t3) / 1000,
        secondRebuildSeconds: (t6 - t5) / 1000,
        dataRebuildSeconds: (t8 - t7) / 1000,
        pages: second.pages || first.pages,
        peakRssMB: process.resourceUsage().maxRSS / 1024,
      }),
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One product's data changes: the first respondent of the third product code who answered the
 * first statement with 4 now answers 5 (the export's columns before that one hold no commas).
 */
function editAnswer(file: string): void {
  const lines = readFileSync(file, 'utf8').split('\r\n');
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
  const [product, answer] = [header.indexOf('Q1'), header.indexOf('Q2_1')];
  const i = lines.findIndex((l, n) => n >= 3 && l.split(',')[product] === '3' && l.split(',')[answer] === '4');
  if (product < 0 || answer < 0 || i < 0) throw new Error(`${file}: no answer to edit`);
  const cells = lines[i]!.split(',');
  cells[answer] = '5';
  lines[i] = cells.join(',');
  writeFileSync(file, lines.join('\r\n'));
}
