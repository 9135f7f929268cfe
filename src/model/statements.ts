import { ALL, type Aggregate, type Aggregates } from '../analyse/aggregate-types.ts';
import type { Question, QuestionGroup, Questionnaire } from '../load/questionnaire.ts';

/**
 * Which statements a summary is about: those of one value or work process (`group`), those of
 * every value or every work process (`type`), or all. A statement is a Likert or usefulness
 * question: one with positive, neutral and negative shares.
 */
export type StatementSet = { group: string } | { type: QuestionGroup['type'] } | 'all';

export function statementsIn(questionnaire: Questionnaire, set: StatementSet): Question[] {
  const typeOf = new Map(questionnaire.groups.map((g) => [g.key, g.type]));
  return questionnaire.questions.filter((q) => {
    if (q.kind !== 'likert' && q.kind !== 'usefulness') return false;
    if (set === 'all') return true;
    return 'group' in set ? q.group === set.group : typeOf.get(q.group) === set.type;
  });
}

/** The statements of a set that can be analysed in a scope: asked there, enough answers, not left out. */
export function analysableStatements(aggregates: Aggregates, questionnaire: Questionnaire, set: StatementSet, scope: string): Aggregate[] {
  return statementsIn(questionnaire, set)
    .map((q) => aggregates.get(q.key, scope, ALL))
    .filter((a): a is Aggregate => a !== undefined && !a.suppressed && a.positive !== null);
}
