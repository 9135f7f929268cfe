import { createRequire } from 'node:module';
import { formatNumber, formatPercent as formatDutchPercent } from '../../analyse/dutch-number.ts';
import { fileURLToPath } from 'node:url';
import type { Config } from 'vega-lite';
import { z } from '../../load/zod-nl.ts';
import { readYamlFile } from '../../load/yaml-file.ts';

/** The one chart theme: templates/charts/theme.json, read once per process. */
export const THEME_FILE = fileURLToPath(new URL('../../../templates/charts/theme.json', import.meta.url));

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
        /** The answers of the agreement scale, from negative to positive. */
        scale: z.record(z.string(), Colour),
        /** Answers outside the scale that are still shown ("Niet van toepassing", "Gebruik ik nooit"). */
        other: z.object({ colour: Colour, labels: z.array(z.string()) }).strict(),
        yesNo: z.record(z.string(), Colour),
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
  })
  .strict();

export type ChartTheme = z.infer<typeof ThemeSchema>;

/** Reads and validates a theme file; errors carry file, line and column (InputError). */
export function loadChartTheme(path: string = THEME_FILE): ChartTheme {
  return readYamlFile(path, ThemeSchema).data;
}

export const theme: ChartTheme = loadChartTheme();

/** Absolute paths of the chart font (the same TTFs the PDF embeds as Roboto normal and bold). */
export const chartFontFiles: { normal: string; bold: string } = (() => {
  const require = createRequire(import.meta.url);
  return { normal: require.resolve(theme.font.normal), bold: require.resolve(theme.font.bold) };
})();

// --- Dutch numbers ------------------------------------------------------------------------------

/** Locale of every chart view: nl-NL numbers (decimal comma, thousands point). */
export const chartLocale = { number: theme.numberLocale };

/**
 * Chart labels use the report's own formatting and rounding rule (src/analyse/dutch-number.ts),
 * so a chart never rounds a value differently from the text or a table.
 */
export function formatPercent(value: number, decimals: number): string {
  return formatDutchPercent(value, decimals);
}

/** "1.234" — a count with a Dutch thousands separator. */
export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** "N = 484". */
export function formatN(n: number): string {
  return `N = ${formatCount(n)}`;
}

// --- Colours ------------------------------------------------------------------------------------

/** The fixed colour of an answer (agreement scale, "other" answers, Ja/Nee). */
export function answerColour(label: string): string {
  const { scale, other, yesNo } = theme.colours;
  const colour = scale[label] ?? yesNo[label] ?? (other.labels.includes(label) ? other.colour : undefined);
  if (!colour) {
    throw new Error(
      `Het antwoord '${label}' heeft geen kleur in ${THEME_FILE}. Voeg het toe onder colours.scale, colours.yesNo of colours.other.labels.`,
    );
  }
  return colour;
}

function channel(hex: string, offset: number): number {
  const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio (1–21) between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The theme's dark or light text colour, whichever contrasts more with the fill. */
export function textColourOn(fill: string): string {
  const { dark, light } = theme.colours.text;
  return contrastRatio(fill, dark) >= contrastRatio(fill, light) ? dark : light;
}

// --- Vega-Lite config ---------------------------------------------------------------------------

/** Shared Vega-Lite config: the PDF's font, nl-NL numbers, no axis clutter, legend at the bottom. */
export const vegaLiteConfig: Config = {
  font: theme.font.family,
  locale: chartLocale,
  padding: theme.layout.padding,
  background: 'transparent',
  aria: false,
  view: { stroke: null },
  axis: {
    domain: false,
    ticks: false,
    grid: false,
    labelFont: theme.font.family,
    labelFontSize: theme.fontSize.label,
    labelColor: theme.colours.text.dark,
    titleFont: theme.font.family,
    titleFontSize: theme.fontSize.label,
    titleColor: theme.colours.text.dark,
  },
  legend: {
    orient: 'bottom',
    title: null,
    labelFont: theme.font.family,
    labelFontSize: theme.fontSize.legend,
    labelColor: theme.colours.text.dark,
    labelLimit: 0,
    labelOffset: theme.legend.labelOffset,
    symbolType: 'square',
    symbolSize: theme.legend.symbolSize ** 2,
    symbolStrokeWidth: 0,
    columnPadding: theme.legend.columnPadding,
    rowPadding: theme.legend.rowPadding,
    padding: 0,
  },
  text: { font: theme.font.family, fontSize: theme.fontSize.label, color: theme.colours.text.dark },
};
