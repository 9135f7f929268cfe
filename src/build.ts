import { join, resolve } from 'node:path';
import { buildModel, type BuildProgress } from './report-model.ts';
import type { SurveyCache } from './analyse/survey-cache.ts';
import type { ChartKinds } from './model/chart-kinds/registry.ts';
import type { Survey } from './load/survey.ts';
import type { Aggregates } from './analyse/aggregate-types.ts';
import type { ReportModel } from './model/report-types.ts';
import type { ReportTemplates } from './load/report-templates.ts';

// The model half of the pipeline lives in report-model.ts so tools that need no PDF (check, diff)
// do not load the renderer; build re-exports it for callers of the whole pipeline.
export { buildModel, previousEdition, REPORT_TEMPLATES, type BuildProgress, type ModelOptions, type Stage } from './report-model.ts';
import { renderChartDrawings, type ChartCache } from './render/chart-images.ts';
import { pdfDocument } from './render/pdf/document.ts';
import { CONTENT_WIDTH } from './render/pdf/styles.ts';
import { renderPdf } from './render/pdf/write-pdf.ts';
import { modelJson } from './render/json.ts';
import { writeOutputsTogether } from './output/write-together.ts';
import { surveyWarnings } from './analyse/survey-warnings.ts';
import type { InputProblem } from './load/input-error.ts';
import { HTML_EDITION_FILE, renderHtmlEdition } from './render/html/edition.ts';
import { chartRendererVersion } from './render/charts/renderer-version.ts';
import { readChartCache, readShapingCache, readTemplateCache, writeChartCache, writeShapingCache, writeTemplateCache, type ShapedText } from './output/chart-cache.ts';
import { addStoredTemplates, compiledTemplateCount, templateVersion, usedTemplates } from './model/narrative/render-snippet.ts';
import { ShapingSession, shapingVersion } from './render/patches/pdfkit-shaping-cache.ts';
import { inputMemoCounts } from './load/input-memo.ts';
import { addStoredTextWidths, textWidthsMeasured, usedTextWidths } from './render/charts/text-metrics.ts';

/**
 * Reused between builds in watch mode: what did not change is not recomputed. The loaded and
 * analysed editions (see SurveyCache), and `charts`: every chart of the last build (PDF drawings, web SVG), by spec.
 */
export interface BuildCache extends SurveyCache {
  charts: ChartCache;
  /** The web edition of the last build (index.html), written beside a new PDF until the new one is made. */
  html?: string;
  /** The caches on disk as the first build of this series read them (and as it wrote them since). */
  stored?: StoredCaches;
}

/**
 * The compiled templates and shaped text kept on disk (src/output/chart-cache.ts) with the
 * versions they are valid for: read by the first build of a series (watch), not on every rebuild
 * (the text file is megabytes of JSON after a full build).
 */
interface StoredCaches {
  templatesVersion: string;
  templates: [string, string][];
  rendererVersion: string;
  textVersion: string;
  shaped: ShapedText;
}

/** An empty cache for a series of builds of one edition. */
export function createBuildCache(): BuildCache {
  return { charts: new Map() };
}

export interface BuildResult {
  pdfPath: string;
  jsonPath: string;
  /** The web edition: output/eindrapport-<year>/index.html. */
  htmlPath: string;
  pages: number;
  charts: number;
  /** Drawings (PDF) and SVGs (web) of this build taken from the cache, and drawn anew. */
  chartCache: { hits: number; misses: number };
  /** Loaded and analysed inputs (edition and data, narrative, fixed texts) taken from the cache on disk, and read anew. */
  inputCache: { hits: number; misses: number };
  bytes: number;
  /** What load and analysis noticed without stopping (e.g. an unknown Status, answers outside the routing). */
  warnings: InputProblem[];
}

