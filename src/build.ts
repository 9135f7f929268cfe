import { join, resolve } from 'node:path';
import type { PreviousEdition } from './analyse/previous-edition.ts';
import { fileURLToPath } from 'node:url';
import type { Survey } from './load/survey.ts';
import { loadNarrative } from './load/content.ts';
import { loadReportTemplates } from './load/report-templates.ts';
import { loadPreviousEdition, loadSurveyCached } from './watch/survey-cache.ts';
import type { Aggregates } from './analyse/aggregate-types.ts';
import { buildReportModel } from './model/build-model.ts';
import type { ReportModel } from './model/report-types.ts';
import { renderChartImages } from './render/chart-images.ts';
import { pdfDocument, type ChartImage } from './render/pdf/document.ts';
import { CONTENT_WIDTH } from './render/pdf/styles.ts';
import { renderPdf } from './render/pdf/write-pdf.ts';
import { modelJson } from './render/json.ts';
import { writeFileAtomic } from './output/atomic-write.ts';

export const REPORT_TEMPLATES = fileURLToPath(new URL('../templates/report.yaml', import.meta.url));

export type Stage = 'laden' | 'analyseren' | 'model' | 'grafieken' | 'pdf' | 'schrijven';

export interface BuildProgress {
  stage(stage: Stage): void;
  chart(done: number, total: number): void;
}

export interface BuildResult {
  pdfPath: string;
  jsonPath: string;
  pages: number;
  charts: number;
  bytes: number;
}

/**
 * Reused between builds in watch mode: what did not change is not recomputed. `survey` is reused
 * while edition.yaml, the questionnaire and the data file have the same content (key: a hash of
 * their paths and contents); `charts` holds the SVG of every chart of the last build, by spec.
 */
export interface BuildCache {
  survey?: { key: string; survey: Survey; aggregates: Aggregates };
  /** The same for the edition named as previous_edition. */
  previous?: { key: string; survey: Survey; aggregates: Aggregates };
  charts: Map<string, ChartImage>;
}

/** An empty cache for a series of builds of one edition. */
export function createBuildCache(): BuildCache {
  return { charts: new Map() };
}

export interface BuildOptions {
  editionFile: string;
  outDir: string;
  progress?: BuildProgress;
  cache?: BuildCache;
  /** Overrides the edition's publication date (SOURCE_DATE_EPOCH, in seconds). */
  sourceDateEpoch?: number;
}

/** The model of an edition, without rendering: load → analyse → model. */
export function buildModel(editionFile: string, progress?: BuildProgress, cache?: BuildCache): { model: ReportModel; survey: Survey; aggregates: Aggregates } {
  const { survey, aggregates } = loadSurveyCached(editionFile, cache, (stage) => progress?.stage(stage));
  const narrative = loadNarrative(survey.edition.dir, survey.edition.products.map((p) => p.key));
  const templates = loadReportTemplates(REPORT_TEMPLATES);
  progress?.stage('model');
  const previous = previousEdition(survey, cache);
  const model = buildReportModel({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, narrative, templates, previous });
  return { model, survey, aggregates };
}

/** The edition named as `previous_edition`, loaded and analysed: content/<year>/ beside this one. */
export function previousEdition(survey: Survey, cache?: BuildCache): PreviousEdition | undefined {
  return loadPreviousEdition(survey, cache);
}

/** The whole pipeline: load → analyse → model → render (charts, PDF, JSON) → write atomically. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const { model, survey } = buildModel(opts.editionFile, opts.progress, opts.cache);
  opts.progress?.stage('grafieken');
  const used = opts.cache ? new UsedKeys(opts.cache.charts) : undefined;
  const charts = await renderChartImages(
    model,
    { width: CONTENT_WIDTH, decimals: survey.edition.rounding.chart_decimals },
    (done, total) => opts.progress?.chart(done, total),
    used,
  );
  // Keep only the charts of this build, so a long watch session does not collect old versions.
  if (opts.cache && used) opts.cache.charts = used.kept();
  opts.progress?.stage('pdf');
  const creationDate =
    opts.sourceDateEpoch !== undefined ? new Date(opts.sourceDateEpoch * 1000) : new Date(`${survey.edition.published}T12:00:00Z`);
  const pdf = await renderPdf(pdfDocument(model, { charts, creationDate, tocTitle: 'Inhoudsopgave' }));
  opts.progress?.stage('schrijven');
  const base = join(resolve(opts.outDir), `eindrapport-${survey.edition.year}`);
  // JSON first, PDF last: the PDF appears only when everything it was made from is written.
  writeFileAtomic(`${base}.json`, modelJson(model));
  writeFileAtomic(`${base}.pdf`, pdf);
  return { pdfPath: `${base}.pdf`, jsonPath: `${base}.json`, pages: countPages(pdf), charts: charts.size, bytes: pdf.length };
}

/** The chart cache as renderChartImages sees it: remembers which entries this build used. */
class UsedKeys extends Map<string, ChartImage> {
  private readonly used = new Map<string, ChartImage>();

  constructor(private readonly previous: Map<string, ChartImage>) {
    super();
  }

  override get(key: string): ChartImage | undefined {
    const img = this.previous.get(key) ?? this.used.get(key);
    if (img) this.used.set(key, img);
    return img;
  }

  override set(key: string, img: ChartImage): this {
    this.used.set(key, img);
    return this;
  }

  override has(key: string): boolean {
    return this.previous.has(key) || this.used.has(key);
  }

  kept(): Map<string, ChartImage> {
    return new Map(this.used);
  }
}

/** Page count from the PDF's page tree: /Type /Pages ... /Count N of the root. */
export function countPages(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)) max = Math.max(max, Number(m[1]));
  for (const m of text.matchAll(/\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) max = Math.max(max, Number(m[1]));
  return max;
}
