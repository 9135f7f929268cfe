import type { QuestionKind } from '../../load/questionnaire.ts';
import type { ChartKindDefinition } from './chart-kind.ts';
import { likert } from './likert.ts';
import { multiselect } from './multiselect.ts';
import { respondents } from './respondents.ts';
import { segments } from './segments.ts';
import { valueSummary } from './value-summary.ts';
import { yesno } from './yesno.ts';

/**
 * Every kind of chart the report draws, by the name the report model gives it (`chart` of a chart
 * block). The model, the PDF and the web edition read a kind only through its entry here.
 */
const BUILT_IN = {
  likert,
  yesno,
  multiselect,
  segments,
  'value-summary': valueSummary,
  respondents,
} satisfies Record<string, ChartKindDefinition>;

export type BuiltInChartKind = keyof typeof BUILT_IN;

const kinds = new Map<string, ChartKindDefinition>(Object.entries(BUILT_IN));

/** The definition of a chart kind; an unknown name is a mistake in the program, not in the input. */
export function chartKind(name: string): ChartKindDefinition {
  const k = kinds.get(name);
  if (!k) throw new Error(`onbekende grafieksoort '${name}'`);
  return k;
}

/** The names of all chart kinds, built-in ones first. */
export function chartKindNames(): string[] {
  return [...kinds.keys()];
}

/** The kind of a question's own chart: the last registered kind that charts its question kind. */
export function chartKindFor(questionKind: QuestionKind): string {
  const found = [...kinds].reverse().find(([, k]) => k.questionKinds.includes(questionKind));
  if (!found) throw new Error(`geen grafieksoort voor vragen van soort '${questionKind}'`);
  return found[0];
}

/**
 * Adds a chart kind (or replaces one): from then on the model builds it for its question kinds,
 * and the PDF, the web edition and the appendix read it from here. Returns a function that undoes
 * the registration. The built-in kinds above need no call.
 */
export function registerChartKind(name: string, definition: ChartKindDefinition): () => void {
  const before = kinds.get(name);
  kinds.set(name, definition);
  return () => {
    if (before) kinds.set(name, before);
    else kinds.delete(name);
  };
}