export interface BuildOptions {
  editionFile: string;
  outDir: string;
  progress?: BuildProgress;
  cache?: BuildCache;
  /** Overrides the edition's publication date (SOURCE_DATE_EPOCH, in seconds). */
  sourceDateEpoch?: number;
  /** The chart kinds to build and draw with (src/model/chart-kinds/registry.ts); the built-in ones by default. */
  chartKinds?: ChartKinds;
  /**
   * The model of this edition as `check` has just built it without errors (watch): the build
   * renders it instead of building it again.
   */
  model?: { model: ReportModel; survey: Survey; aggregates: Aggregates; templates: ReportTemplates };
  /** Take the layout of unchanged chapters from the previous build in this process (watch). */
  reuseLayout?: boolean;
  /**
   * Called as soon as the PDF is written (watch: "PDF bijgewerkt"), when the cache holds the web
   * edition of the build before: the new PDF and JSON are first written beside that one, then,
   * when the new web edition is made, all three together again. The build's promise resolves then.
   */
  onPdf?: (result: BuildResult) => void;
}

/** The whole pipeline: load → analyse → model → render (charts, PDF, JSON, web edition) → write atomically. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const stored = storedCaches(opts);
  const { templatesVersion, rendererVersion, textVersion, shaped } = stored;
  const compiledBefore = compiledTemplateCount();
  const inputsBefore = inputMemoCounts();
  const { model, survey, aggregates, templates } = opts.model ?? buildModel(opts.editionFile, { progress: opts.progress, cache: opts.cache, chartKinds: opts.chartKinds });
  opts.progress?.stage('grafieken');
  // Charts of the last build: in memory (watch), or on disk for a first build.
  const previous = opts.cache?.charts.size ? opts.cache.charts : readChartCache(opts.editionFile, rendererVersion);
  const measuredBefore = textWidthsMeasured();
  const used = new UsedKeys(previous);
  const charts = await renderChartDrawings(
    model,
    { width: CONTENT_WIDTH, decimals: survey.edition.rounding.chart_decimals },
    (done, total) => opts.progress?.chart(done, total),
    used,
    opts.chartKinds,
  );
  opts.progress?.stage('pdf');
  const creationDate =
    opts.sourceDateEpoch !== undefined ? new Date(opts.sourceDateEpoch * 1000) : new Date(`${survey.edition.published}T12:00:00Z`);
  // A build that replays chapters' layout (watch) does not write the shaped words: it need not record them.
  const shaping = new ShapingSession(shaped.words, !opts.reuseLayout);
  const pdf = await renderPdf(pdfDocument(model, { charts, creationDate, tocTitle: templates.chapters.toc, tocEntry: templates.document.toc_entry, reuseLayout: opts.reuseLayout }), shaping);
  const name = `eindrapport-${survey.edition.year}`;
  const base = join(resolve(opts.outDir), name);
  const json = { name: `${name}.json`, data: modelJson(model) };
  const pdfFile = { name: `${name}.pdf`, data: pdf };
  const htmlName = `${name}/${HTML_EDITION_FILE}`;
  const pages = countPages(pdf);
  const warnings = surveyWarnings(survey, aggregates);
  // Called when the PDF is out and again at the end: only the chart cache's counts change between.
  const result = (): BuildResult => ({
    pdfPath: `${base}.pdf`,
    jsonPath: `${base}.json`,
    htmlPath: join(base, HTML_EDITION_FILE),
    pages,
    charts: charts.size,
    chartCache: { hits: used.hits, misses: used.misses },
    inputCache: inputsSince(inputsBefore),
    bytes: pdf.length,
    warnings,
  });
  if (opts.onPdf && opts.cache?.html !== undefined) {
    // The new PDF (and JSON) now, beside the web edition of the build before; all three anew below.
    opts.progress?.stage('schrijven');
    writeOutputsTogether(opts.outDir, [json, { name: htmlName, data: opts.cache.html }, pdfFile], undefined, { keepPrevious: true });
    opts.onPdf(result());
    // Whoever waits for the PDF hears of it before the web edition is made.
    await new Promise((r) => setImmediate(r));
  }
  const decimals = survey.edition.rounding.chart_decimals;
  const html = await renderHtmlEdition(model, { decimals, cache: used, ...(opts.chartKinds ? { chartKinds: opts.chartKinds } : {}) });
  // Keep only the charts of this build, so a long watch session does not collect old versions.
  const kept = used.kept();
  if (opts.cache) {
    opts.cache.charts = kept;
    opts.cache.html = html.html;
  }
  if (used.misses > 0 || kept.size !== previous.size) writeChartCache(opts.editionFile, rendererVersion, kept);
  // The templates, once the PDF (tags) and the web edition (its page) have used theirs too.
  const compiled = usedTemplates();
  if (compiledTemplateCount() > compiledBefore || compiled.length !== stored.templates.length) {
    writeTemplateCache(opts.editionFile, templatesVersion, compiled);
    stored.templates = compiled;
  }
  // The shaped text, once the web edition has measured its chart labels too. A build that replayed
  // chapters' layout (watch) did not see all of their words: it leaves the file as it is.
  const widths = usedTextWidths();
  if (!opts.reuseLayout && (shaping.misses > 0 || textWidthsMeasured() > measuredBefore || widths.length !== shaped.widths.length)) {
    writeShapingCache(opts.editionFile, textVersion, (stored.shaped = { words: shaping.used, widths }));
  }
  opts.progress?.stage('schrijven');
  // Together or not at all: a full disk or a kill never leaves a new JSON beside an old PDF.
  writeOutputsTogether(opts.outDir, [json, { name: htmlName, data: html.html }, pdfFile]);
  return result();
}

/** Inputs taken from the cache on disk and read anew since `before`. */
function inputsSince(before: { hits: number; misses: number }): { hits: number; misses: number } {
  const now = inputMemoCounts();
  return { hits: now.hits - before.hits, misses: now.misses - before.misses };
}

