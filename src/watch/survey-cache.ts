import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, problem } from '../load/input-error.ts';
import type { PreviousEdition } from '../analyse/previous-edition.ts';
import { loadSurvey, type DataSource, type Survey } from '../load/survey.ts';
import { aggregateSurvey } from '../analyse/aggregate.ts';
import type { Aggregates } from '../analyse/aggregate-types.ts';
import type { BuildCache } from '../report-model.ts';

/**
 * The survey (edition, questionnaire, data) and its aggregates, reused while edition.yaml, the
 * questionnaire and the data file keep the same content. Used by build, check and watch; this
 * module does not load the renderer, so `check` stays fast.
 */
export function loadSurveyCached(
  editionFile: string,
  cache?: Pick<BuildCache, 'survey' | 'previous'>,
  onStage?: (stage: 'laden' | 'analyseren') => void,
  slot: 'survey' | 'previous' = 'survey',
  dataSource?: DataSource,
): { survey: Survey; aggregates: Aggregates; reused: boolean } {
  const cached = cache?.[slot];
  if (cached) {
    const e = cached.survey.edition;
    if (contentKey([editionFile, e.questionnairePath, e.dataPath]) === cached.key) return { ...cached, reused: true };
  }
  onStage?.('laden');
  const survey = loadSurvey(editionFile, dataSource);
  onStage?.('analyseren');
  const aggregates = aggregateSurvey(survey);
  if (cache) cache[slot] = { key: contentKey([editionFile, survey.edition.questionnairePath, survey.edition.dataPath]), survey, aggregates };
  return { survey, aggregates, reused: false };
}

/**
 * The edition named as `previous_edition` in edition.yaml, loaded and analysed (and cached like
 * this year's): content/<year>/ beside this edition.
 */
export function loadPreviousEdition(survey: Survey, cache?: Pick<BuildCache, 'survey' | 'previous'>, dataSource?: DataSource): PreviousEdition | undefined {
  const year = survey.edition.previous_edition;
  if (year === null) return undefined;
  const file = join(survey.edition.dir, '..', String(year), 'edition.yaml');
  if (!existsSync(file)) {
    throw new InputError(
      problem({ file: survey.edition.file }, `de vorige editie ${year} bestaat niet (verwacht ${file}).`, 'Corrigeer previous_edition in edition.yaml of laat het leeg (null).'),
    );
  }
  const before = loadSurveyCached(file, cache, undefined, 'previous', dataSource);
  if (before.survey.edition.year !== year) {
    throw new InputError(
      problem(
        { file: before.survey.edition.file },
        `deze editie heeft jaar ${before.survey.edition.year}, maar ${survey.edition.file} noemt haar als vorige editie ${year}.`,
        'Corrigeer het jaar in deze edition.yaml of previous_edition in de nieuwe editie.',
      ),
    );
  }
  return { year, questionnaire: before.survey.questionnaire, aggregates: before.aggregates };
}

/** A hash over the paths and contents of the files; a missing file hashes as missing. */
export function contentKey(paths: string[]): string {
  const h = createHash('sha1');
  for (const p of paths) {
    const abs = resolve(p);
    h.update(abs).update('\0');
    try {
      h.update(readFileSync(abs));
    } catch {
      h.update('\0missing\0');
    }
    h.update('\0');
  }
  return h.digest('hex');
}
