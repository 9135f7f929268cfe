import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSurvey, type Survey } from '../load/survey.ts';
import { aggregateSurvey } from '../analyse/aggregate.ts';
import type { Aggregates } from '../analyse/aggregate-types.ts';
import type { BuildCache } from '../build.ts';

/**
 * The survey (edition, questionnaire, data) and its aggregates, reused while edition.yaml, the
 * questionnaire and the data file keep the same content. Used by build, check and watch; this
 * module does not load the renderer, so `check` stays fast.
 */
export function loadSurveyCached(
  editionFile: string,
  cache?: Pick<BuildCache, 'survey'>,
  onStage?: (stage: 'laden' | 'analyseren') => void,
): { survey: Survey; aggregates: Aggregates; reused: boolean } {
  const cached = cache?.survey;
  if (cached) {
    const e = cached.survey.edition;
    if (contentKey([editionFile, e.questionnairePath, e.dataPath]) === cached.key) return { ...cached, reused: true };
  }
  onStage?.('laden');
  const survey = loadSurvey(editionFile);
  onStage?.('analyseren');
  const aggregates = aggregateSurvey(survey);
  if (cache) cache.survey = { key: contentKey([editionFile, survey.edition.questionnairePath, survey.edition.dataPath]), survey, aggregates };
  return { survey, aggregates, reused: false };
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
