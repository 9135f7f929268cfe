import { join, resolve } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../../model/report-types.ts';
import type { ChartKinds } from '../../model/chart-kinds/registry.ts';
import { renderChartSvgs, type ChartCache } from '../chart-images.ts';
import { htmlPage, type HtmlPage } from './document.ts';

/**
 * The web edition of a report model: its charts drawn for the screen, then the page. Charts are
 * drawn from the same Vega-Lite specs as the PDF's, narrower (they scale with the column and
 * stay readable on a phone), and with a dark outline around every bar and legend symbol so each
 * coloured area stands out at least 3:1 from white and from its neighbours.
 */

/** Width of a web chart in SVG units (CSS pixels at scale 1; the page scales it to its column). */
export const HTML_CHART_WIDTH = 360;

/** Outline of bars and legend symbols: #333333 is 12,6:1 on white and ≥ 3:1 on every light fill. */
const OUTLINE = { stroke: '#333333', strokeWidth: 0.6 };

export function screenChartSpec(spec: TopLevelSpec): TopLevelSpec {
  const config = spec.config ?? {};
  return {
    ...spec,
    config: {
      ...config,
      rect: { ...config.rect, ...OUTLINE },
      legend: { ...config.legend, symbolStrokeColor: OUTLINE.stroke, symbolStrokeWidth: OUTLINE.strokeWidth },
    },
  } as TopLevelSpec;
}

export interface HtmlEditionOptions {
  decimals: number;
  /** Drawn charts by spec, shared with the PDF's and kept between builds (watch, preview). */
  cache?: ChartCache;
  /** The chart kinds the model was built with; the built-in ones by default. */
  chartKinds?: ChartKinds;
}

export async function renderHtmlEdition(model: ReportModel, opts: HtmlEditionOptions): Promise<HtmlPage> {
  const charts = await renderChartSvgs(model, { width: HTML_CHART_WIDTH, decimals: opts.decimals }, opts.cache, screenChartSpec, opts.chartKinds);
  return htmlPage(model, { charts, decimals: opts.decimals, ...(opts.chartKinds ? { chartKinds: opts.chartKinds } : {}) });
}

/** The page's name in the edition folder output/eindrapport-<year>/. */
export const HTML_EDITION_FILE = 'index.html';

/** output/eindrapport-<year>/index.html */
export function htmlEditionPath(outDir: string, year: number): string {
  return join(resolve(outDir), `eindrapport-${year}`, HTML_EDITION_FILE);
}
