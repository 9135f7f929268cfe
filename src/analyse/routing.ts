import type { Questionnaire, Question } from '../load/questionnaire.ts';
import type { ResponseData } from '../load/responses.ts';

/**
 * Who was asked a question: respondents who pass its filter chain (a follow-up of a follow-up
 * needs both filters passed). One Uint8Array per question, computed once.
 */
export function routedRespondents(questionnaire: Questionnaire, responses: ResponseData): Map<string, Uint8Array> {
  const routed = new Map<string, Uint8Array>();
  const resolve = (q: Question): Uint8Array => {
    const done = routed.get(q.key);
    if (done) return done;
    const mask = new Uint8Array(responses.count).fill(1);
    if (q.filter) {
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
