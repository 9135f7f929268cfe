import { answerTones } from '../../load/answer-tones.ts';
import { toneColour, type ChartTheme } from '../../load/chart-theme.ts';
import { problem, type InputProblem } from '../../load/input-error.ts';
import type { Question, Questionnaire } from '../../load/questionnaire.ts';
import { BUILT_IN_CHART_KINDS, type ChartKinds } from './registry.ts';

/**
 * Every answer a chart can show must get a colour from the theme: a substantive answer without
 * polarity, or a scale with more steps on one side than the theme has colours, is a mistake the
 * user fixes in questionnaire.yaml or theme.json — reported by check and build at the answer's line.
 * Which questions have such charts, the chart-kind registry says: the kind of a question's own
 * chart colours its answers (`answerColours`), and its breakdowns share its scale.
 */
export function themeProblems(theme: ChartTheme, questionnaire: Questionnaire, themeFile: string, kinds: ChartKinds = BUILT_IN_CHART_KINDS): InputProblem[] {
  const problems: InputProblem[] = [];
  const coloured = (q: Question) => q.scale !== undefined && kinds.get(kinds.forQuestion(q.kind)).answerColours;
  // One question per scale: the answers, and so the colours, are the scale's.
  const charted = new Map<string, Question>();
  for (const q of questionnaire.questions) if (coloured(q) && !charted.has(q.scale!)) charted.set(q.scale!, q);
  for (const [key, q] of charted) {
    const tones = answerTones(q.answers);
    const lines = questionnaire.scaleLines[key];
    q.answers.forEach((a, i) => {
      if (!a.substantive) return;
      const at = { file: questionnaire.file, ...(lines?.answers[i] !== undefined ? { line: lines.answers[i] } : {}) };
      const tone = tones.get(a.label);
      if (!tone) {
        problems.push(problem(at, `antwoord '${a.label}' van schaal '${key}' heeft geen polarity, dus geen plaats en geen kleur in de grafieken.`, 'Geef het een polarity (negative, neutral, positive, yes, no of other), of substantive: false als het geen inhoudelijk antwoord is.'));
      } else if (toneColour(theme, tone) === null) {
        const side = tone.split('-')[0] as 'negative' | 'positive';
        const needed = [...tones.values()].filter((t) => t.startsWith(side)).length;
        problems.push(
          problem(
            at,
            `schaal '${key}' heeft ${needed} ${side === 'negative' ? 'negatieve' : 'positieve'} antwoorden, maar het grafiekthema (${themeFile}) heeft er ${theme.colours.scale[side].length} ${theme.colours.scale[side].length === 1 ? 'kleur' : 'kleuren'} voor; '${a.label}' krijgt geen kleur.`,
            `Voeg een kleur toe aan colours.scale.${side} in ${themeFile} (van het midden naar buiten).`,
          ),
        );
      }
    });
  }
  return problems;
}
