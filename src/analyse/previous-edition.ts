import type { Question, Questionnaire } from '../load/questionnaire.ts';
import type { Aggregate, Aggregates } from './aggregate-types.ts';

/** The edition a report compares with: its year, questions and aggregates. */
export interface PreviousEdition {
  year: number;
  questionnaire: Questionnaire;
  aggregates: Aggregates;
}

/**
 * Last edition's aggregate for the same question, scope and segment — only where the question is
 * comparable: the same key was asked then, the questionnaire does not declare that its meaning
 * changed, and the group was large enough then too.
 */
export function previousAggregate(previous: PreviousEdition | undefined, q: Question, scope: string, segment: string): Aggregate | undefined {
  if (!previous || !q.comparable_with_previous) return undefined;
  const before = previous.questionnaire.byKey.get(q.key);
  if (!before || before.kind !== q.kind) return undefined;
  const a = previous.aggregates.get(q.key, scope, segment);
  return a && !a.suppressed ? a : undefined;
}
