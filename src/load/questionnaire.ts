import { z } from './zod-nl.ts';
import { normalise } from './normalise.ts';
import { InputError, problem, type InputProblem } from './input-error.ts';
import { locate, readYamlFile, type ParsedYaml } from './yaml-file.ts';

const Polarity = z.enum(['negative', 'neutral', 'positive', 'yes', 'no', 'other']);

const ExportTexts = z
  .array(z.string().min(1))
  .default([])
  .describe('Andere keuzeteksten in de export die dit antwoord betekenen (hoofdletters en witruimte tellen niet); het label wordt altijd herkend.');

const Answer = z
  .object({
    /** Within ±32767: BLANK (-32768) marks an empty cell. */
    code: z.number().int().min(-32767).max(32767).describe('De antwoordcode: de identiteit van het antwoord, ook in een numerieke export.'),
    label: z.string().min(1).describe('Het antwoord zoals het rapport het afdrukt.'),
    polarity: Polarity.optional().describe('Hoe het antwoord telt: negative, neutral, positive (schaal), yes/no (filtervraag) of other (apart getoond).'),
    /** false: not a substantive answer ("weet niet"): excluded from N, reported separately. */
    substantive: z.boolean().default(true).describe('false: geen inhoudelijk antwoord ("weet niet"): telt niet mee in N.'),
    export_texts: ExportTexts,
  })
  .strict();

/** What the export's header says about a column: ImportId (row 3) and question text (row 2). */
const ExportHeader = z
  .object({
    import_id: z.string().min(1).optional().describe('De ImportId uit kopregel 3 van de export, bijvoorbeeld QID12 of QID12_1.'),
    text: z.string().min(1).optional().describe('De vraagtekst uit kopregel 2 van de export.'),
  })
  .strict()
  .describe('Wat de export over de kolom zegt; check en build vergelijken het met de kopregels, zodat verwisselde of hernummerde kolommen opvallen.');

const QuestionKind = z.enum(['likert', 'yesno', 'multiselect', 'usefulness']);

const Option = z
  .object({
    key: z.string().min(1),
    label: z.string().min(1),
    column: z.string().min(1),
    export: ExportHeader.optional(),
    export_texts: ExportTexts,
  })
  .strict();

/** Far above any real questionnaire (2018: 60 questions, scales of 6 answers), so a mistake cannot exhaust memory. */
export const QUESTIONNAIRE_LIMITS = { maxQuestions: 2000, maxAnswers: 100, maxOptions: 200 };

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
    options: z.array(Option).max(QUESTIONNAIRE_LIMITS.maxOptions).optional(),
    export: ExportHeader.optional(),
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
    scales: z.record(z.string(), z.array(Answer).min(2).max(QUESTIONNAIRE_LIMITS.maxAnswers)),
    groups: z.array(Group).min(1),
    questions: z.array(Question).min(1).max(QUESTIONNAIRE_LIMITS.maxQuestions),
  })
  .strict();

export type Polarity = z.infer<typeof Polarity>;
export type QuestionKind = z.infer<typeof QuestionKind>;
export type AnswerOption = z.infer<typeof Answer>;
export type ExportHeader = z.infer<typeof ExportHeader>;
export type QuestionGroup = z.infer<typeof Group>;
type RawQuestion = z.infer<typeof Question>;

/** A question with its scale resolved; multiselect questions have `options` instead of `answers`. */
export interface Question extends Omit<RawQuestion, 'scale'> {
  /** The scale's key, when the question has one. */
  scale?: string;
  answers: AnswerOption[];
  options?: z.infer<typeof Option>[];
  /** Lines in questionnaire.yaml, for messages that tell the user what to change. */
  source: QuestionSource;
}

export interface QuestionSource {
  line?: number;
  columnLine?: number;
  exportLine?: number;
  options: { line?: number; exportLine?: number }[];
}

