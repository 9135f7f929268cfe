/**
 * `npm run bench`: measured, not asserted. Medians of several runs, because these machines are
 * noisy. Each cold build runs in a fresh Node process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, rmSync, existsSync, readFileSync } from 'node:fs';
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

function runInChild(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Record<string, number> {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/** One line of the summary table: a target, what was measured and whether it holds. */
interface TargetRow {
  target: string;
  goal: string;
  values: number[];
  unit: 's' | 'MB' | '';
  holds: boolean | null;
  note?: string;
}
const summary: TargetRow[] = [];

const nl = (v: number, unit: TargetRow['unit']) =>
  unit === 'MB' ? `${Math.round(v).toLocaleString('nl-NL')} MB` : unit === 's' ? `${v.toFixed(2).replace('.', ',')} s` : String(v);

function target(row: Omit<TargetRow, 'holds'> & { holds?: boolean | null; max?: number }): void {
  const { max, ...rest } = row;
  const holds = row.holds !== undefined ? row.holds : max === undefined || !row.values.length ? null : median(row.values) <= max;
  summary.push({ ...rest, holds });
}

/** The one table `npm run bench` ends with (Markdown, for the README). */
function printSummary(): void {
  if (!summary.length) return;
  const load = (() => {
    try {
      return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    } catch {
      return '?';
    }
  })();
  console.log(`\nDoelen (issue 14), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load}, ${RUNS} runs:\n`);
  console.log('| doel | grens | mediaan | min–max | gehaald |');
  console.log('|---|---|---|---|---|');
  for (const r of summary) {
    const m = r.values.length ? nl(median(r.values), r.unit) : '—';
    const range = r.values.length > 1 ? `${nl(Math.min(...r.values), r.unit)} – ${nl(Math.max(...r.values), r.unit)}` : '';
    const ok = r.holds === null ? '—' : r.holds ? 'ja' : '**nee**';
    console.log(`| ${r.target}${r.note ? ` (${r.note})` : ''} | ${r.goal} | ${m} | ${range} | ${ok} |`);
  }
}

