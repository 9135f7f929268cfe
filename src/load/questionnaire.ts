import { z } from './zod-nl.ts';
import { InputError, problem } from './input-error.ts';
import { locate, readYamlFile } from './yaml-file.ts';

const Polarity = z.enum(['negative', 'neutral', 'positive', 'yes', 'no', 'other']);

const Answer = z
  .object({
    code: z.number().int(),
    label: z.string().min(1),
    polarity: Polarity.optional(),
    /** false: not a substantive answer ("weet niet"): excluded from N, reported separately. */
    substantive: z.boolean().default(true),
  })
  .strict();

const QuestionKind = z.enum(['likert', 'yesno', 'multiselect', 'usefulness']);

const Option = z.object({ key: z.string().min(1), label: z.string().min(1), column: z.string().min(1) }).strict();

const Question = z
  .object({
    key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'een sleutel bestaat uit kleine letters, cijfers en streepjes'),
    kind: QuestionKind,
    group: z.string(),
    scale: z.string().optional(),
    text: z
      .object({
        organisation: z.string().nullable().default(null),
        product: z.string().nullable().default(null),
      })
      .strict(),
    /** Export column (Qualtrics export tag) holding the answer code; multiselect: one combined cell. */
    column: z.string().optional(),
    /** Multiselect: the choices, each in its own column (checked = 1) unless `column` holds them all. */
    options: z.array(Option).optional(),
    asked: z
      .object({
        organisation: z.boolean().default(true),
        products: z.union([z.literal('all'), z.literal('none'), z.array(z.string())]).default('all'),
      })
      .strict()
      .default({ organisation: true, products: 'all' }),
    /** Routing: asked only of respondents whose answer to `question` is one of `answers` (labels). */
    filter: z.object({ question: z.string(), answers: z.array(z.string()).min(1) }).strict().optional(),
    /** Stable across editions; a reworded statement keeps its key. Set to false when the meaning changed. */
    comparable_with_previous: z.boolean().default(true),
  })
  .strict();

const Group = z
  .object({ key: z.string(), title: z.string(), type: z.enum(['value', 'process']) })
  .strict();

export const QuestionnaireSchema = z
  .object({
    scales: z.record(z.string(), z.array(Answer).min(2)),
    groups: z.array(Group).min(1),
    questions: z.array(Question).min(1),
  })
  .strict();

export type Polarity = z.infer<typeof Polarity>;
export type QuestionKind = z.infer<typeof QuestionKind>;
export type AnswerOption = z.infer<typeof Answer>;
export type QuestionGroup = z.infer<typeof Group>;
type RawQuestion = z.infer<typeof Question>;

/** A question with its scale resolved; multiselect questions have `options` instead of `answers`. */
export interface Question extends Omit<RawQuestion, 'scale'> {
  answers: AnswerOption[];
  options?: z.infer<typeof Option>[];
}

export interface Questionnaire {
  file: string;
  groups: QuestionGroup[];
  questions: Question[];
  byKey: Map<string, Question>;
}

/** Loads and cross-checks the questionnaire: scales, groups, filters and columns must all resolve. */
export function loadQuestionnaire(path: string): Questionnaire {
  const { data, parsed } = readYamlFile(path, QuestionnaireSchema);
  const problems = [];
  const byKey = new Map<string, Question>();
  const groupKeys = new Set(data.groups.map((g) => g.key));
  const columns = new Map<string, string>();
  const at = (i: number, field: string) => ({ file: parsed.file, ...locate(parsed, ['questions', i, field]) });

  for (const [i, raw] of data.questions.entries()) {
    const { scale, ...rest } = raw;
    if (byKey.has(raw.key)) problems.push(problem(at(i, 'key'), `de vraag '${raw.key}' staat twee keer in de vragenlijst.`, 'Geef elke vraag een eigen sleutel.'));
    if (!groupKeys.has(raw.group)) problems.push(problem(at(i, 'group'), `onbekende groep '${raw.group}'.`, `Kies uit: ${[...groupKeys].join(', ')}.`));
    let answers: AnswerOption[] = [];
    if (raw.kind === 'multiselect') {
      if (!raw.options?.length) problems.push(problem(at(i, 'kind'), `meerkeuzevraag '${raw.key}' heeft geen 'options'.`));
    } else if (!scale || !data.scales[scale]) {
      problems.push(problem(at(i, 'scale'), `vraag '${raw.key}' heeft een onbekende schaal '${scale ?? ''}'.`, `Kies uit: ${Object.keys(data.scales).join(', ')}.`));
    } else {
      answers = data.scales[scale]!;
    }
    if (!raw.column && !raw.options?.length) problems.push(problem(at(i, 'key'), `vraag '${raw.key}' noemt geen kolom uit de export ('column').`));
    for (const col of [raw.column, ...(raw.options ?? []).map((o) => o.column)]) {
      if (!col) continue;
      const other = columns.get(col);
      if (other && other !== raw.key) problems.push(problem(at(i, 'column'), `kolom '${col}' hoort al bij vraag '${other}'.`));
      columns.set(col, raw.key);
    }
    byKey.set(raw.key, { ...rest, answers });
  }
  for (const [i, q] of data.questions.entries()) {
    if (!q.filter) continue;
    const target = byKey.get(q.filter.question);
    if (!target) {
      problems.push(problem(at(i, 'filter'), `de filtervraag '${q.filter.question}' van '${q.key}' bestaat niet.`));
      continue;
    }
    if (!target.answers.length) continue; // its scale is already reported as unknown
    const labels = new Set(target.answers.map((a) => a.label));
    for (const a of q.filter.answers) {
      if (!labels.has(a)) problems.push(problem(at(i, 'filter'), `'${a}' is geen antwoord op '${target.key}'.`, `Kies uit: ${[...labels].join(', ')}.`));
    }
  }
  if (problems.length) throw new InputError(problems);
  return { file: parsed.file, groups: data.groups, questions: [...byKey.values()], byKey };
}

/** The statement as printed for a scope: the organisation wording, or the product wording with the name filled in. */
export function questionText(q: Question, productName: string | null): string | null {
  if (productName === null) return q.text.organisation;
  return q.text.product?.replaceAll('{product}', productName) ?? null;
}
