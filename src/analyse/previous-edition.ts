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
  return a && !a.suppressed ? inThisYearsWords(a, before, q) : undefined;
}

/**
 * Last year's aggregate with this year's answer labels, matched by answer code (multiselect: by
 * option key), so a reworded scale ("Zeer oneens" → "Zeer mee oneens") charts with one legend.
 * When an answer of last year has no counterpart this year the results are not comparable.
 */
function inThisYearsWords(a: Aggregate, before: Question, now: Question): Aggregate | undefined {
  const rename = new Map<string, string>();
  if (now.kind === 'multiselect') {
    for (const o of before.options ?? []) {
      const match = now.options?.find((x) => x.key === o.key);
      if (match) rename.set(o.label, match.label);
    }
  } else {
    for (const b of before.answers) {
      const match = now.answers.find((x) => x.code === b.code);
      if (match) rename.set(b.label, match.label);
    }
  }
  const relabel = (record: Record<string, number>): Record<string, number> | undefined => {
    const out: Record<string, number> = {};
    for (const [label, v] of Object.entries(record)) {
      const to = rename.get(label);
      if (to === undefined) return undefined;
      out[to] = v;
    }
    return out;
  };
  const counts = relabel(a.counts);
  const percentages = relabel(a.percentages);
  const display = relabel(a.display);
  if (!counts || !percentages || !display) return undefined;
  const nonSubstantive = Object.fromEntries(Object.entries(a.nonSubstantive).map(([k, v]) => [rename.get(k) ?? k, v]));
  return { ...a, counts, percentages, display, nonSubstantive };
}
