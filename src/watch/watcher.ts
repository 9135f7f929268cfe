import { basename, resolve, sep } from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { formatNumber } from '../analyse/dutch-number.ts';
import { formatProblem } from '../load/input-error.ts';
import { displayPath } from '../load/yaml-file.ts';
import { Rebuilder, type RebuildOutcome } from './rebuilder.ts';

export interface WatchOptions {
  editionFile: string;
  outDir: string;
  /** Where messages go (one or more lines at a time). */
  print: (s: string) => void;
  /** Called after every (re)build, also the first. */
  onRebuild?: (outcome: RebuildOutcome) => void;
  /** Quiet time after the last change before rebuilding, in ms. */
  debounceMs?: number;
  sourceDateEpoch?: number;
  /** The chart theme; templates/charts/theme.json unless given (tests). */
  themeFile?: string;
}

export interface Watcher<R = Rebuilder> {
  /** Resolves when the first build is done and the files are being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
  rebuilder: R;
}

/** What a watch session rebuilds: the PDF (Rebuilder) or the web edition (preview). */
export interface Rebuilding<O extends { ok: boolean }> {
  rebuild(changed: string[]): Promise<O>;
  /** Runs once after the first good build, while the editor reads. */
  warmUp(): Promise<void>;
  /** Everything a rebuild reads; asked again after each rebuild. */
  watchedPaths(): string[];
}

export interface WatchLoopOptions<O> {
  /** Changes here are ignored (the output folder). */
  outDir: string;
  print: (s: string) => void;
  /** Tells what a rebuild did. */
  report: (outcome: O, print: (s: string) => void) => void;
  onRebuild?: (outcome: O) => void;
  debounceMs?: number;
}

/** Editor droppings: swap files, backups, lock files. */
const IGNORED_NAME = /^\.|~$|\.sw[a-p]$|\.tmp$|^#.*#$|^4913$/;

/**
 * `eindrapport watch`: builds once, then rebuilds whenever a file under the edition folder, the
 * templates, the questionnaire or the data file changes. Changes that arrive during a rebuild
 * lead to one more rebuild after it.
 */
export function startWatch(opts: WatchOptions): Watcher {
  const rebuilder = new Rebuilder(opts.editionFile, opts.outDir, opts.sourceDateEpoch, opts.themeFile);
  // "PDF bijgewerkt" as soon as the PDF is there; the web edition and JSON follow.
  rebuilder.pdfFirst = true;
  return watchAndRebuild(rebuilder, { outDir: opts.outDir, print: opts.print, report, onRebuild: opts.onRebuild, debounceMs: opts.debounceMs });
}

/** The watch loop itself, for any rebuilder: debounced, one rebuild at a time, editor droppings ignored. */
export function watchAndRebuild<O extends { ok: boolean }, R extends Rebuilding<O>>(rebuilder: R, opts: WatchLoopOptions<O>): Watcher<R> {
  const outDir = resolve(opts.outDir);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let warmedUp = false;
  let again = false;
  let closed = false;
  let watcher: FSWatcher | null = null;
  const watched = new Set<string>();

  const ignored = (path: string) => IGNORED_NAME.test(basename(path)) || resolve(path) === outDir || resolve(path).startsWith(outDir + sep);

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    const changed = [...pending].sort();
    pending.clear();
    running = (async () => {
      if (changed.length) opts.print(`\nGewijzigd: ${changed.map((p) => displayPath(p)).join(', ')}`);
      const outcome = await rebuilder.rebuild(changed);
      opts.report(outcome, opts.print);
      if (outcome.ok && !warmedUp) {
        warmedUp = true;
        await rebuilder.warmUp();
      }
      if (watcher && !closed) {
        for (const p of rebuilder.watchedPaths()) if (!watched.has(p)) {
          watched.add(p);
          watcher.add(p);
        }
      }
      opts.onRebuild?.(outcome);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
    if (again && !closed) {
      again = false;
      await run();
    }
  };

  const schedule = (path: string) => {
    if (closed || ignored(path)) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, opts.debounceMs ?? 100);
  };

  const ready = (async () => {
    await run();
    if (closed) return;
    for (const p of rebuilder.watchedPaths()) watched.add(p);
    watcher = chokidarWatch([...watched], { ignoreInitial: true, ignored });
    watcher.on('all', (event, path) => {
      if (event === 'add' || event === 'change' || event === 'unlink') schedule(path);
    });
    await new Promise<void>((res) => watcher!.once('ready', () => res()));
    const shown = [...watched].map((p) => displayPath(p) || '.').join(', ');
    opts.print(`Ik let op wijzigingen in: ${shown}. Stoppen: Ctrl+C.`);
  })();

  return {
    ready,
    rebuilder,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await ready.catch(() => {});
      await watcher?.close();
      await running;
    },
  };
}

/** What a rebuild did, in a few lines. */
export function report(outcome: RebuildOutcome, print: (s: string) => void): void {
  if (outcome.ok) {
    for (const w of outcome.warnings) print(formatProblem(w));
    const r = outcome.result;
    const warnings = outcome.warnings.length ? ` (${outcome.warnings.length === 1 ? '1 waarschuwing' : `${outcome.warnings.length} waarschuwingen`})` : '';
    print(`PDF bijgewerkt in ${formatNumber(outcome.seconds, 1)} s${warnings}: ${displayPath(r.pdfPath)} (${r.pages} pagina's).`);
    return;
  }
  for (const p of outcome.problems) print(formatProblem(p));
  const errors = outcome.errors === 1 ? '1 fout' : `${outcome.errors} fouten`;
  const kept = outcome.lastGood ? `de laatste goede PDF blijft staan: ${displayPath(outcome.lastGood)}` : 'er is nog geen PDF gemaakt';
  print(`${errors}; de PDF is niet bijgewerkt, ${kept}. Sla het bestand na de correctie opnieuw op.`);
}
