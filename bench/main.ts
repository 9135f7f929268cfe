/**
 * `npm run bench`: measured, not asserted. Medians of several runs, because these machines are
 * noisy. Each cold build runs in a fresh Node process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function runInChild(script: string, args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

function report(title: string, samples: Record<string, number>[], fields: [string, string][]): void {
  console.log(`\n${title} (mediaan van ${samples.length})`);
  for (const [key, label] of fields) {
    const values = samples.map((s) => s[key]!);
    console.log(`  ${label.padEnd(34)} ${median(values).toFixed(key.endsWith('MB') ? 0 : 3).padStart(9)}   [${values.map((v) => v.toFixed(key.endsWith('MB') ? 0 : 3)).join(', ')}]`);
  }
}

export async function main(args: string[]): Promise<number> {
  const only = args[0];
  if (!only || only === 'import' || only === 'million') {
    // A 100,000-respondent export with the 2018 distributions, in a copy of the 2018 edition.
    const dir = mkdtempSync(join(tmpdir(), 'bench-100k-'));
    cpSync(join(ROOT, 'content/2018'), dir, { recursive: true });
    const { generateExport } = await import('../fixtures/generator/main.ts');
    const csv = join(dir, 'export-100k.csv');
    writeFileSync(csv, generateExport({ respondents: 100_000 }));
    const edition = join(dir, 'edition.yaml');
    // 100.000 respondents: more than 2018 invited, so the invited counts grow with them (no response rate above 100%).
    const text = (await import('node:fs'))
      .readFileSync(edition, 'utf8')
      .replace(/file: .*\.csv/, 'file: export-100k.csv')
      .replace(/invited: (\d+)/g, (_, n: string) => `invited: ${Number(n) * 100}`);
    writeFileSync(edition, text);
    const samples = only === 'million' ? [] : Array.from({ length: RUNS }, () => runInChild('bench/import-aggregate.ts', [edition]));
    if (samples.length) report('Import + aggregatie, 100.000 respondenten', samples, [
      ['importSeconds', 'import (CSV lezen en koppelen), s'],
      ['aggregateSeconds', 'aggregatie, s'],
      ['records', 'aantal aggregaten'],
      ['peakRssMB', 'piekgeheugen (RSS), MB'],
    ]);
    if (!only || only === 'million') {
      const million = Array.from({ length: RUNS }, () => runInChild('bench/aggregate-million.ts', [edition]));
      report('Aggregatie van 1.000.000 respondenten (nieuw proces per run), doel ≤ 3 s binnen 1 GB', million, [
        ['aggregateSeconds', 'aggregatie, s'],
        ['records', 'aantal aggregaten'],
        ['rssBeforeMB', 'geheugen vóór de aggregatie, MB'],
        ['peakRssMB', 'piekgeheugen (RSS), MB'],
      ]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (!only || only === 'build') {
    const out = mkdtempSync(join(tmpdir(), 'bench-build-'));
    const samples = Array.from({ length: RUNS }, () => runInChild('bench/cold-build.ts', [join(ROOT, 'content/2018/edition.yaml'), out]));
    report('Koude build van het rapport 2018 (nieuw proces per run)', samples, [
      ['totalSeconds', 'totaal (incl. opstarten), s'],
      ['buildSeconds', 'build(), s'],
      ['pdfSeconds', '  waarvan PDF (opmaak, tags), s'],
      ['pdfKB', 'PDF, kB'],
      ['pages', "pagina's"],
      ['charts', 'grafieken'],
      ['peakRssMB', 'piekgeheugen (RSS), MB'],
    ]);
    rmSync(out, { recursive: true, force: true });
  }
  if (!only || only === 'diff') {
    // `diff 2018 2019` once the 2019 edition exists; until then 2018 against itself (the same
    // work: two models, the diff, the PDF), or two copies of the mini test edition without 2018 data.
    const out = mkdtempSync(join(tmpdir(), 'bench-diff-'));
    let sides: [string, string];
    let title: string;
    if (existsSync(join(ROOT, 'content/2019/edition.yaml'))) {
      sides = ['2018', '2019'];
      title = 'eindrapport diff 2018 2019';
    } else if (existsSync(join(ROOT, 'fixtures/2018/qualtrics-export-2018.csv'))) {
      sides = ['2018', '2018'];
      title = 'eindrapport diff 2018 2018 (content/2019 ontbreekt nog)';
    } else {
      const mini = join(ROOT, 'test/fixtures/mini');
      sides = [join(out, 'a'), join(out, 'b')];
      for (const s of sides) cpSync(mini, s, { recursive: true });
      title = 'eindrapport diff van twee kopieën van de mini-editie (geen 2018-data)';
    }
    const run = () => runInChild('bench/diff.ts', [...sides, join(out, 'diff.pdf')]);
    let first: Record<string, number>;
    try {
      first = run();
    } catch {
      // The 2018 data does not build (its messages are above): measure the mini edition instead.
      const mini = join(ROOT, 'test/fixtures/mini');
      sides = [join(out, 'a'), join(out, 'b')];
      for (const s of sides) cpSync(mini, s, { recursive: true });
      title = 'eindrapport diff van twee kopieën van de mini-editie (2018 bouwt niet)';
      first = run();
    }
    const samples = [first, ...Array.from({ length: RUNS - 1 }, run)];
    report(`${title}, doel < 2 s`, samples, [
      ['totalSeconds', 'totaal (incl. opstarten), s'],
      ['diffCommandSeconds', 'diff-commando, s'],
      ['modelsSeconds', '  waarvan twee modellen, s'],
      ['diffSeconds', '  waarvan vergelijken, s'],
      ['pdfSeconds', '  waarvan PDF, s'],
      ['changes', 'gevonden verschillen'],
      ['peakRssMB', 'piekgeheugen (RSS), MB'],
    ]);
    rmSync(out, { recursive: true, force: true });
  }
  if (only === 'pages') {
    // Not a timing: tagging must not change a pixel. Every page of 2018 and 2019, tagged against
    // untagged, as PNG at 60 dpi (pdftoppm).
    for (const year of ['2018', '2019']) {
      const edition = join(ROOT, `content/${year}/edition.yaml`);
      if (!existsSync(edition)) continue;
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/untagged-pages.ts'), edition], { cwd: ROOT, encoding: 'utf8' });
      const line = JSON.parse(r.stdout.trim().split('\n').pop()!) as { pages: number; differing: number; differingPages: number[] };
      console.log(`Rapport ${year}: ${line.pages} pagina's getagd tegen ongetagd vergeleken, ${line.differing} verschillend${line.differing ? ` (${line.differingPages.join(', ')})` : ''}.`);
    }
  }
  if (!only || only === 'watch') {
    // eindrapport watch: one process per run, a first build and the rebuild after one edit.
    const samples = Array.from({ length: RUNS }, () => runInChild('bench/watch-rebuild.ts', [join(ROOT, 'content/2018/edition.yaml')]));
    report('watch: herbouw na het wijzigen van één tekst (2018), doel < 1,5 s', samples, [
      ['rebuildSeconds', 'herbouw na één wijziging, s'],
      ['secondRebuildSeconds', 'herbouw na een tweede wijziging, s'],
      ['firstBuildSeconds', 'eerste build (lege cache), s'],
      ['checkSeconds', 'check in het proces (koud), s'],
      ['pages', "pagina's"],
      ['peakRssMB', 'piekgeheugen (RSS), MB'],
    ]);
    const errors = samples[0]?.checkErrors ?? 0;
    if (errors) console.log(`  (check vond ${errors} fouten in content/2018; watch zou dan niet herbouwen — hier is toch gebouwd)`);
  }
  if (!only || only === 'preview') {
    // eindrapport preview: one process with the server and chromium; RUNS saves, each timed from
    // the save until the new sentence is in the page.
    const r = runInChild('bench/preview-update.ts', [join(ROOT, 'content/2018/edition.yaml'), String(RUNS)]) as unknown as { updates: number[]; server: number[] };
    report(
      'preview: opslaan → bijgewerkte pagina in chromium (2018), doel mediaan ≤ 0,3 s',
      r.updates.map((u, i) => ({ updateSeconds: u, serverSeconds: r.server[i]! })),
      [
        ['updateSeconds', 'opslaan → tekst in de pagina, s'],
        ['serverSeconds', '  waarvan check + webeditie, s'],
      ],
    );
  }
  if (!only || only === 'help') {
    // `eindrapport --help` from the compiled dist/: the start-up cost of every command.
    // A bare `node -e ''` alongside, interleaved: on a busy machine Node's own start-up is most of it.
    const time = (args: string[]) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
      return { seconds: (performance.now() - t0) / 1000, exitCode: r.status ?? -1 };
    };
    const samples = Array.from({ length: Math.max(RUNS, 10) }, () => {
      const bare = time(['-e', '']);
      const help = time([join(ROOT, 'bin/eindrapport.js'), '--help']);
      return { totalSeconds: help.seconds, nodeSeconds: bare.seconds, exitCode: help.exitCode };
    });
    report('eindrapport --help uit dist/ (nieuw proces per run), doel < 0,2 s', samples, [
      ['totalSeconds', 'totaal (incl. opstarten), s'],
      ['nodeSeconds', "ter vergelijking: node -e '', s"],
      ['exitCode', 'exitcode'],
    ]);
  }
  if (!only || only === 'check') {
    // eindrapport check --edition 2018 as an editor runs it: a fresh process, startup included.
    const samples = Array.from({ length: RUNS }, () => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/eindrapport.js'), 'check', '--edition', '2018'], { cwd: ROOT, encoding: 'utf8' });
      const totalSeconds = (performance.now() - t0) / 1000;
      const inside = /\((\d+,\d+) s\)\.\s*(\n|$)/.exec(r.stdout ?? '');
      return { totalSeconds, checkSeconds: inside ? Number(inside[1]!.replace(',', '.')) : NaN, exitCode: r.status ?? -1 };
    });
    report('eindrapport check --edition 2018 (nieuw proces per run), doel < 1 s', samples, [
      ['totalSeconds', 'totaal (incl. opstarten), s'],
      ['checkSeconds', 'controle zelf, s'],
      ['exitCode', 'exitcode (1: fouten in de inhoud)'],
    ]);
  }
  return 0;
}
