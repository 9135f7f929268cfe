import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chartFontFiles, chartLocale } from './theme.ts';
import { requireFromPdfkit } from '../patches/pdfkit-module.ts';
import { packageVersion } from '../../load/package-version.ts';

/** The modules that turn a spec into a drawing or SVG (siblings of this file, .ts or compiled .js). */
const RENDERER_MODULES = ['render-svg', 'vega-libraries', 'drawing', 'drawing-recorder', 'compact-svg', 'text-metrics', '../patches/vega-text-metrics'];

/**
 * Everything besides the spec that decides how a chart is drawn: the Vega and Vega-Lite versions,
 * the fontkit that measures its text (text-metrics.ts, as pdfkit finds it) and the font files, the number locale and this renderer's own code. Charts
 * kept on disk (src/output/chart-cache.ts) are only reused under the same version, so a library
 * upgrade, another font or a code change redraws every chart.
 */
export function chartRendererVersion(): string {
  const hash = createHash('sha256');
  for (const pkg of ['vega', 'vega-lite']) hash.update(`${pkg}@${packageVersion(pkg)}\n`);
  hash.update(`fontkit@${packageVersion('fontkit', requireFromPdfkit)}\n`);
  for (const file of [chartFontFiles.normal, chartFontFiles.bold]) hash.update(readFileSync(file));
  hash.update(JSON.stringify(chartLocale));
  // The pathname, not the URL: a loader (tsx's tsImport) may add a query to it.
  const ext = new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js';
  for (const m of RENDERER_MODULES) hash.update(readFileSync(fileURLToPath(new URL(`${m}${ext}`, import.meta.url))));
  return hash.digest('base64url');
}
