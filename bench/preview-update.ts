import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startPreview } from '../src/preview/preview.ts';
import type { PreviewOutcome } from '../src/preview/preview-rebuilder.ts';

/**
 * `eindrapport preview` as an editor uses it, on a temporary copy of an edition: the server, and
 * the page open in Debian's chromium. Each run saves one snippet with a new sentence and measures
 * from the save until the sentence is in the page's DOM (a MutationObserver in the page): file
 * watching, check, model, web edition, server-sent event, and the page replacing the section.
 * Prints one JSON line for bench/main.ts: the seconds of every update, and the server's part.
 */
export async function main([edition, runsText]: string[]): Promise<number> {
  const runs = Number(runsText ?? 5);
  const source = resolve(edition!);
  const dir = mkdtempSync(join(tmpdir(), 'bench-preview-'));
  const profile = mkdtempSync(join(tmpdir(), 'bench-preview-chromium-'));
  const outcomes: PreviewOutcome[] = [];
  const preview = (() => {
    cpSync(dirname(source), dir, { recursive: true });
    const copy = join(dir, 'edition.yaml');
    const text = readFileSync(copy, 'utf8').replace(/^(\s+file:\s*)(\S+)\s*$/m, (_, lead: string, file: string) => `${lead}${resolve(dirname(source), file)}`);
    writeFileSync(copy, text);
    return startPreview({ editionFile: copy, outDir: join(dir, 'uitvoer'), port: 0, print: () => {}, onRebuild: (o) => outcomes.push(o) });
  })();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const url = await preview.ready;
    const page = await context.newPage();
    await page.goto(url);
    // Let the warm-up after the first build finish, as an editor reading the page would.
    await new Promise((r) => setTimeout(r, 3000));
    const snippetFile = join(dir, 'narrative', 'organisatie.yaml');
    const original = readFileSync(snippetFile, 'utf8');
    const updates: number[] = [];
    const server: number[] = [];
    for (let n = 1; n <= runs; n++) {
      const marker = `Bewerkt voor de benchmark (${n}).`;
      const after = original.replace(/^(\s+- (?:>-?\s*\n\s+)?)(?=\S)/m, `$1${marker} `);
      if (after === original) throw new Error(`no paragraph found in ${snippetFile}`);
      // A string, not a function: tsx would add helpers the page does not have.
      const seen = page.evaluate(`new Promise((res) => {
        const text = ${JSON.stringify(marker)};
        const observer = new MutationObserver(() => check());
        const check = () => { if (document.body.textContent.includes(text)) { observer.disconnect(); res(); } };
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        check();
      })`);
      const before = outcomes.length;
      const t0 = performance.now();
      writeFileSync(snippetFile, after);
      await seen;
      updates.push((performance.now() - t0) / 1000);
      const outcome = outcomes[before];
      server.push(outcome ? outcome.seconds : NaN);
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log(JSON.stringify({ updates, server }));
    return 0;
  } finally {
    await context.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
