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
 * block). The model, the PDF, the web edition and the diff read a kind only through a registry
 * made from these entries.
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

/**
 * A registry of chart kinds: a value, passed to the stages that read kinds (the model build, the
 * renderers, the diff), never changed once made. A build with an extra kind makes its own registry
 * with {@link chartKinds}; every other build keeps using {@link BUILT_IN_CHART_KINDS}.
 */
export interface ChartKinds {
  /** The definition of a chart kind; an unknown name is a mistake in the program, not in the input. */
  get(name: string): ChartKindDefinition;
  /** The names of all kinds, built-in ones first. */
  names(): string[];
  /** The kind of a question's own chart: the last entry that charts its question kind. */
  forQuestion(questionKind: QuestionKind): string;
}

class Registry implements ChartKinds {
  private readonly kinds: ReadonlyMap<string, ChartKindDefinition>;

  constructor(entries: Record<string, ChartKindDefinition>) {
    this.kinds = new Map(Object.entries(entries));
  }

  get(name: string): ChartKindDefinition {
    const k = this.kinds.get(name);
    if (!k) throw new Error(`onbekende grafieksoort '${name}'`);
    return k;
  }

  names(): string[] {
    return [...this.kinds.keys()];
  }

  forQuestion(questionKind: QuestionKind): string {
    const found = [...this.kinds].reverse().find(([, k]) => k.questionKinds.includes(questionKind));
    if (!found) throw new Error(`geen grafieksoort voor vragen van soort '${questionKind}'`);
    return found[0];
  }
}

/**
 * The built-in kinds plus `extra` (an entry with a built-in name replaces that kind): a new
 * registry to pass to `build` (or the model build and the renderers). Adding a kind is one entry
 * here plus its module.
 */
export function chartKinds(extra: Record<string, ChartKindDefinition> = {}): ChartKinds {
  return new Registry({ ...BUILT_IN, ...extra });
}

/** The kinds every build uses unless it is given others. */
export const BUILT_IN_CHART_KINDS: ChartKinds = chartKinds();
