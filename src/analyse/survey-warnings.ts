import type { InputProblem } from '../load/input-error.ts';
import type { Survey } from '../load/survey.ts';
import type { Aggregates } from './aggregate-types.ts';
import { notAskedWarnings } from './routing.ts';

/** Everything load and analysis noticed without stopping: printed by check, build and watch alike. */
export function surveyWarnings(survey: Survey, aggregates: Aggregates): InputProblem[] {
  return [...survey.warnings, ...notAskedWarnings(survey.questionnaire, aggregates.statistics.answeredNotAsked)];
}
