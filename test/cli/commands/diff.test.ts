import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffCommand } from '../../../src/cli/commands/diff.ts';
import { InputError } from '../../../src/load/input-error.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';
import { copyEdition } from '../../helpers/temp-edition.ts';
import { flattenOutline, readPdf, type PdfContent } from '../../helpers/read-pdf.ts';
import { setAnswer } from '../../diff/helpers.ts';
import { runCli } from '../../helpers/run-cli.ts';

const SNIPPET_EDIT = (t: string) => t.replace('Het beeld is {{tendens}}', 'Het totaalbeeld is {{tendens}}');

const cli = runCli;

const quiet = () => {};
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('eindrapport diff <a> <b>', () => {
  const a = copyEdition(MINI_EDITION);
  const b = copyEdition(MINI_EDITION);
  b.edit('narrative/organisatie.yaml', SNIPPET_EDIT);
  // R_test08 leaves 'aangesloten' blank: Beta drops below the minimum there.
  b.edit('export.csv', (t) => setAnswer(setAnswer(setAnswer(t, 'R_test04', 'Q2', '5'), 'R_test02', 'Q2', '-1'), 'R_test08', 'Q3', ''));
  const out = join(tmp('diff-cli-'), 'verschil.pdf');
  let run: Awaited<ReturnType<typeof cli>>;
  let pdf: PdfContent;

  beforeAll(async () => {
    run = await cli('diff', a.dir, b.dir, '--out', out, '--format', 'md', '--threshold', '7,5');
    pdf = await readPdf(out);
  }, 30_000);

  it('prints the Markdown on stdout and writes the PDF', () => {
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const md = run.stdout;
    for (const h of ['## Samenvatting', '## Structuur', '## Cijfers', '## Tekst']) expect(md).toContain(h);
    expect(md.indexOf('## Samenvatting')).toBeLessThan(md.indexOf('## Structuur'));
    expect(md).toContain('Het ~~beeld~~ **totaalbeeld** is');
    expect(md).toContain('### 1 Hoe we werken › 1.1 Betrouwbaar');
    expect(md).toContain('7,5 punten of meer');
    // messages go to stderr, so the Markdown can be piped
    expect(run.stderr).toContain(`PDF: ${out}`);
    expect(md).not.toContain('PDF:');
  });

  it('puts a one-page summary first, then structure, figures and wording', () => {
    expect(pdf.pages[0]).toContain('Verschillen tussen twee rapporten');
    expect(pdf.pages[0]).toContain('Samenvatting');
    expect(pdf.pages[0]).toContain('Grootste verschuivingen');
    expect(pdf.pages[0]).toContain('Ik vertrouw Logius.');
    const marks = flattenOutline(pdf.outline).map((m) => [m.title, m.page]);
    expect(marks.map((m) => m[0])).toEqual(['Verschillen tussen twee rapporten', 'Structuur', 'Cijfers', 'Tekst']);
    expect(marks[0]![1]).toBe(1);
    expect(marks[1]![1]).toBe(2);
    expect(pdf.language).toBe('nl-NL');
  });

  it('prints Dutch numbers, the suppressed group without its numbers, and the edited words', () => {
    const all = pdf.pages.join(' ');
    expect(pdf.pages[0]).toContain('positief +40,0 punten (60,0% › 100,0%)');
    expect(all).toMatch(/Alfa \+40,0 60,0 › 100,0 −20,0 20,0 › 0,0 −20,0 20,0 › 0,0 5 › 4/);
    expect(all).toContain('nu te weinig respondenten');
    expect(all).toContain('totaalbeeld');
    // Roboto has no arrow: none may be printed (it would be a blank box)
    expect(all).not.toContain('→');
  });
});