/** A whole `eindrapport` process from the compiled dist/: wall seconds and peak RSS. */
function timeCli(args: string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; peakRssMB: number; status: number } {
  // Peak memory of the child itself, reported as it exits (no wrapper process in between).
  const rusage = "data:text/javascript,process.on('exit',()=>process.stderr.write('RUSAGE '+process.resourceUsage().maxRSS+'\\n'))";
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', rusage, join(ROOT, 'bin/eindrapport.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) process.stderr.write(r.stderr);
  const kb = Number(/RUSAGE (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  return { seconds, peakRssMB: kb / 1024, status: r.status ?? -1 };
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
      target({ target: 'aggregatie van 1.000.000 respondenten', goal: '≤ 3 s', values: million.map((m) => m.aggregateSeconds!), unit: 's', max: 3 });
      target({ target: '  piekgeheugen daarbij', goal: '≤ 1 GB', values: million.map((m) => m.peakRssMB!), unit: 'MB', max: 1024 });
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (!only || only === 'build') {
    const out = mkdtempSync(join(tmpdir(), 'bench-build-'));
    // The command as a user runs it: a whole process from dist/, all outputs (tagged PDF, JSON,
    // web edition); with an empty chart cache (every chart drawn) and with the cache of the
    // previous build (a build after a text edit), interleaved.
    const cli: ReturnType<typeof timeCli>[] = [];
    const warm: ReturnType<typeof timeCli>[] = [];
    const args = ['build', '--edition', '2018', '--out-dir', join(out, 'cli')];
    const warmCache = join(out, 'cache');
    timeCli(args, { ...process.env, EINDRAPPORT_CACHE_DIR: warmCache });
    for (let i = 0; i < RUNS; i++) {
      cli.push(timeCli(args, { ...process.env, EINDRAPPORT_CACHE_DIR: mkdtempSync(join(out, 'empty-cache-')) }));
      warm.push(timeCli(args, { ...process.env, EINDRAPPORT_CACHE_DIR: warmCache }));
    }
    report('eindrapport build --edition 2018 (hele proces uit dist/: getagde PDF, JSON, webeditie)', cli.map((c, i) => ({ s: c.seconds, MB: c.peakRssMB, ws: warm[i]!.seconds, wMB: warm[i]!.peakRssMB })), [
      ['s', 'lege grafiekcache: totaal, s'],
      ['MB', '  piekgeheugen (RSS), MB'],
      ['ws', 'grafieken, tekstzetting en sjablonen uit de cache: totaal, s'],
      ['wMB', '  piekgeheugen (RSS), MB'],
    ]);
    // The same build in-process (through tsx), and the layout floor: that build with every chart an
    // empty box of its size. Interleaved, so both see the same machine.
    const sizes = join(out, 'chart-sizes.json');
    const edition = join(ROOT, 'content/2018/edition.yaml');
    runInChild('bench/layout-floor.ts', [edition, join(out, 'floor'), sizes]);
    const samples: Record<string, number>[] = [];
    const floor: Record<string, number>[] = [];
    // Both with an empty cache (charts drawn, text shaped, templates compiled): the floor differs
    // from the build only in drawing no chart.
    const empty = () => ({ ...process.env, EINDRAPPORT_CACHE_DIR: mkdtempSync(join(out, 'empty-cache-')) });
    for (let i = 0; i < RUNS; i++) {
      samples.push(runInChild('bench/cold-build.ts', [edition, join(out, 'build')], empty()));
      floor.push(runInChild('bench/layout-floor.ts', [edition, join(out, 'floor'), sizes], empty()));
    }
    report('Koude build van het rapport 2018 in het proces (tsx), lege cache', samples, [
      ['totalSeconds', 'totaal (incl. opstarten), s'],
      ['buildSeconds', 'build(), s'],
      ['pdfSeconds', '  waarvan PDF (opmaak, tags), s'],
      ['pdfKB', 'PDF, kB'],
      ['pages', "pagina's"],
      ['charts', 'grafieken'],
      ['peakRssMB', 'piekgeheugen (RSS), MB'],
    ]);
    report('Layout-bodem: dezelfde build, elke grafiek een lege doos van zijn maat', floor, [
      ['buildSeconds', 'build zonder grafieken, s'],
      ['peakRssMB', 'piekgeheugen (RSS), MB'],
    ]);
    const ratio = median(samples.map((x) => x.buildSeconds!)) / median(floor.map((x) => x.buildSeconds!));
    target({ target: 'koude build 2018, hele proces (PDF getagd, JSON, webeditie), lege grafiekcache', goal: '≤ 2,5 s', values: cli.map((c) => c.seconds), unit: 's', max: 2.5 });
    target({ target: '  piekgeheugen koude build', goal: '≤ 300 MB', values: cli.map((c) => c.peakRssMB), unit: 'MB', max: 300 });
    target({ target: 'koude build 2018, hele proces, grafieken, tekstzetting en sjablonen uit de cache (na een tekstwijziging)', goal: '≤ 2,5 s', values: warm.map((c) => c.seconds), unit: 's', max: 2.5 });
    target({ target: '  piekgeheugen', goal: '≤ 300 MB', values: warm.map((c) => c.peakRssMB), unit: 'MB', max: 300 });
    target({ target: '  build() in het proces, lege cache', goal: '—', values: samples.map((x) => x.buildSeconds!), unit: 's', holds: null });
    target({
      target: '  layout-bodem: build() met lege dozen als grafieken',
      goal: '—',
      values: floor.map((x) => x.buildSeconds!),
      unit: 's',
      holds: null,
      note: `build / bodem = ${ratio.toFixed(2).replace('.', ',')}`,
    });
    rmSync(out, { recursive: true, force: true });
  }
  if (!only || only === 'scale') {
    // Generated editions with 8, 20 and 40 products (copies of the 2018 products with their data):
    // the build time per product should stay flat.
    const { scaleEdition } = await import('./scale-edition.ts');
    const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
    const sizes = [8, 20, 40];
    const times: Record<number, number[]> = {};
    for (const n of sizes) {
      const edition = scaleEdition(join(ROOT, 'content/2018/edition.yaml'), join(dir, `e${n}`), n);
      // Every run draws every chart (an empty chart cache).
      const env = () => ({ ...process.env, EINDRAPPORT_CACHE_DIR: mkdtempSync(join(dir, 'cache-')) });
      times[n] = Array.from({ length: RUNS }, () => timeCli(['build', '--edition', edition, '--out-dir', join(dir, `out${n}`)], env()).seconds);
    }
    report(
      'Schaal: build (hele proces) van editie met 8, 20 en 40 producten',
      Array.from({ length: RUNS }, (_, i) => Object.fromEntries(sizes.map((n) => [`p${n}`, times[n]![i]!]))),
      sizes.map((n) => [`p${n}`, `${n} producten, s`] as [string, string]),
    );
    const m = (n: number) => median(times[n]!);
    // The rule: what one more product costs must not grow with the edition. Total / products falls
    // with size (the fixed costs — start-up, Part I, method — spread over more products), so it is
    // printed but not judged; the marginal cost per product (the slope 8→20, then 20→40) is: the
    // second slope at most 20 % above the first.
    const slopes = [(m(20) - m(8)) / 12, (m(40) - m(20)) / 20] as const;
    const growth = slopes[1] / slopes[0] - 1;
    for (const n of sizes) target({ target: `schaal: ${n} producten, totaal / producten (vaste kosten inbegrepen)`, goal: '—', values: times[n]!.map((t) => t / n), unit: 's', holds: null });
    target({
      target: 'schaal: kosten per extra product, 8→20 en 20→40 producten',
      goal: 'groeit ≤ 20 %',
      values: [],
      unit: 's',
      holds: growth <= 0.2,
      note: `${slopes.map((a) => nl(a, 's')).join(' en ')}: ${growth >= 0 ? '+' : '−'}${Math.abs(Math.round(growth * 100))} %`,
    });
    rmSync(dir, { recursive: true, force: true });
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
  if (!only || only === 'pages') {
    // Not timings: nothing may change on the page. Every page of 2018 as PNG at 60 dpi (pdftoppm)
    // against a build of BENCH_BASE_REV (default HEAD: the last commit against the working tree),
    // the tagged structure likewise; two builds byte for byte; and tagged against untagged.
    const edition = join(ROOT, 'content/2018/edition.yaml');
    const compare = (mode: string[]) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/compare-pages.ts'), edition, ...mode], { cwd: ROOT, encoding: 'utf8' });
      if (r.status === 2 || !r.stdout.trim()) throw new Error(`compare-pages ${mode.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as { pages: number; differing: number; differingPages: number[]; sameStructure: boolean; sameBytes: boolean };
    };
    const rev = process.env.BENCH_BASE_REV ?? 'HEAD';
    const base = compare(['--rev', rev]);
    const twice = compare(['--twice']);
    const plain = compare(['--untagged']);
    const pages = (c: typeof base) => `${c.differing} van ${c.pages} pagina's verschillen${c.differing ? ` (${c.differingPages.join(', ')})` : ''}`;
    console.log(`\nPagina's 2018 tegen ${rev}: ${pages(base)}; structuur ${base.sameStructure ? 'gelijk' : 'VERSCHILLEND'}.`);
    console.log(`Twee builds: ${twice.sameBytes ? 'byte voor byte gelijk' : 'VERSCHILLEND'}. Getagd tegen ongetagd: ${pages(plain)}.`);
    target({ target: `pagina's gelijk aan ${rev} (PNG, 60 dpi)`, goal: '0 verschillend', values: [], unit: '', holds: base.differing === 0, note: pages(base) });
    target({ target: `getagde structuur gelijk aan ${rev}`, goal: 'gelijk', values: [], unit: '', holds: base.sameStructure });
    target({ target: 'twee builds byte voor byte gelijk', goal: 'gelijk', values: [], unit: '', holds: twice.sameBytes });
    target({ target: 'getagd tegen ongetagd (PNG, 60 dpi)', goal: '0 verschillend', values: [], unit: '', holds: plain.differing === 0, note: pages(plain) });
  }
  if (!only || only === 'watch') {
    // eindrapport watch: one process per run, a first build and the rebuild after one edit.
    const samples = Array.from({ length: RUNS }, () => runInChild('bench/watch-rebuild.ts', [join(ROOT, 'content/2018/edition.yaml')]));
    report('watch: herbouw na het wijzigen van één tekst of van de data van één product (2018)', samples, [
      ['rebuildSeconds', 'herbouw na één tekstwijziging, s'],
      ['secondRebuildSeconds', 'herbouw na een tweede wijziging, s'],
      ['dataRebuildSeconds', 'herbouw na een gewijzigd antwoord, s'],
      ['firstBuildSeconds', 'eerste build (lege cache), s'],
      ['checkSeconds', 'check in het proces (koud), s'],
      ['pages', "pagina's"],
      ['peakRssMB', 'piekgeheugen (RSS), MB'],
    ]);
    target({ target: 'watch: één tekstwijziging → nieuwe PDF', goal: '≤ 0,5 s', values: samples.map((x) => x.rebuildSeconds!), unit: 's', max: 0.5 });
    target({ target: 'watch: data van één product gewijzigd → nieuwe PDF', goal: '≤ 1,0 s', values: samples.map((x) => x.dataRebuildSeconds!), unit: 's', max: 1 });
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
    target({ target: 'preview: opslaan → bijgewerkte pagina', goal: '≤ 0,3 s', values: r.updates, unit: 's', max: 0.3 });
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
  printSummary();
  return 0;
}
