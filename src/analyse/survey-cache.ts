import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, problem } from '../load/input-error.ts';
import type { PreviousEdition } from './previous-edition.ts';
import { loadSurvey, type DataSource, type Survey } from '../load/survey.ts';
import { aggregateSurvey, indexAggregates } from './aggregate.ts';
import type { Aggregates } from './aggregate-types.ts';
import { memoOnDisk } from '../load/input-memo.ts';

/** An analysed survey as kept on disk: the aggregates without their lookup, which is made again. */
const STORED = {
  pack: ({ survey, aggregates }: { survey: Survey; aggregates: Aggregates }) => ({ survey, records: aggregates.records, statistics: aggregates.statistics }),
  unpack: ({ survey, records, statistics }: { survey: Survey; records: Aggregates['records']; statistics: Aggregates['statistics'] }) => ({ survey, aggregates: indexAggregates(records, statistics) }),
};

/**
 * Loaded and analysed editions, reused between builds (watch) and by `check`: `survey` is reused
 * while edition.yaml, the questionnaire and the data file have the same content (key: a hash of
 * their paths and contents). The build's cache (src/build.ts) adds the rendered charts.
 */
export interface SurveyCache {
  survey?: CachedSurvey;
  /** The same for the edition named as previous_edition. */
  previous?: CachedSurvey;
}

export interface CachedSurvey {
  key: string;
  survey: Survey;
  aggregates: Aggregates;
}

/**
 * The survey (edition, questionnaire, data) and its aggregates, reused while edition.yaml, the
 * questionnaire and the data file keep the same content. Used by build, check and watch; this
 * module does not load the renderer, so `check` stays fast.
 */
export function loadSurveyCached(
  editionFile: string,
  cache?: SurveyCache,
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
  let analysed = false;
  const analyse = () => {
    const survey = loadSurvey(editionFile, dataSource);
    onStage?.('analyseren');
    analysed = true;
    return { survey, aggregates: aggregateSurvey(survey) };
  };
  // Read from disk: kept there from an earlier run (src/load/input-memo.ts) while its inputs are the same.
  const { survey, aggregates } = dataSource ? analyse() : memoOnDisk('gegevens', editionFile, editionFile, analyse, STORED);
  if (!analysed) onStage?.('analyseren');
  if (cache) cache[slot] = { key: contentKey([editionFile, survey.edition.questionnairePath, survey.edition.dataPath]), survey, aggregates };
  return { survey, aggregates, reused: false };
}

/**
 * The edition named as `previous_edition` in edition.yaml, loaded and analysed (and cached like
 * this year's): a year (the sibling folder) or a path, resolved when edition.yaml was loaded.
 */
export function loadPreviousEdition(survey: Survey, cache?: SurveyCache, dataSource?: DataSource): PreviousEdition | undefined {
  const file = survey.edition.previousEditionFile;
  if (file === null) return undefined;
  const before = loadSurveyCached(file, cache, undefined, 'previous', dataSource);
  const named = survey.edition.previous_edition;
  if (typeof named === 'number' && before.survey.edition.year !== named) {
    throw new InputError(
      problem(
        { file: before.survey.edition.file },
        `deze editie heeft jaar ${before.survey.edition.year}, maar ${survey.edition.file} noemt haar als vorige editie ${named}.`,
        'Corrigeer het jaar in deze edition.yaml of previous_edition in de nieuwe editie.',
      ),
    );
  }
  if (typeof named === 'string' && before.survey.edition.year >= survey.edition.year) {
    throw new InputError(
      problem(
        { file: survey.edition.file },
        `de vorige editie (${named}) heeft jaar ${before.survey.edition.year}, niet eerder dan deze editie (${survey.edition.year}).`,
        `Noem een editie van voor ${survey.edition.year} als previous_edition, of laat het leeg (null).`,
      ),
    );
  }
  return { year: before.survey.edition.year, questionnaire: before.survey.questionnaire, aggregates: before.aggregates };
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
