import { fileURLToPath } from 'node:url';
import type { DataSource, Survey } from './load/survey.ts';
import { loadNarrative } from './load/content.ts';
import { loadReportTemplates } from './load/report-templates.ts';
import { loadPreviousEdition, loadSurveyCached, type SurveyCache } from './analyse/survey-cache.ts';
import type { Aggregates } from './analyse/aggregate-types.ts';
import type { PreviousEdition } from './analyse/previous-edition.ts';
import { buildReportModel } from './model/build-model.ts';
import { THEME_FILE, loadChartTheme, themeProblems } from './load/chart-theme.ts';
import { InputError } from './load/input-error.ts';
import { displayPath } from './load/yaml-file.ts';
import type { ReportModel } from './model/report-types.ts';

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

/** The model of an edition, without rendering: load → analyse → model. */
export function buildModel(
  editionFile: string,
  progress?: BuildProgress,
  cache?: SurveyCache,
  templatesFile: string = REPORT_TEMPLATES,
  dataSource?: DataSource,
  themeFile: string = THEME_FILE,
): { model: ReportModel; survey: Survey; aggregates: Aggregates } {
  const { survey, aggregates } = loadSurveyCached(editionFile, cache, (stage) => progress?.stage(stage), 'survey', dataSource);
  const themeIssues = themeProblems(loadChartTheme(themeFile), survey.questionnaire, displayPath(themeFile));
  if (themeIssues.length) throw new InputError(themeIssues);
  const narrative = loadNarrative(survey.edition.dir, survey.edition.products.map((p) => p.key));
  const templates = loadReportTemplates(templatesFile);
  progress?.stage('model');
  const previous = previousEdition(survey, cache, dataSource);
  const { model, problems } = buildReportModel({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, narrative, templates, previous });
  // A report is only written without mistakes: every one is reported at once.
  if (problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  return { model, survey, aggregates };
}

/** The edition named as `previous_edition`, loaded and analysed: content/<year>/ beside this one. */
export function previousEdition(survey: Survey, cache?: SurveyCache, dataSource?: DataSource): PreviousEdition | undefined {
  return loadPreviousEdition(survey, cache, dataSource);
}