/**
 * The caches on disk for this edition, read and added to what this process knows (templates,
 * chart text widths) once per series of builds and versions: a watch rebuild reuses what the
 * first read, and what the builds since wrote.
 */
function storedCaches(opts: BuildOptions): StoredCaches {
  const templatesVersion = templateVersion();
  const rendererVersion = chartRendererVersion();
  const textVersion = `${rendererVersion} ${shapingVersion()}`;
  // The versions are cheap to compute; a reloaded chart theme (its number locale) changes one.
  const known = opts.cache?.stored;
  if (known && known.templatesVersion === templatesVersion && known.textVersion === textVersion) return known;
  // The templates (narrative, fixed texts, web page) as the last build compiled them: not parsed and compiled again.
  const templates = readTemplateCache(opts.editionFile, templatesVersion);
  addStoredTemplates(templates);
  // Text shaped by the last build (chart labels measured, words laid out in the PDF): not shaped again.
  const shaped = readShapingCache(opts.editionFile, textVersion);
  addStoredTextWidths(shaped.widths);
  const stored = { templatesVersion, templates, rendererVersion, textVersion, shaped };
  if (opts.cache) opts.cache.stored = stored;
  return stored;
}

type ChartEntry = ChartCache extends Map<string, infer V> ? V : never;

/** The chart cache as the chart renderers see it: remembers which entries this build used. */
export class UsedKeys extends Map<string, ChartEntry> {
  private readonly used = new Map<string, ChartEntry>();
  /** Charts found in the cache, and charts drawn and stored. */
  hits = 0;
  misses = 0;

  constructor(private readonly previous: ChartCache) {
    super();
  }

  override get(key: string): ChartEntry | undefined {
    const img = this.previous.get(key) ?? this.used.get(key);
    if (img) {
      this.used.set(key, img);
      this.hits++;
    }
    return img;
  }

  override set(key: string, img: ChartEntry): this {
    this.used.set(key, img);
    this.misses++;
    return this;
  }

  override has(key: string): boolean {
    return this.previous.has(key) || this.used.has(key);
  }

  kept(): ChartCache {
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
