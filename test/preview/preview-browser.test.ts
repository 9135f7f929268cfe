import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check-edition.ts';
import { formatProblem } from '../../src/load/input-error.ts';
import { startPreview, type Preview } from '../../src/preview/preview.ts';
import { completeEdition, type TempEdition } from '../check/complete-edition.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';

/** `eindrapport preview` on a copy of the mini edition, watched by a real browser. */
let ed: TempEdition;
let preview: Preview;
let url: string;
let browser: Browser;
let page: Page;
const printed: string[] = [];

beforeAll(async () => {
  ed = completeEdition();
  preview = startPreview({ editionFile: ed.edition, outDir: join(ed.dir, 'uitvoer'), port: 0, print: (s) => printed.push(s) });
  url = await preview.ready;
  browser = await launchBrowser();
  page = await browser.page();
  await page.goto(url);
  // Set in this document only: still there after an update means the page was not reloaded.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

const bodyText = () => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
const sameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

/** A raw request (no URL normalisation by a client library), with its status and body. */
function get(path: string, host?: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('eindrapport preview', () => {
  it('serves the web edition on 127.0.0.1', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await bodyText()).toContain('Bij Alfa is 60% positief.');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  it('shows an edited snippet without a manual reload, scrolled into view and marked', { timeout: 60_000 }, async () => {
    ed.edit('narrative/product.yaml', (t) => t.replace('Bij {{product}} is {{positief "vertrouwen"}} positief.', 'Nieuw geschreven, bij {{product}} vertrouwt {{positief "vertrouwen"}} Logius.'));
    await page.waitForFunction(() => document.body.innerText.includes('Nieuw geschreven, bij Alfa vertrouwt 60% Logius.'), undefined, { timeout: 45_000 });
    expect(await sameDocument()).toBe(true);
    const marked = await page.$$eval('.preview-changed', (els) =>
      els.map((el) => ({ unit: el.getAttribute('data-unit'), text: (el as HTMLElement).innerText, top: el.getBoundingClientRect().top })),
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => m.unit!.startsWith('paragraaf:'))).toBe(true);
    expect(marked.some((m) => m.text.includes('Nieuw geschreven, bij Alfa'))).toBe(true);
    // The first changed section is at the top of the window.
    expect(Math.abs(marked[0]!.top)).toBeLessThan(50);
    expect(await bodyText()).not.toContain('Bij Alfa is 60% positief.');
  });

  it('shows a broken YAML file as an overlay with the messages of check, over the last good page; fixing it clears it', { timeout: 60_000 }, async () => {
    const good = ed.read('narrative/product.yaml');
    ed.write('narrative/product.yaml', good.replace('hoofdstuk-werkprocessen:\n', 'hoofdstuk-werkprocessen:\n  - "nooit gesloten\n'));
    const expected = checkEdition(ed.edition).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected[0]).toContain(`${ed.path('narrative/product.yaml')}:`);
    const overlay = await page.waitForSelector('.preview-overlay', { timeout: 45_000 });
    const shown = await overlay.$$eval('li', (lis) => lis.map((li) => li.textContent));
    expect(shown).toEqual(expect.arrayContaining(expected));
    expect(shown.some((m) => /product\.yaml:\d+(:\d+)?: fout: /.test(m!))).toBe(true);
    expect(await overlay.getAttribute('role')).toBe('alert');
    // The last good page stays underneath.
    expect(await bodyText()).toContain('Nieuw geschreven, bij Alfa vertrouwt 60% Logius.');
    expect(await sameDocument()).toBe(true);

    ed.write('narrative/product.yaml', good);
    await page.waitForSelector('.preview-overlay', { state: 'detached', timeout: 45_000 });
    expect(await bodyText()).toContain('Nieuw geschreven, bij Alfa vertrouwt 60% Logius.');
  });

  it('refuses every request outside the edition folder, and other hosts', async () => {
    for (const path of [
      '/../package.json',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/..%2f..%2fetc%2fpasswd',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/C:/Windows/win.ini',
      `${ed.dir}/edition.yaml`.replace(/^\/?/, '//'),
      'http://127.0.0.1/../edition.yaml',
      '/index.html%00.txt',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(403);
      expect(r.body, path).toMatch(/^Geweigerd/);
    }
    expect((await get('/bestaat-niet.html')).status).toBe(404);
    expect((await get('/', 'evil.example')).status).toBe(403);
    expect((await get('/index.html')).status).toBe(200);
  });

  it('makes the PDF in the background on request', { timeout: 120_000 }, async () => {
    await page.click('.preview-bar button');
    await page.waitForFunction(() => /PDF bijgewerkt/.test(document.querySelector('.preview-pdf')?.textContent ?? ''), undefined, { timeout: 100_000 });
    expect(existsSync(join(ed.dir, 'uitvoer', 'eindrapport-2030.pdf'))).toBe(true);
    expect(await sameDocument()).toBe(true);
  });
});
