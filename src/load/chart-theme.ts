import { fileURLToPath } from 'node:url';
import { z } from './zod-nl.ts';
import { readYamlFile } from './yaml-file.ts';
import { memoOnDisk } from './input-memo.ts';
import { textTemplate, textTemplateWith } from './text-template.ts';
import type { Tone } from './answer-tones.ts';

/** The one chart theme: templates/charts/theme.json, read once per process. */
export const THEME_FILE = fileURLToPath(new URL('../../templates/charts/theme.json', import.meta.url));

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'een kleur schrijf je als #rrggbb');
const Size = z.number().positive();
const Offset = z.number().min(0);

const ThemeSchema = z
  .object({
    $comment: z.string().optional(),
    font: z.object({ family: z.string().min(1), normal: z.string().min(1), bold: z.string().min(1) }).strict(),
    fontSize: z.object({ label: Size, value: Size, count: Size, legend: Size, note: Size }).strict(),
    lineHeight: z.number().min(1).max(2),
    numberLocale: z
      .object({
        decimal: z.string(),
        thousands: z.string(),
        grouping: z.array(z.number().int().positive()),
        currency: z.tuple([z.string(), z.string()]),
      })
      .strict(),
    colours: z
      .object({
        /**
         * Scale answers by their place, not their wording: negative and positive from the middle
         * outwards (the first colour is for the answer next to neutral), so any wording charts alike.
         */
        scale: z
          .object({ negative: z.array(Colour).min(1), neutral: Colour, positive: z.array(Colour).min(1) })
          .strict()
          .describe('Kleuren van de schaalantwoorden naar hun plaats: negatief en positief van het midden naar buiten, neutraal in het midden.'),
        /** Answers outside the scale that are still shown (polarity other: "Niet van toepassing", "Gebruik ik nooit"). */
        other: Colour,
        yesNo: z.object({ yes: Colour, no: Colour }).strict(),
        multiselect: Colour,
        respondents: Colour,
        text: z.object({ dark: Colour, light: Colour, muted: Colour }).strict(),
      })
      .strict(),
    bar: z
      .object({
        height: Size,
        previousHeight: Size,
        previousGap: Offset,
        rowGap: Offset,
        simpleHeight: Size,
        simpleRowGap: Offset,
        valuePadding: Offset,
      })
      .strict(),
    layout: z
      .object({
        /** Label column as a share of the chart width where the column is fixed (value summary). */
        labelColumnFixed: z.number().min(0.1).max(0.7),
        /** Largest label column (share of the width) where the column fits its labels. */
        labelColumnMax: z.number().min(0.1).max(0.7),
        gutter: Offset,
        padding: z.object({ top: Offset, bottom: Offset, left: Offset, right: Offset }).strict(),
      })
      .strict(),
    legend: z
      .object({ symbolSize: Size, labelOffset: Offset, columnPadding: Offset, rowPadding: Offset, marginTop: Offset })
      .strict(),
    note: z.object({ marginTop: Offset }).strict(),
    /** Words in the charts, as text templates (text-template.ts): {{n}} is filled by the renderer. */
    texts: z
      .object({
        /** After each bar: {{n}} is the number of answers ("N = 484"). */
        count: textTemplateWith('n'),
        previousYear: textTemplate(),
        /** Under a chart with more answers possible: {{n}} is the text of `count`. */
        multipleAnswers: textTemplateWith('n'),
      })
      .strict(),
  })
  .strict();

export type ChartTheme = z.infer<typeof ThemeSchema>;

/** Reads and validates a theme file; errors carry file, line and column (InputError). */
export function loadChartTheme(path: string = THEME_FILE): ChartTheme {
  // Kept on disk from an earlier run while the file is the same (input-memo.ts).
  return memoOnDisk('thema', path, path, () => readYamlFile(path, ThemeSchema).data);
}

/** The colour of a tone, or null when the theme has none for it (e.g. a third negative step). */
export function toneColour(theme: ChartTheme, tone: Tone): string | null {
  const { scale, other, yesNo } = theme.colours;
  if (tone === 'neutral') return scale.neutral;
  if (tone === 'other') return other;
  if (tone === 'yes') return yesNo.yes;
  if (tone === 'no') return yesNo.no;
  const [side, step] = tone.split('-') as ['negative' | 'positive', string];
  return scale[side][Number(step) - 1] ?? null;
}
