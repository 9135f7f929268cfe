import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatNumber } from '../analyse/dutch-number.ts';
import { formatProblem } from '../load/input-error.ts';
import { displayPath } from '../load/yaml-file.ts';
import { HTML_TEMPLATES } from '../render/html/assets.ts';
import { htmlEditionPath } from '../render/html/edition.ts';
import { watchAndRebuild, type Watcher } from '../watch/watcher.ts';
import { PreviewRebuilder, type PreviewOutcome } from './preview-rebuilder.ts';
import { startPreviewServer, type PreviewServer } from './server.ts';

/**
 * `eindrapport preview`: the web edition on http://127.0.0.1:<port>/, kept up to date while the
 * editor works. Every change to content, questionnaire, data or templates rebuilds the model and
 * the page only; open pages replace what changed, scroll to it and mark it. A mistake shows in the
 * page with the messages of `eindrapport check`, over the last good page, until it is fixed.
 */
export interface PreviewOptions {
  editionFile: string;
  outDir: string;
  /** 0: any free port. */
  port: number;
  print: (s: string) => void;
  debounceMs?: number;
  sourceDateEpoch?: number;
  onRebuild?: (outcome: PreviewOutcome) => void;
}

export interface Preview {
  /** Resolves with the address once the first build is done and the server listens. */
  ready: Promise<string>;
  rebuilder: PreviewRebuilder;
  close(): Promise<void>;
}

/** Problems as the page shows them: exactly the lines `eindrapport check` prints. */
interface ProblemsEvent {
  errors: number;
  messages: string[];
}

export function startPreview(opts: PreviewOptions): Preview {
  const rebuilder = new PreviewRebuilder(opts.editionFile, opts.outDir, opts.sourceDateEpoch);
  let server: PreviewServer | null = null;
  let problems: ProblemsEvent | null = null;
  let pdfBusy = false;
  let closed = false;

  const onRebuild = (outcome: PreviewOutcome) => {
    if (outcome.ok) {
      problems = null;
      server?.broadcast('update', outcome.update);
    } else {
      problems = { errors: outcome.errors, messages: outcome.problems.map(formatProblem) };
      server?.broadcast('problems', problems);
    }
    opts.onRebuild?.(outcome);
  };

  const buildPdf = () => {
    if (pdfBusy || closed) return;
    pdfBusy = true;
    server?.broadcast('pdf', { state: 'busy', message: 'PDF wordt gemaakt …' });
    opts.print('PDF maken op verzoek …');
    void rebuilder.buildPdf().then((outcome) => {
      pdfBusy = false;
      const message = outcome.ok
        ? `PDF bijgewerkt om ${new Date().toLocaleTimeString('nl-NL')}: ${displayPath(outcome.result.pdfPath)} (${outcome.result.pages} pagina's).`
        : `De PDF is niet gemaakt: ${outcome.errors === 1 ? '1 fout' : `${outcome.errors} fouten`} (zie de melding in de pagina).`;
      opts.print(message);
      server?.broadcast('pdf', { state: outcome.ok ? 'done' : 'failed', message });
    });
  };

  let watcher: Watcher<PreviewRebuilder> | null = null;
  const ready = (async () => {
    watcher = watchAndRebuild(rebuilder, {
      outDir: opts.outDir,
      print: opts.print,
      report,
      onRebuild,
      debounceMs: opts.debounceMs ?? 30,
    });
    await watcher.ready;
    server = await startPreviewServer({
      root: () => {
        const year = rebuilder.cache.survey?.survey.edition.year;
        return year !== undefined ? dirname(htmlEditionPath(opts.outDir, year)) : null;
      },
      port: opts.port,
      page: () => withPreviewScript(rebuilder.page?.html ?? NO_PAGE_YET, rebuilder.version),
      greeting: () => [{ event: 'state', data: { version: rebuilder.version, problems } }],
      onPdfRequest: buildPdf,
    });
    opts.print(`Voorbeeld: ${server.url} (alleen op deze computer). Stoppen: Ctrl+C.`);
    return server.url;
  })();

  return {
    ready,
    rebuilder,
    async close() {
      closed = true;
      await ready.catch(() => {});
      await watcher?.close();
      await server?.close();
    },
  };
}

/** Until the first good build: an empty page that shows the problems and loads the report when they are fixed. */
const NO_PAGE_YET =
  '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Voorbeeld – nog geen goede versie</title></head>\n' +
  '<body><main><h1>Nog geen goede versie van het rapport</h1><p>Zodra de fouten zijn verbeterd, verschijnt het rapport hier vanzelf.</p></main></body>\n</html>\n';

/** The page as the preview serves it: its version on <html>, the preview's styles and script before </body>. */
export function withPreviewScript(html: string, version: number): string {
  const css = readFileSync(`${HTML_TEMPLATES}preview.css`, 'utf8');
  const js = readFileSync(`${HTML_TEMPLATES}preview-client.js`, 'utf8');
  const tagged = html.replace(/^(<!doctype html>\s*<html\b[^>]*?)>/i, `$1 data-preview-version="${version}">`);
  const end = tagged.lastIndexOf('</body>');
  return `${tagged.slice(0, end)}<style>\n${css}</style>\n<script>\n${js}</script>\n${tagged.slice(end)}`;
}

/** A rebuild in the terminal, in a line or a few. */
function report(outcome: PreviewOutcome, print: (s: string) => void): void {
  if (outcome.ok) {
    for (const w of outcome.warnings) print(formatProblem(w));
    const u = outcome.update;
    const what = u.kind === 'page' ? 'hele pagina' : u.units.length === 1 ? '1 onderdeel' : `${u.units.length} onderdelen`;
    print(`Webeditie bijgewerkt in ${formatNumber(outcome.seconds, 2)} s (${what}): ${displayPath(outcome.htmlPath)}.`);
    return;
  }
  for (const p of outcome.problems) print(formatProblem(p));
  const errors = outcome.errors === 1 ? '1 fout' : `${outcome.errors} fouten`;
  print(`${errors}; de pagina toont de laatste goede versie met de melding erboven. Sla het bestand na de correctie opnieuw op.`);
}
