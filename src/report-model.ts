import { fileURLToPath } from 'node:url';
import type { DataSource, Survey } from './load/survey.ts';
import { loadNarrative } from './load/content.ts';
import { loadReportTemplates, type ReportTemplates } from './load/report-templates.ts';
import { loadPreviousEdition, loadSurveyCached, type SurveyCache } from './analyse/survey-cache.ts';
import type { Aggregates } from './analyse/aggregate-types.ts';
import type { PreviousEdition } from './analyse/previous-edition.ts';
import { buildReportModel } from './model/build-model.ts';
import { themeProblems } from './model/chart-kinds/theme-colours.ts';
import { THEME_FILE, loadChartTheme } from './load/chart-theme.ts';
import { InputError } from './load/input-error.ts';
import { displayPath } from './load/yaml-file.ts';
import type { ReportModel } from './model/report-types.ts';
import type { ChartKinds } from './model/chart-kinds/registry.ts';

/**
 * The model half of the pipeline — load → analyse → model — without the renderer, so `check` and
 * `diff` stay fast. `build.ts` adds the render stage.
 */

export const REPORT_TEMPLATES = fileURLToPath(new URL('../templates/report.yaml', import.meta.url));

export type Stage = 'laden' | 'analyseren' | 'model' | 'grafieken' | 'pdf' | 'schrijven';

export interface BuildProgress {
  stage(stage: Stage): void;
  chart(done: number, total: number): void;
}

export interface ModelOptions {
  progress?: BuildProgress;
  /** Reuse loaded and analysed editions between builds (watch). */
  cache?: SurveyCache;
  /** templates/report.yaml, or another file (a revision's, in diff; tests). */
  templatesFile?: string;
  /** Where the edition's files are read from (a git revision, in diff); the disk by default. */
  dataSource?: DataSource;
  /** templates/charts/theme.json, or another file. */
  themeFile?: string;
  /** The chart kinds to build with; the built-in ones by default. */
  chartKinds?: ChartKinds;
}

/** The model of an edition, without rendering: load → analyse → model. */
export function buildModel(editionFile: string, options: ModelOptions = {}): { model: ReportModel; survey: Survey; aggregates: Aggregates; templates: ReportTemplates } {
  const { progress, cache, dataSource, chartKinds } = options;
  const templatesFile = options.templatesFile ?? REPORT_TEMPLATES;
  const themeFile = options.themeFile ?? THEME_FILE;
  const { survey, aggregates } = loadSurveyCached(editionFile, cache, (stage) => progress?.stage(stage), 'survey', dataSource);
  const themeIssues = themeProblems(loadChartTheme(themeFile), survey.questionnaire, displayPath(themeFile), chartKinds);
  if (themeIssues.length) throw new InputError(themeIssues);
  const narrative = loadNarrative(survey.edition.dir, survey.edition.products.map((p) => p.key));
  const templates = loadReportTemplates(templatesFile);
  progress?.stage('model');
  const previous = previousEdition(survey, cache, dataSource);
  const { model, problems } = buildReportModel({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, narrative, templates, previous, ...(chartKinds ? { chartKinds } : {}) });
  // A report is only written without mistakes: every one is reported at once.
  if (problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  return { model, survey, aggregates, templates };
}

/** The edition named as `previous_edition`, loaded and analysed: content/<year>/ beside this one. */
export function previousEdition(survey: Survey, cache?: SurveyCache, dataSource?: DataSource): PreviousEdition | undefined {
  return loadPreviousEdition(survey, cache, dataSource);
}
