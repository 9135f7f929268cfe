import { createRequire } from 'node:module';
import { formatNumber, formatPercent as formatDutchPercent } from '../../analyse/dutch-number.ts';
import type { Config } from 'vega-lite';
import { loadChartTheme, toneColour, type ChartTheme } from '../../load/chart-theme.ts';
import { fillText } from '../../load/text-template.ts';
import { InputError, problem } from '../../load/input-error.ts';
import type { Tone } from '../../load/answer-tones.ts';

export { THEME_FILE, loadChartTheme, type ChartTheme } from '../../load/chart-theme.ts';

export let theme: ChartTheme = loadChartTheme();
const THEME_FILE_SHOWN = 'templates/charts/theme.json';

/** Absolute paths of the chart font (the same TTFs the PDF embeds as Roboto normal and bold). */
export const chartFontFiles: { normal: string; bold: string } = (() => {
  const require = createRequire(import.meta.url);
  return { normal: require.resolve(theme.font.normal), bold: require.resolve(theme.font.bold) };
})();

// --- Dutch numbers ------------------------------------------------------------------------------

/** Locale of every chart view: nl-NL numbers (decimal comma, thousands point). */
export let chartLocale = { number: theme.numberLocale };

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

/** "N = 484" (theme texts.count). */
export function formatN(n: number): string {
  return fillText(theme.texts.count, { n: formatCount(n) });
}

// --- Colours ------------------------------------------------------------------------------------

/**
 * The colour of an answer: by its tone (place and polarity in its scale), never by its wording.
 * `check` and `build` verify first that every scale's tones have a colour (src/model/chart-kinds/theme-colours.ts),
 * so a miss here means content that skipped that check.
 */
export function answerColour(label: string, tones: Readonly<Record<string, Tone>> | undefined): string {
  const tone = tones?.[label];
  const colour = tone ? toneColour(theme, tone) : null;
  if (!colour) {
    throw new InputError(
      problem(
        { file: THEME_FILE_SHOWN },
        `het antwoord '${label}' heeft ${tone ? `de plaats '${tone}' in zijn schaal, maar daarvoor staat geen kleur in het grafiekthema` : 'geen polarity in zijn schaal, dus geen kleur'}.`,
        'Geef het antwoord een polarity in questionnaire.yaml, of voeg een kleur toe onder colours.scale in templates/charts/theme.json.',
      ),
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

/**
 * Reads the theme file again, for a long-running `preview` whose editor changed it: colours, sizes
 * and the number locale take effect in the next charts (the font files are read once per process).
 * A mistake in the file is an InputError with its line, and leaves the current theme in place.
 */
export function reloadChartTheme(path?: string): void {
  const next = loadChartTheme(path);
  theme = next;
  chartLocale = { number: theme.numberLocale };
  vegaLiteConfig = liteConfig();
}

/** Shared Vega-Lite config: the PDF's font, nl-NL numbers, no axis clutter, legend at the bottom. */
export let vegaLiteConfig: Config = liteConfig();

function liteConfig(): Config {
    return {
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
}
