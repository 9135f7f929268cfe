import { readFileSync } from 'node:fs';
import { z } from '../zod-nl.ts';
import { InputError, problem, type InputProblem } from '../input-error.ts';
import { displayPath } from '../yaml-file.ts';

/**
 * A Qualtrics survey definition (.qsf, JSON: SurveyEntry + SurveyElements), read into what
 * `eindrapport init` needs to draft questionnaire entries: per question its type, export tag,
 * text, choices and scale points with their recode values, and its display logic.
 */
export interface QsfChoice {
  /** Choice id as in the .qsf ("1", "4"). */
  id: string;
  text: string;
  /** The value the export writes: the recode value, else the choice id. */
  code: number | null;
  exportTag: string | null;
}

/** One condition of a display-logic rule that looks at another question's answer. */
export interface QsfCondition {
  /** "If", "Or", "And". */
  conjunction: string;
  questionId: string | null;
  /** Choice id in that question, from "q://QID1/SelectableChoice/2". */
  choiceId: string | null;
  operator: string;
  /** Plain-text description as Qualtrics shows it. */
  description: string;
  logicType: string;
}

export interface QsfQuestion {
  id: string;
  exportTag: string;
  type: string;
  selector: string;
  subSelector: string | null;
  text: string;
  /** MC: the choices; Matrix: the statements (rows). */
  choices: QsfChoice[];
  /** Matrix: the scale points (columns), with recode values. */
  answers: QsfChoice[];
  displayLogic: QsfCondition[];
  inTrash: boolean;
}

export interface QsfSurvey {
  file: string;
  name: string;
  questions: QsfQuestion[];
  byId: Map<string, QsfQuestion>;
}

const Display = z.object({ Display: z.union([z.string(), z.number()]).transform(String) }).loose();
const ChoiceMap = z.union([z.record(z.string(), Display), z.array(z.unknown()).max(0).transform(() => ({}))]);
const Order = z.array(z.union([z.string(), z.number()]).transform(String));
const Recodes = z.union([z.record(z.string(), z.union([z.string(), z.number()]).transform(String)), z.array(z.unknown()).max(0).transform(() => ({}))]);

const QuestionPayload = z
  .object({
    QuestionID: z.string().min(1),
    DataExportTag: z.string(),
    QuestionType: z.string(),
    Selector: z.string(),
    SubSelector: z.string().nullable().optional(),
    QuestionText: z.string().default(''),
    Choices: ChoiceMap.optional(),
    ChoiceOrder: Order.optional(),
    Answers: ChoiceMap.optional(),
    AnswerOrder: Order.optional(),
    RecodeValues: Recodes.optional(),
    AnswerRecodeValues: Recodes.nullable().optional(),
    ChoiceDataExportTags: z.union([z.record(z.string(), z.string()), z.boolean(), z.null(), z.array(z.unknown())]).optional(),
    DisplayLogic: z.unknown().optional(),
  })
  .loose();

const Block = z.object({ Type: z.string().optional(), BlockElements: z.array(z.object({ Type: z.string(), QuestionID: z.string().optional() }).loose()).default([]) }).loose();

const SurveyFile = z
  .object({
    SurveyEntry: z.object({ SurveyName: z.string().default('') }).loose(),
    SurveyElements: z.array(z.object({ Element: z.string(), Payload: z.unknown() }).loose()),
  })
  .loose();

/** Reads a .qsf file; a file that is not a Qualtrics survey definition is a located InputError. */
export function readQsf(path: string): QsfSurvey {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(problem({ file }, 'het bestand bestaat niet of kan niet worden gelezen.', 'Controleer de bestandsnaam en het pad.'));
  }
  return parseQsf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
}

const HINT = 'Exporteer de vragenlijst opnieuw in Qualtrics via Enquête > Extra > Importeren/Exporteren > Enquête exporteren (.qsf).';

