import type { AnswerOption } from './questionnaire.ts';

/**
 * An answer's place in its scale, which decides its colour: 'negative-1' is the negative answer
 * next to the middle, 'negative-2' the one beyond it; likewise 'positive-n'; 'neutral', 'other'
 * (shown apart, e.g. "niet van toepassing"), 'yes' and 'no'. Not its label: editions that word a
 * scale differently chart alike.
 */
export type Tone = `negative-${number}` | `positive-${number}` | 'neutral' | 'other' | 'yes' | 'no';

/** The tone of every substantive answer of a scale, by label; answers without polarity are left out. */
export function answerTones(answers: AnswerOption[]): Map<string, Tone> {
  const shown = answers.filter((a) => a.substantive);
  const negatives = shown.filter((a) => a.polarity === 'negative');
  const positives = shown.filter((a) => a.polarity === 'positive');
  const tones = new Map<string, Tone>();
  for (const a of shown) {
    switch (a.polarity) {
      case 'negative':
        // Scales run from negative to positive: the last negative answer is next to the middle.
        tones.set(a.label, `negative-${negatives.length - negatives.indexOf(a)}`);
        break;
      case 'positive':
        tones.set(a.label, `positive-${positives.indexOf(a) + 1}`);
        break;
      case 'neutral':
      case 'other':
      case 'yes':
      case 'no':
        tones.set(a.label, a.polarity);
        break;
      default:
        break;
    }
  }
  return tones;
}
