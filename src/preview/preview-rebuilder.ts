import { UsedKeys } from '../build.ts';
import { checkEdition } from '../check/check-edition.ts';
import { InputError, type InputProblem } from '../load/input-error.ts';
import type { ReportModel } from '../model/report-types.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { readFileSync } from 'node:fs';
import { reloadChartTheme, THEME_FILE } from '../render/charts/theme.ts';
import { htmlEditionPath, renderHtmlEdition } from '../render/html/edition.ts';
import type { HtmlPage } from '../render/html/document.ts';
import { internal, Rebuilder, type RebuildOutcome } from '../watch/rebuilder.ts';
import type { Rebuilding } from '../watch/watcher.ts';

/** What the open pages must do after a rebuild. */
export type PageUpdate =
  /** Replace these units (cover, a part or chapter heading with its introduction, a section). */
  | { kind: 'units'; from: number; version: number; units: { id: string; html: string }[] }
  /** The structure changed (a heading, the table of contents, the styles): load the page again, then mark `ids`. */
  | { kind: 'page'; from: number; version: number; ids: string[] };

export type PreviewOutcome =
  | { ok: true; changed: string[]; seconds: number; update: PageUpdate; warnings: InputProblem[]; htmlPath: string }
  | { ok: false; changed: string[]; seconds: number; problems: InputProblem[]; errors: number };

/** Above this many drawn charts in the cache, keep only those of the last page. */
const MAX_CACHED_CHARTS = 3000;

/**
 * `eindrapport preview`'s rebuild: check the edition (the same messages as `eindrapport check`),
 * then the model's web edition only — no PDF. The PDF is made on request, in the same queue, by
 * the same Rebuilder `watch` uses, sharing the cache (data, aggregates, drawn charts).
 */
export class PreviewRebuilder implements Rebuilding<PreviewOutcome> {
  readonly pdf: Rebuilder;
  /** The last good page; the server serves it, failed rebuilds leave it alone. */
  page: HtmlPage | null = null;
  version = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** The chart theme file as this process last read it. */
  private themeText = readFileSync(THEME_FILE, 'utf8');

  constructor(
    readonly editionFile: string,
    readonly outDir: string,
    sourceDateEpoch?: number,
  ) {
    this.pdf = new Rebuilder(editionFile, outDir, sourceDateEpoch);
  }

  get cache() {
    return this.pdf.cache;
  }

  rebuild(changed: string[] = []): Promise<PreviewOutcome> {
    return this.serially(() => this.rebuildNow(changed));
  }

  /** The whole report: check, charts, PDF, JSON and web edition (`build`), after what is queued. */
  buildPdf(): Promise<RebuildOutcome> {
    return this.serially(() => this.pdf.rebuild());
  }

  watchedPaths(): string[] {
    return this.pdf.watchedPaths();
  }

  /** Checks and renders once more, in memory, so the editor's first save finds the code warm. */
  async warmUp(): Promise<void> {
    await this.serially(async () => {
      try {
        const model = this.check().model;
        if (model) await this.render(model);
      } catch {
        // Only a warm-up.
      }
    });
  }

  private serially<T>(job: () => Promise<T>): Promise<T> {
    const result = this.queue.then(job);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private check(): { problems: InputProblem[]; errors: number; model: ReportModel | null } {
    return checkEdition(this.editionFile, { cache: this.cache });
  }

  private async render(model: ReportModel): Promise<HtmlPage> {
    const decimals = this.cache.survey!.survey.edition.rounding.chart_decimals;
    const used = new UsedKeys(this.cache.charts);
    const page = await renderHtmlEdition(model, { decimals, cache: used });
    // The drawn charts of the PDF stay for the next PDF; a long session with many data changes
    // would otherwise collect old versions.
    if (this.cache.charts.size > MAX_CACHED_CHARTS) this.cache.charts = used.kept();
    else for (const [key, img] of used.kept()) this.cache.charts.set(key, img);
    return page;
  }

  private async rebuildNow(changed: string[]): Promise<PreviewOutcome> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const fail = (problems: InputProblem[]): PreviewOutcome => ({
      ok: false,
      changed,
      seconds: seconds(),
      problems,
      errors: problems.filter((p) => p.severity === 'error').length,
    });
    try {
      const check = this.check();
      if (check.errors || !check.model) return fail(check.problems);
      // An edited chart theme (check has just read it and found it sound) applies from now on.
      const themeText = readFileSync(THEME_FILE, 'utf8');
      if (themeText !== this.themeText) {
        reloadChartTheme();
        this.themeText = themeText;
      }
      const model = check.model;
      const page = await this.render(model);
      const htmlPath = htmlEditionPath(this.outDir, model.edition.year);
      writeFileAtomic(htmlPath, page.html);
      const update = this.update(page);
      this.page = page;
      return { ok: true, changed, seconds: seconds(), update, warnings: check.problems, htmlPath };
    } catch (e) {
      return fail(e instanceof InputError ? e.problems : [internal(e)]);
    }
  }

  /** What changed since the page the browsers show. */
  private update(page: HtmlPage): PageUpdate {
    const from = this.version;
    const version = ++this.version;
    const before = this.page;
    const changed = [...page.units].filter(([id, html]) => before?.units.get(id) !== html).map(([id]) => id);
    if (before && before.skeleton === page.skeleton) {
      return { kind: 'units', from, version, units: changed.map((id) => ({ id, html: page.units.get(id)! })) };
    }
    return { kind: 'page', from, version, ids: before ? changed : [] };
  }
}