export function parseQsf(text: string, file: string): QsfSurvey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lineColumn(text, Number(pos[1])) : {};
    throw new InputError(problem({ file, ...at }, `dit is geen geldig .qsf-bestand: de JSON kan niet worden gelezen (${message.replace(/ in JSON at position \d+.*$/, '')}).`, HINT));
  }
  const survey = SurveyFile.safeParse(json);
  if (!survey.success) {
    throw new InputError(
      survey.error.issues.slice(0, 5).map((i) => problem({ file }, `dit is geen Qualtrics-vragenlijst (.qsf): bij '${i.path.join('.') || 'het begin'}': ${i.message}.`, HINT)),
    );
  }
  const problems: InputProblem[] = [];
  const trash = new Set<string>();
  const questions: QsfQuestion[] = [];
  survey.data.SurveyElements.forEach((el, i) => {
    if (el.Element === 'BL') {
      const blocks = Array.isArray(el.Payload) ? el.Payload : el.Payload && typeof el.Payload === 'object' ? Object.values(el.Payload) : [];
      for (const raw of blocks) {
        const b = Block.safeParse(raw);
        if (b.success && b.data.Type === 'Trash') for (const be of b.data.BlockElements) if (be.QuestionID) trash.add(be.QuestionID);
      }
      return;
    }
    if (el.Element !== 'SQ') return;
    const q = QuestionPayload.safeParse(el.Payload);
    if (!q.success) {
      const id = (el.Payload as { QuestionID?: unknown } | null)?.QuestionID;
      for (const issue of q.error.issues.slice(0, 3)) {
        problems.push(
          problem({ file }, `vraag ${typeof id === 'string' ? id : `nummer ${i + 1} in SurveyElements`}: bij '${issue.path.join('.')}': ${issue.message}.`, HINT),
        );
      }
      return;
    }
    questions.push(toQuestion(q.data));
  });
  if (problems.length) throw new InputError(problems);
  for (const q of questions) q.inTrash = trash.has(q.id);
  return { file, name: survey.data.SurveyEntry.SurveyName, questions, byId: new Map(questions.map((q) => [q.id, q])) };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

type Payload = z.infer<typeof QuestionPayload>;

function toQuestion(p: Payload): QsfQuestion {
  const isMatrix = p.QuestionType === 'Matrix';
  const exportTags = p.ChoiceDataExportTags && typeof p.ChoiceDataExportTags === 'object' && !Array.isArray(p.ChoiceDataExportTags) ? p.ChoiceDataExportTags : {};
  const list = (map: Record<string, { Display: string }> | undefined, order: string[] | undefined, recodes: Record<string, string>, tags: Record<string, string>): QsfChoice[] => {
    if (!map) return [];
    const ids = order?.length ? order.filter((id) => id in map) : Object.keys(map);
    return ids.map((id) => {
      const raw = recodes[id] ?? id;
      const code = /^-?\d+$/.test(raw.trim()) ? Number(raw) : null;
      return { id, text: plainText(map[id]!.Display), code, exportTag: tags[id] ?? null };
    });
  };
  // Matrix: RecodeValues recode the scale points (Answers); MC: the choices.
  const recodes = p.RecodeValues ?? {};
  return {
    id: p.QuestionID,
    exportTag: p.DataExportTag,
    type: p.QuestionType,
    selector: p.Selector,
    subSelector: p.SubSelector ?? null,
    text: plainText(p.QuestionText),
    choices: list(p.Choices, p.ChoiceOrder, isMatrix ? {} : recodes, exportTags),
    answers: isMatrix ? list(p.Answers, p.AnswerOrder, recodes, {}) : [],
    displayLogic: conditions(p.DisplayLogic),
    inTrash: false,
  };
}

/** Question text as plain text: HTML tags out, entities decoded, whitespace collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(?:div|p|li)>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&rsquo;/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/ ([.,;:?!])/g, '$1')
    .trim();
}

const Condition = z
  .object({
    LogicType: z.string().default(''),
    QuestionID: z.string().optional(),
    ChoiceLocator: z.string().optional(),
    LeftOperand: z.string().optional(),
    Operator: z.string().default(''),
    Description: z.string().default(''),
    Conjuction: z.string().optional(),
  })
  .loose();

/** Display logic: { "0": { "0": condition, "1": condition, Type: "If" }, Type: "BooleanExpression" }. */
function conditions(logic: unknown): QsfCondition[] {
  if (!logic || typeof logic !== 'object') return [];
  const out: QsfCondition[] = [];
  for (const [k, set] of Object.entries(logic as Record<string, unknown>)) {
    if (!/^\d+$/.test(k) || !set || typeof set !== 'object') continue;
    for (const [j, raw] of Object.entries(set as Record<string, unknown>)) {
      if (!/^\d+$/.test(j)) continue;
      const c = Condition.safeParse(raw);
      if (!c.success) continue;
      const locator = c.data.ChoiceLocator ?? c.data.LeftOperand ?? '';
      const m = /^q:\/\/(QID\d+)\/(?:SelectableChoice|ChoiceDisplayed)\/(\d+)/.exec(locator);
      out.push({
        conjunction: c.data.Conjuction ?? (Number(k) === 0 ? 'If' : 'And'),
        questionId: c.data.QuestionID ?? m?.[1] ?? null,
        choiceId: m?.[2] ?? null,
        operator: c.data.Operator,
        description: plainText(c.data.Description),
        logicType: c.data.LogicType,
      });
    }
  }
  return out;
}

/** Multiple answers per respondent (one column per choice). */
export function isMultiAnswer(q: QsfQuestion): boolean {
  if (q.type === 'MC') return /^(MAVR|MAHR|MACOL|MSB|NPS_MA)$/.test(q.selector) || q.selector.startsWith('MA');
  if (q.type === 'Matrix') return q.subSelector === 'MultipleAnswer';
  return false;
}