export interface Questionnaire {
  file: string;
  /** Line in questionnaire.yaml of each scale and each of its answers. */
  scaleLines: Record<string, { line?: number; answers: (number | undefined)[] }>;
  groups: QuestionGroup[];
  questions: Question[];
  byKey: Map<string, Question>;
}

/**
 * Loads and cross-checks the questionnaire: scales, groups, filters and columns must all resolve.
 * With `productKeys` (the edition's products), every product named in `asked.products` must be one.
 */
export function loadQuestionnaire(path: string, productKeys?: readonly string[]): Questionnaire {
  const { data, parsed } = readYamlFile(path, QuestionnaireSchema);
  const problems: InputProblem[] = [];
  problems.push(...checkScales(data.scales, parsed));
  const byKey = new Map<string, Question>();
  const groupKeys = new Set(data.groups.map((g) => g.key));
  const columns = new Map<string, string>();
  const at = (i: number, field: string) => ({ file: parsed.file, ...locate(parsed, ['questions', i, field]) });

  for (const [i, raw] of data.questions.entries()) {
    const { scale, ...rest } = raw;
    const lineOf = (...p: (string | number)[]) => locate(parsed, ['questions', i, ...p]).line;
    const source: QuestionSource = {
      line: lineOf(),
      columnLine: lineOf(raw.column ? 'column' : 'options'),
      exportLine: lineOf(raw.export ? 'export' : raw.column ? 'column' : 'options'),
      options: (raw.options ?? []).map((o, oi) => ({ line: lineOf('options', oi), exportLine: lineOf('options', oi, o.export ? 'export' : 'column') })),
    };
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
    if (Array.isArray(raw.asked.products) && productKeys) {
      for (const [j, key] of raw.asked.products.entries()) {
        if (!productKeys.includes(key)) {
          problems.push(
            problem({ file: parsed.file, ...locate(parsed, ['questions', i, 'asked', 'products', j]) }, `'${key}' in asked.products van '${raw.key}' is geen product van deze editie.`, `Kies uit: ${productKeys.join(', ')}.`),
          );
        }
      }
    }
    for (const field of ['key', 'label'] as const) {
      const seenOption = new Set<string>();
      for (const [j, o] of (raw.options ?? []).entries()) {
        const id = o[field].trim().toLowerCase();
        if (seenOption.has(id)) problems.push(problem({ file: parsed.file, ...locate(parsed, ['questions', i, 'options', j, field]) }, `keuze '${o[field]}' staat twee keer bij '${raw.key}' (${field}).`, 'Geef elke keuze een eigen sleutel en label.'));
        seenOption.add(id);
      }
    }
    byKey.set(raw.key, { ...rest, ...(scale ? { scale } : {}), answers, source });
  }
  for (const [i, q] of data.questions.entries()) {
    if (!q.filter) continue;
    const target = byKey.get(q.filter.question);
    if (!target) {
      problems.push(problem(at(i, 'filter'), `de filtervraag '${q.filter.question}' van '${q.key}' bestaat niet.`));
      continue;
    }
    if (target.kind === 'multiselect') {
      problems.push(
        problem(at(i, 'filter'), `'${q.key}' filtert op meerkeuzevraag '${target.key}'; op een meerkeuzevraag kan niet worden gerouteerd.`, 'Kies als filtervraag een vraag met één antwoord (ja/nee of een schaal).'),
      );
      continue;
    }
    if (!target.answers.length) continue; // its scale is already reported as unknown
    const labels = new Set(target.answers.map((a) => a.label));
    for (const a of q.filter.answers) {
      if (!labels.has(a)) problems.push(problem(at(i, 'filter'), `'${a}' is geen antwoord op '${target.key}'.`, `Kies uit: ${[...labels].join(', ')}.`));
    }
  }
  problems.push(...routingCycles(data.questions, byKey, at));
  if (problems.length) throw new InputError(problems);
  const scaleLines = Object.fromEntries(
    Object.entries(data.scales).map(([key, answers]) => [key, { line: locate(parsed, ['scales', key]).line, answers: answers.map((_, ai) => locate(parsed, ['scales', key, ai]).line) }]),
  );
  return { file: parsed.file, scaleLines, groups: data.groups, questions: [...byKey.values()], byKey };
}

