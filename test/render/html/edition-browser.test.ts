import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/report-model.ts';
import { blocksOfType } from '../../../src/model/visit-blocks.ts';
import { renderHtmlEdition } from '../../../src/render/html/edition.ts';
import type { ReportModel } from '../../../src/model/report-types.ts';
import { axeWcag21, launchBrowser, type Browser } from '../../helpers/browser.ts';
import { ROOT } from '../../helpers/paths.ts';

/**
 * The web editions of 2018 and 2019 (model and web edition, as `build` makes them, without the
 * PDF), opened from disk in a real browser.
 */
const editions: { year: number; html: string; model: ReportModel }[] = [];
let browser: Browser;

beforeAll(async () => {
  for (const year of [2018, 2019]) {
    const { model, survey } = buildModel(join(ROOT, `content/${year}/edition.yaml`));
    const dir = join(mkdtempSync(join(tmpdir(), `eindrapport-html-${year}-`)), `eindrapport-${year}`);
    mkdirSync(dir);
    const page = await renderHtmlEdition(model, { decimals: survey.edition.rounding.chart_decimals });
    writeFileSync(join(dir, 'index.html'), page.html);
    editions.push({ year, html: join(dir, 'index.html'), model });
  }
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function open(year: number, width = 1280, height = 900): Promise<{ page: Page; model: ReportModel; requests: string[] }> {
  const edition = editions.find((e) => e.year === year)!;
  const page = await browser.page(width, height);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(edition.html).href);
  return { page, model: edition.model, requests };
}

describe.each([2018, 2019])('the %i web edition', (year) => {
  it('has no WCAG 2.1 A/AA violations by axe-core, with every data table opened', { timeout: 240_000 }, async () => {
    const { page } = await open(year);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const result = await axeWcag21(page);
    expect(result.violations).toEqual([]);
    // What axe could not decide is only text inside the charts' SVG (its contrast is the chart
    // theme's, tested there); every HTML text was decided.
    expect(result.incompleteOutsideCharts).toEqual([]);
    await page.close();
  });

  it('is one self-contained page: no request besides the page itself', async () => {
    const { page, requests } = await open(year);
    await page.waitForLoadState('load');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:.*index\.html$/);
    const external = await page.evaluate(() =>
      [...document.querySelectorAll('[src], link[href], [href]:not(a)')].map((e) => e.outerHTML.slice(0, 100)),
    );
    expect(external).toEqual([]);
    await page.close();
  });

  it('is structured: lang nl, landmarks, skip link, headings without skipped levels, a figure per chart', async () => {
    const { page, model } = await open(year);
    const s = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      landmarks: ['header', 'nav', 'main', 'footer'].map((t) => document.querySelectorAll(`body > ${t}, body > .layout > ${t}`).length),
      skip: (() => {
        const a = document.querySelector('body > a:first-child') as HTMLAnchorElement | null;
        return a ? { href: a.getAttribute('href'), target: document.querySelector(a.getAttribute('href')!)?.tagName } : null;
      })(),
      headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
      figures: [...document.querySelectorAll('main figure')].map((f) => {
        const svg = f.querySelector(':scope > svg');
        return {
          id: f.id,
          caption: f.querySelector(':scope > figcaption')?.textContent ?? null,
          role: svg?.getAttribute('role'),
          label: svg?.getAttribute('aria-label'),
          table: f.querySelector(':scope > details > summary') !== null && f.querySelectorAll('details table th[scope="col"]').length > 1,
        };
      }),
      lists: document.querySelectorAll('main ul > li').length,
      tables: document.querySelectorAll('main table').length,
    }));
    expect(s.lang).toBe('nl');
    expect(s.landmarks).toEqual([1, 1, 1, 1]);
    expect(s.skip).toEqual({ href: '#inhoud', target: 'MAIN' });
    expect(s.headings.filter((h) => h === 1)).toHaveLength(1);
    s.headings.forEach((h, i) => i > 0 && expect(h - s.headings[i - 1]!).toBeLessThanOrEqual(1));
    const charts = blocksOfType(model, 'chart');
    expect(s.figures).toEqual(charts.map((b) => ({ id: expect.stringContaining(b.id), caption: b.caption, role: 'img', label: b.description, table: true })));
    expect(s.lists).toBeGreaterThan(0);
    expect(s.tables).toBeGreaterThan(charts.length);
    await page.close();
  });

  it('every table-of-contents link lands on its heading', { timeout: 120_000 }, async () => {
    const { page, model } = await open(year);
    const links = await page.$$eval('nav a', (as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent! })));
    const inToc = model.parts.flatMap((p) => p.chapters.filter((c) => c.inToc).flatMap((c) => [c.id, ...c.sections.map((x) => x.id)]));
    expect(links.map((l) => l.href.slice(1))).toEqual(expect.arrayContaining(inToc));
    for (const link of links) {
      await page.click(`nav a[href="${link.href}"]`);
      const landed = await page.evaluate((id) => {
        const h = document.getElementById(id);
        const r = h?.getBoundingClientRect();
        const atBottom = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight;
        return { hash: location.hash, tag: h?.tagName, text: h?.textContent, top: r?.top, visible: !!r && r.top >= 0 && r.bottom <= window.innerHeight, atBottom };
      }, link.href.slice(1));
      expect(landed.hash).toBe(link.href);
      expect(landed.tag).toMatch(/^H[2-6]$/);
      expect(landed.text!.replace(/\s+/g, ' ').trim()).toBe(link.text.replace(/\s+/g, ' ').trim());
      // At the top of the window, or as far as the page scrolls (the last headings).
      expect(landed.visible && (landed.top! < 40 || landed.atBottom)).toBe(true);
    }
    await page.close();
  });

  it('keyboard: Tab reaches every link, the skip link first', { timeout: 120_000 }, async () => {
    const { page } = await open(year);
    await page.evaluate(() => {
      const w = window as unknown as { reached: string[] };
      w.reached = [];
      document.addEventListener('focusin', (e) => {
        const t = e.target as HTMLElement;
        w.reached.push(t.tagName === 'A' ? `a ${t.getAttribute('href')}` : t.tagName.toLowerCase());
      });
    });
    const links = await page.$$eval('a[href]', (as) => as.filter((a) => a.getClientRects().length > 0 || a.classList.contains('skip-link')).map((a) => `a ${a.getAttribute('href')}`));
    const stops = await page.evaluate(() => document.querySelectorAll('a[href], summary, [tabindex="0"]').length);
    for (let i = 0; i < stops + 2; i++) await page.keyboard.press('Tab');
    const reached = await page.evaluate(() => (window as unknown as { reached: string[] }).reached);
    expect(reached[0]).toBe('a #inhoud');
    expect(new Set(reached)).toEqual(new Set([...reached.filter((r) => !r.startsWith('a ')), ...links]));
    // The skip link works: Enter moves focus into main.
    await page.reload();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await page.close();
  });

  it('reflows at 320 px: no horizontal scrolling, also with the data tables open', async () => {
    const { page } = await open(year, 320, 640);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(320);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await width()).toBeLessThanOrEqual(320);
    await page.close();
  });
});
