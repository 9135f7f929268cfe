import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core (installed by .ci/run with apt-get; `npx playwright
 * install` cannot download here). Every launch gets a fresh profile, no network services, and
 * reduced motion so scrolling happens at once.
 */
export const CHROMIUM = '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  page(width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'eindrapport-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async page(width = 1280, height = 900) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeSummary {
  violations: { id: string; help: string; nodes: string[] }[];
  /** Rules axe could not decide, with the elements outside the charts' SVG (axe cannot tell the background of SVG text). */
  incompleteOutsideCharts: { id: string; nodes: string[] }[];
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function axeWcag21(page: Page): Promise<AxeSummary> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeResult[]; incomplete: AxeResult[] }> } }).axe;
    type AxeResult = { id: string; help: string; nodes: { html: string; target: string[] }[] };
    const inChart = (target: string[]) => target.length === 1 && document.querySelector(target[0]!)?.closest('figure.chart svg') != null;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations', 'incomplete'] });
    return {
      violations: r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.html.slice(0, 200)) })),
      incompleteOutsideCharts: r.incomplete
        .map((v) => ({ id: v.id, nodes: v.nodes.filter((n) => !inChart(n.target)).map((n) => n.html.slice(0, 160)) }))
        .filter((v) => v.nodes.length > 0),
    };
  });
}
