import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPdf } from '../src/render/pdf/write-pdf.ts';
import { differingPages, pageImages } from '../test/helpers/page-images.ts';
import { reportDocument, untagged } from '../test/helpers/report-document.ts';

/**
 * Two renderings of one edition, compared page by page as PNG (pdftoppm) and by their tagged
 * structure (pdfjs: each page's structure tree). Nothing on the page may change when the code
 * gets faster. Prints one JSON line for bench/main.ts.
 *
 *   compare-pages.ts <edition.yaml> --rev <git revision> [--dpi 60]
 *       `eindrapport build` of that revision (compiled in a temporary git worktree) against this
 *       working tree, both with this working tree's content (the edition file as given).
 *   compare-pages.ts <edition.yaml> --untagged [--dpi 60]
 *       this working tree's report tagged against untagged (tagging must not change a pixel).
 *   compare-pages.ts <edition.yaml> --twice
 *       two builds of this working tree: byte for byte the same PDF?
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** `eindrapport build` of the code in `root` (dist/ compiled), into `outDir`; the PDF's path. */
function buildWith(root: string, edition: string, outDir: string): string {
  // An empty chart cache: every chart is drawn.
  const env = { ...process.env, EINDRAPPORT_CACHE_DIR: join(outDir, '.cache') };
  execFileSync(process.execPath, [join(root, 'bin/eindrapport.js'), 'build', '--edition', edition, '--out-dir', outDir], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const pdf = execFileSync('sh', ['-c', `ls "${outDir}"/*.pdf`], { encoding: 'utf8' }).trim().split('\n')[0]!;
  return pdf;
}

/** A detached worktree of `rev` sharing this tree's node_modules, compiled. */
function checkout(rev: string, dir: string): void {
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
}

/** The structure tree of every page as JSON (roles, alt texts, nesting, marked-content ids). */
export async function structureTrees(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages: unknown[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push(await (await doc.getPage(i)).getStructTree());
  await doc.destroy();
  return JSON.stringify(pages);
}

interface Comparison {
  pages: number;
  differing: number;
  differingPages: number[];
  sameStructure: boolean;
  sameBytes: boolean;
}

async function compare(a: Buffer, b: Buffer, dpi: number): Promise<Comparison> {
  const [pa, pb] = [pageImages(a, dpi), pageImages(b, dpi)];
  const differing = differingPages(pa, pb);
  return {
    pages: pa.length,
    differing: differing.length,
    differingPages: differing,
    sameStructure: (await structureTrees(a)) === (await structureTrees(b)),
    sameBytes: a.equals(b),
  };
}

export async function main(args: string[]): Promise<number> {
  const edition = resolve(args[0]!);
  const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const dpi = Number(opt('dpi') ?? 60);
  let result: Comparison & { base?: string };
  if (args.includes('--untagged')) {
    const doc = await reportDocument(edition);
    result = await compare(await renderPdf(doc()), await renderPdf(untagged(doc())), dpi);
    // The untagged PDF has no structure to compare.
    result.sameStructure = true;
  } else {
    const tmp = mkdtempSync(join(tmpdir(), 'compare-pages-'));
    try {
      const rev = opt('rev');
      let base: string;
      if (rev) {
        const tree = join(tmp, 'tree');
        checkout(rev, tree);
        try {
          base = buildWith(tree, edition, join(tmp, 'base'));
        } finally {
          execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' });
        }
      } else if (args.includes('--twice')) {
        base = buildWith(ROOT, edition, join(tmp, 'base'));
      } else {
        console.error('compare-pages: geef --rev <revisie>, --untagged of --twice');
        return 2;
      }
      const now = buildWith(ROOT, edition, join(tmp, 'now'));
      if (!existsSync(base)) throw new Error(`no PDF from ${rev}`);
      result = { ...(await compare(readFileSync(base), readFileSync(now), dpi)), ...(rev ? { base: rev } : {}) };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify(result));
  return result.differing || !result.sameStructure ? 1 : 0;
}
