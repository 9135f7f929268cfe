import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTemplate } from '../../load/template-store.ts';
import { loadHtmlLabels, type HtmlLabels } from '../../load/html-labels.ts';
import { chartFontFiles, theme } from '../charts/theme.ts';

/**
 * What the web edition is made of besides the model: templates/html/ (page layout, stylesheet,
 * fixed texts) and the chart font, embedded so the page needs nothing from anywhere. The template
 * files are read on every render (they are small, and `preview` must see an edited stylesheet);
 * the font is read once.
 */
export const HTML_TEMPLATES = fileURLToPath(new URL('../../../templates/html/', import.meta.url));

export type { HtmlLabels };

export interface HtmlAssets {
  page: HandlebarsTemplateDelegate;
  style: string;
  labels: HtmlLabels;
  /** @font-face rules with the font inline. */
  fonts: string;
}

export function loadHtmlAssets(dir: string = HTML_TEMPLATES): HtmlAssets {
  const page = compileTemplate(readFileSync(`${dir}page.hbs`, 'utf8'), { strict: true });
  return {
    page,
    style: readFileSync(`${dir}style.css`, 'utf8'),
    labels: loadHtmlLabels(`${dir}labels.yaml`),
    fonts: fontFaces(),
  };
}

let fontCss: string | null = null;

/** The PDF's own TTFs (Roboto regular and medium) as data: URLs — the SVG text was measured with them. */
function fontFaces(): string {
  if (fontCss === null) {
    const face = (file: string, weight: string) =>
      `@font-face { font-family: "${theme.font.family}"; font-style: normal; font-weight: ${weight}; font-display: swap; ` +
      `src: url(data:font/ttf;base64,${readFileSync(file).toString('base64')}) format("truetype"); }`;
    fontCss = [face(chartFontFiles.normal, '100 400'), face(chartFontFiles.bold, '500 900')].join('\n');
  }
  return fontCss;
}