describe('eindrapport diff: errors', () => {
  it('refuses an unknown format, a bad threshold or a missing side, in Dutch, with exit code 1', async () => {
    const r1 = await cli('diff', dirname(MINI_EDITION), dirname(MINI_EDITION), '--format', 'docx');
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain("onbekend formaat 'docx'");
    const r2 = await cli('diff', dirname(MINI_EDITION), dirname(MINI_EDITION), '--threshold', 'veel');
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain("'veel' is geen geldige drempel");
    const r3 = await cli('diff', dirname(MINI_EDITION));
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('geef twee rapporten om te vergelijken');
  });

  it('says which input is not a report model', async () => {
    const dir = tmp('diff-json-');
    const bad = join(dir, 'ander.json');
    writeFileSync(bad, JSON.stringify({ schema: 'iets-anders@1' }));
    const r = await cli('diff', bad, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("dit is geen rapportmodel: het schema is 'iets-anders@1', verwacht 'eindrapport/report-model@2'");
  });

  it('has a Dutch --help with the options', async () => {
    const r = await cli('diff', '--help');
    expect(r.stdout).toContain('Vergelijkt twee rapporten op structuur, cijfers en tekst');
    for (const o of ['--out', '--format', '--threshold', '--rev', '--edition']) expect(r.stdout).toContain(o);
  });
});

describe('eindrapport diff --rev: two drafts of one edition in git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });

  function repoWithMini(ignoreData = false): { repo: string; edition: string } {
    const repo = tmp('diff-git-');
    cpSync(dirname(MINI_EDITION), join(repo, 'content', '2030'), { recursive: true });
    if (ignoreData) writeFileSync(join(repo, '.gitignore'), 'export.csv\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'mini-editie');
    return { repo, edition: join(repo, 'content', '2030', 'edition.yaml') };
  }

  const edit = (repo: string) => {
    const f = join(repo, 'content', '2030', 'narrative', 'organisatie.yaml');
    writeFileSync(f, SNIPPET_EDIT(readFileSync(f, 'utf8')));
  };

  it('diffs HEAD against the working tree: exactly the edited paragraph, nothing else', async () => {
    const { repo, edition } = repoWithMini();
    edit(repo);
    const outDir = tmp('diff-git-out-');
    const r = await diffCommand({ revs: ['HEAD'], edition, format: 'pdf', threshold: 5, outDir }, quiet, quiet);
    expect(r.diff.structure).toEqual([]);
    expect(r.diff.figures).toEqual([]);
    expect(r.diff.wording.map((w) => [w.id, w.location.label, w.before, w.after])).toEqual([
      [
        'organisatie-betrouwbaar-p1',
        '1 Hoe we werken › 1.1 Betrouwbaar',
        'Het beeld is overwegend positief: bijna 63% is positief (N = 8).',
        'Het totaalbeeld is overwegend positief: bijna 63% is positief (N = 8).',
      ],
    ]);
    expect(r.diff.a.label).toBe('HEAD');
    expect(r.diff.b.label).toBe('werkmap');
    expect(r.diff.a.source).toMatch(/^content\/2030\/edition\.yaml in revisie HEAD \([0-9a-f]{7}\)$/);
    expect(r.pdfPath).toBe(join(outDir, 'diff-HEAD-werkmap.pdf'));
    expect(existsSync(r.pdfPath)).toBe(true);
    // the working tree was not touched
    expect(git(repo, 'status', '--porcelain').trim()).toBe('M content/2030/narrative/organisatie.yaml');
  });

  it('diffs two revisions through the command line', async () => {
    const { repo, edition } = repoWithMini();
    edit(repo);
    git(repo, 'commit', '-q', '-am', 'tekst aangepast');
    const out = join(tmp('diff-git-out-'), 'concepten.pdf');
    const r = await cli('diff', '--rev', 'HEAD~1', '--rev', 'HEAD', '--edition', edition, '--out', out, '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Verschillen: HEAD~1 → HEAD');
    expect(r.stdout).toContain('Het ~~beeld~~ **totaalbeeld** is');
    expect(r.stdout).toContain('Geen hoofdstukken, secties, producten of vragen toegevoegd, verwijderd of hernoemd.');
    expect(r.stdout).toContain('Geen cijfers gewijzigd.');
    expect(r.stdout).toContain('**Tekst bewerkt in:** 1 Hoe we werken › 1.1 Betrouwbaar.');
    expect(r.stdout.match(/^\*Alinea /gm)).toHaveLength(1);
  });

  it('takes an uncommitted data file from the working tree, and says so', async () => {
    const { repo, edition } = repoWithMini(true);
    edit(repo);
    const r = await diffCommand({ revs: ['HEAD'], edition, format: 'pdf', threshold: 5, outDir: tmp('diff-git-out-') }, quiet, quiet);
    expect(r.diff.notes).toEqual(['Het databestand export.csv staat niet in revisie HEAD; het bestand uit de werkmap is gebruikt.']);
    expect(r.diff.wording.map((w) => w.id)).toEqual(['organisatie-betrouwbaar-p1']);
    expect(r.diff.summary.total).toBe(1);
  });

  it('names the files of a revision that cannot be built as git does, not by a temporary folder', async () => {
    const { repo, edition } = repoWithMini();
    git(repo, 'rm', '-q', '-r', 'content/2030/narrative');
    git(repo, 'commit', '-q', '-m', 'zonder teksten');
    git(repo, 'revert', '--no-edit', 'HEAD');
    const r = await cli('diff', '--rev', 'HEAD~1', '--edition', edition, '--out', join(tmp('diff-git-out-'), 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HEAD~1:content/2030/narrative/rapport.yaml: fout: het bestand bestaat niet');
    expect(r.stderr).not.toContain(tmpdir());
  });

  it('names a revision that does not exist, or an edition outside git', async () => {
    const { edition } = repoWithMini();
    const bad = await cli('diff', '--rev', 'bestaat-niet', '--edition', edition);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("revisie 'bestaat-niet' bestaat niet in deze git-repository");
    const loose = copyEdition(MINI_EDITION);
    await expect(diffCommand({ revs: ['HEAD'], edition: loose.edition, format: 'pdf', threshold: 5 }, quiet, quiet)).rejects.toThrow(InputError);
    await expect(diffCommand({ revs: ['HEAD'], edition: loose.edition, format: 'pdf', threshold: 5 }, quiet, quiet)).rejects.toThrow(/niet in een git-repository/);
  });
});
