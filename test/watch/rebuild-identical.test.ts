import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rebuilder } from '../../src/watch/rebuilder.ts';
import type { BuildResult } from '../../src/build.ts';
import { completeEdition, type TempEdition } from '../check/complete-edition.ts';
import { ROOT } from '../helpers/paths.ts';
import { readPdf, type PdfBookmark } from '../helpers/read-pdf.ts';
import { lastLayoutReuse } from '../../src/render/pdf/layout-reuse.ts';

/** `eindrapport build` of the edition as it is now, in a process of its own with an empty chart cache. */
function freshBuild(ed: TempEdition): { pdf: Buffer; json: Buffer; html: Buffer } {
  const out = mkdtempSync(join(tmpdir(), 'fresh-'));
  const env = { ...process.env, EINDRAPPORT_CACHE_DIR: join(out, '.cache') };
  execFileSync(process.execPath, [join(ROOT, 'bin/eindrapport.js'), 'build', '--edition', ed.edition, '--out-dir', out], { cwd: ROOT, env, stdio: 'pipe' });
  const name = join(out, 'eindrapport-2030');
  return { pdf: readFileSync(`${name}.pdf`), json: readFileSync(`${name}.json`), html: readFileSync(join(name, 'index.html')) };
}

async function rebuild(r: Rebuilder): Promise<BuildResult> {
  const outcome = await r.rebuild();
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('; '));
  // As watch does: the PDF first, then the web edition and the JSON.
  await r.settled();
  return outcome.result;
}

function expectSameAsFresh(result: BuildResult, ed: TempEdition): void {
  const fresh = freshBuild(ed);
  expect(readFileSync(result.pdfPath).equals(fresh.pdf), 'PDF').toBe(true);
  expect(readFileSync(result.jsonPath).equals(fresh.json), 'JSON').toBe(true);
  expect(readFileSync(result.htmlPath).equals(fresh.html), 'HTML').toBe(true);
}

/** One answer of the first respondent of product 1 goes from 5 to 3 (the fixture's vertrouwen). */
function editAnswer(csv: string): string {
  const edited = csv.replace('R_test00,persoon0@example.org,1,5,', 'R_test00,persoon0@example.org,1,3,');
  if (edited === csv) throw new Error('no answer to edit in export.csv');
  return edited;
}

describe('watch rebuilds: the same files as a fresh build', () => {
  it('after editing a snippet, after editing the data, and after an edit that adds pages', { timeout: 300_000 }, async () => {
    const ed = completeEdition();
    const r = new Rebuilder(ed.edition, join(ed.dir, 'uitvoer'));
    r.pdfFirst = true;
    const first = await rebuild(r);
    await r.warmUp();

    // A narrative edit: one paragraph of the organisation's chapter.
    ed.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is {{tendens}}', 'Bewerkt: het beeld is {{tendens}}'));
    expectSameAsFresh(await rebuild(r), ed);
    // Only what changed was laid out again; the other chapters came from the build before.
    const reuse = lastLayoutReuse();
    expect(reuse.reused).toBeGreaterThan(0);
    expect(reuse.laidOut).toBeGreaterThan(0);

    // One product's data.
    ed.edit('export.csv', editAnswer);
    expectSameAsFresh(await rebuild(r), ed);

    // A long paragraph in an early chapter: the chapters after it move to later pages, and the
    // page numbers, the table of contents and the bookmarks move with them.
    const long = Array.from({ length: 160 }, (_, i) => `Zin ${i + 1} van een lange toegevoegde alinea.`).join(' ');
    ed.edit('narrative/organisatie.yaml', (t) => t.replace('hoofdstuk-waarden:\n', `hoofdstuk-waarden:\n  - ${long}\n`));
    const longer = await rebuild(r);
    expect(longer.pages).toBeGreaterThan(first.pages);
    expectSameAsFresh(longer, ed);
    // Every bookmark leads to the page that carries its heading.
    const read = await readPdf(longer.pdfPath);
    const marks = (bs: PdfBookmark[]): PdfBookmark[] => bs.flatMap((b) => [b, ...marks(b.children)]);
    expect(marks(read.outline).length).toBeGreaterThan(3);
    for (const b of marks(read.outline)) expect(read.pages[b.page - 1], b.title).toContain(b.title);

    // And back: the pages of the first build again.
    ed.edit('narrative/organisatie.yaml', (t) => t.replace(`  - ${long}\n`, ''));
    expectSameAsFresh(await rebuild(r), ed);
  });
});