/**
 * Every answer label and code once per scale: answers are matched on both, and two answers with
 * the same label would merge into one category in every chart of that scale.
 */
function checkScales(scales: Record<string, AnswerOption[]>, parsed: ParsedYaml): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [name, answers] of Object.entries(scales)) {
    const labels = new Map<string, number>();
    const codes = new Map<number, number>();
    // Labels and export texts together: a cell is read as the one answer whose label or alias it is.
    const texts = new Map<string, number>(answers.map((a, j) => [normalise(a.label), j]));
    answers.forEach((a, j) => {
      const at = (field: string) => ({ file: parsed.file, ...locate(parsed, ['scales', name, j, field]) });
      const label = a.label.trim().toLowerCase();
      const earlier = labels.get(label);
      if (earlier !== undefined) {
        problems.push(problem(at('label'), `schaal '${name}' heeft twee antwoorden met het label '${a.label}' (ook antwoord ${earlier + 1}).`, 'Geef elk antwoord van een schaal een eigen label.'));
      } else labels.set(label, j);
      for (const [k, text] of a.export_texts.entries()) {
        const owner = texts.get(normalise(text));
        if (owner !== undefined && owner !== j) {
          problems.push(
            problem(
              { file: parsed.file, ...locate(parsed, ['scales', name, j, 'export_texts', k]) },
              `de exporttekst '${text}' van '${a.label}' in schaal '${name}' hoort ook bij '${answers[owner]!.label}'; welk antwoord bedoeld is, is dan niet te zeggen.`,
              'Zet elke tekst bij één antwoord.',
            ),
          );
        } else texts.set(normalise(text), j);
      }
      const earlierCode = codes.get(a.code);
      if (earlierCode !== undefined) {
        problems.push(problem(at('code'), `schaal '${name}' heeft twee antwoorden met code ${a.code} (ook antwoord ${earlierCode + 1}).`, 'Geef elk antwoord van een schaal een eigen code, zoals in de Qualtrics-export.'));
      } else codes.set(a.code, j);
    });
  }
  return problems;
}

/** A filter chain that returns to where it started (a → b → a): no respondent could ever be routed. */
function routingCycles(
  questions: readonly RawQuestion[],
  byKey: Map<string, Question>,
  at: (i: number, field: string) => { file: string; line?: number; column?: number },
): InputProblem[] {
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  for (const [i, q] of questions.entries()) {
    const chain = [q.key];
    let next = q.filter?.question;
    while (next !== undefined && byKey.has(next)) {
      if (next === q.key) {
        if (!chain.some((k) => reported.has(k))) {
          chain.forEach((k) => reported.add(k));
          problems.push(
            problem(
              at(i, 'filter'),
              chain.length === 1 ? `'${q.key}' filtert op zichzelf.` : `de routering loopt in een kring: ${[...chain, q.key].map((k) => `'${k}'`).join(' → ')}.`,
              'Een filtervraag moet eerder gesteld zijn dan de vraag die erop filtert; verwijder een van de filters.',
            ),
          );
        }
        break;
      }
      if (chain.includes(next)) break; // a cycle further down the chain: reported at its own questions
      chain.push(next);
      next = byKey.get(next)?.filter?.question;
    }
  }
  return problems;
}

/** The statement as printed for a scope: the organisation wording, or the product wording with the name filled in. */
export function questionText(q: Question, productName: string | null): string | null {
  if (productName === null) return q.text.organisation;
  return q.text.product?.replaceAll('{product}', productName) ?? null;
}
