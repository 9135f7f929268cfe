import { problem, type InputProblem } from '../load/input-error.ts';
import type { Questionnaire, Question } from '../load/questionnaire.ts';
import { BLANK, SEEN_UNANSWERED, type ResponseData } from '../load/responses.ts';

/**
 * Who was asked a question: respondents who pass its filter chain (a follow-up of a follow-up
 * needs both filters passed). One Uint8Array per question, computed once.
 */
export function routedRespondents(questionnaire: Questionnaire, responses: ResponseData): Map<string, Uint8Array> {
  const routed = new Map<string, Uint8Array>();
  // Questions without a filter share one mask (read-only): every respondent was asked.
  const everyone = new Uint8Array(responses.count).fill(1);
  const resolve = (q: Question): Uint8Array => {
    const done = routed.get(q.key);
    if (done) return done;
    let mask = everyone;
    if (q.filter) {
      mask = new Uint8Array(responses.count);
      const filterQ = questionnaire.byKey.get(q.filter.question)!;
      const parent = resolve(filterQ);
      const allowed = new Set(filterQ.answers.filter((a) => q.filter!.answers.includes(a.label)).map((a) => a.code));
      const codes = responses.answers.get(filterQ.key)!;
      for (let r = 0; r < responses.count; r++) mask[r] = parent[r]! && allowed.has(codes[r]!) ? 1 : 0;
    }
    routed.set(q.key, mask);
    return mask;
  };
  for (const q of questionnaire.questions) resolve(q);
  return routed;
}

/**
 * Per routed question, the respondents who answered it although the routing says they were not
 * asked (e.g. "Nee" on the filter question, or a changed routing in Qualtrics). Their answers are
 * not counted; a non-zero count is worth a warning, since it may mean the filter is wrong.
 */
export function answeredNotAsked(questionnaire: Questionnaire, responses: ResponseData, routed: Map<string, Uint8Array>): { question: string; count: number }[] {
  const out: { question: string; count: number }[] = [];
  for (const q of questionnaire.questions) {
    if (!q.filter) continue;
    const mask = routed.get(q.key)!;
    const answered = (r: number): boolean => {
      if (q.kind === 'multiselect') return responses.selections.get(q.key)!.some((t) => t[r] === 1);
      const c = responses.answers.get(q.key)![r]!;
      return c !== BLANK && c !== SEEN_UNANSWERED;
    };
    let count = 0;
    for (let r = 0; r < responses.count; r++) if (!mask[r] && answered(r)) count++;
    if (count) out.push({ question: q.key, count });
  }
  return out;
}

/** The counts of answeredNotAsked as warnings at the question's filter in questionnaire.yaml. */
export function notAskedWarnings(questionnaire: Questionnaire, list: { question: string; count: number }[]): InputProblem[] {
  return list.map(({ question, count }) => {
    const q = questionnaire.byKey.get(question)!;
    return problem(
      { file: questionnaire.file, ...(q.source.line !== undefined ? { line: q.source.line } : {}) },
      `${count} ${count === 1 ? 'respondent beantwoordde' : 'respondenten beantwoordden'} vraag '${question}', terwijl de routering (filter op '${q.filter?.question}': ${q.filter?.answers.join(', ')}) zegt dat ${count === 1 ? 'hij' : 'zij'} die vraag niet kreeg${count === 1 ? '' : 'en'}; deze antwoorden tellen niet mee.`,
      'Controleer de filter van deze vraag tegen de routering (display logic) in Qualtrics.',
      'warning',
    );
  });
}
