import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';
import { completeEdition } from '../check/complete-edition.ts';
import { readPdf } from '../helpers/read-pdf.ts';

/**
 * The personal-data canary: an export whose e-mail, name, IP and open-answer cells hold values
 * found nowhere else, run through every command. None of them may appear on stdout or stderr, in
 * any file a command writes, or in any temporary file — also when a command is killed.
 */
const CANARIES = ['kanarie.q7x@example.net', 'Kanariepiet', 'Vogelaar-Kanarie', '203.0.113.77', 'Kanarie woont op Geelstraat 9'];

/** Adds a name column and puts canaries in every personal and free-text cell of the mini export. */
function canaryExport(text: string): string {
  const lines = text.split('\r\n');
  const extra = ['RecipientFirstName', 'Recipient First Name', '"{""ImportId"": ""recipientFirstName""}"'];
  return lines
    .map((line, i) => {
      if (line === '') return line;
      if (i < 3) return `${line},${extra[i]}`;
      return `${line
        .replace(/persoon\d+@example\.org/, CANARIES[0]!)
        .replace(/192\.0\.2\.\d+/, CANARIES[3]!)
        .replace(/Geheime opmerking \d+/, CANARIES[4]!)},${i % 2 ? CANARIES[1] : CANARIES[2]}`;
    })
    .join('\r\n');
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const root = mkdtempSync(join(tmpdir(), 'eindrapport-canary-'));
/** TMPDIR of every child: whatever a command leaves in its temporary folder is found here. */
const childTmp = join(root, 'tmp');
const outDir = join(root, 'uit');
let repo: string;
let edition: string;

function run(args: string[], opts: { killAfterMs?: number; until?: RegExp; tmp?: string } = {}): Promise<Run> {
  const tmp = opts.tmp ?? childTmp;
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/eindrapport.js'), ...args], {
      cwd: repo,
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (opts.until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (opts.killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function filesUnder(dir: string, skip: (path: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (skip(path)) continue;
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, skip));
    else out.push(path);
  }
  return out;
}

/** Every canary found in a text, with where. */
function canariesIn(text: string, where: string): string[] {
  return CANARIES.filter((c) => text.toLowerCase().includes(c.toLowerCase())).map((c) => `${where}: ${c}`);
}

/** The canaries in every file written: raw bytes, and a PDF's text as a reader sees it. */
async function canariesInFiles(files: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const f of files) {
    found.push(...canariesIn(readFileSync(f).toString('latin1'), f), ...canariesIn(readFileSync(f, 'utf8'), f));
    if (f.endsWith('.pdf')) found.push(...canariesIn((await readPdf(f)).pages.join('\n'), f));
  }
  return found;
}

const isExport = (path: string) => path.endsWith('export.csv');
const isGit = (path: string) => path.endsWith('.git');
/** tsx keeps compiled source code in the temporary folder; scanned, but not counted as left behind. */
const isTsxCache = (path: string) => /[\\/]tsx-\d+$/.test(path);

beforeAll(() => {
  mkdirSync(childTmp);
  // The mini edition with complete narrative: check passes, so watch builds too.
  const ed = completeEdition();
  repo = join(root, 'repo');
  mkdirSync(join(repo, 'content'), { recursive: true });
  execFileSync('cp', ['-r', ed.dir, join(repo, 'content', '2030')]);
  rmSync(ed.dir, { recursive: true, force: true });
  edition = join(repo, 'content', '2030', 'edition.yaml');
  const exportFile = join(repo, 'content', '2030', 'export.csv');
  writeFileSync(exportFile, canaryExport(readFileSync(exportFile, 'utf8')));
  expect(readFileSync(exportFile, 'utf8')).toContain(CANARIES[0]);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'editie met kanarie');
  const narrative = join(repo, 'content', '2030', 'narrative', 'organisatie.yaml');
  writeFileSync(narrative, readFileSync(narrative, 'utf8').replace('Het beeld is', 'Het totaalbeeld is'));
  expect(readFileSync(narrative, 'utf8')).toContain('Het totaalbeeld is');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('personal-data canary over every command', () => {
  const commands: [string, string[], { until?: RegExp }][] = [
    ['inspect', ['inspect', 'content/2030/export.csv'], {}],
    ['aggregate to stdout', ['aggregate', '--edition', 'content/2030/edition.yaml'], {}],
    ['aggregate to a file', ['aggregate', '--edition', 'content/2030/edition.yaml', '--out', join(outDir, 'aggregaten.json'), '--statistics-out', join(outDir, 'statistiek.json')], {}],
    ['check', ['check', '--edition', 'content/2030/edition.yaml'], {}],
    ['build', ['build', '--edition', 'content/2030/edition.yaml', '--out-dir', outDir], {}],
    ['diff of two editions', ['diff', 'content/2030/edition.yaml', 'content/2030/edition.yaml', '--out', join(outDir, 'diff.pdf'), '--format', 'md'], {}],
    ['diff --rev', ['diff', '--rev', 'HEAD', '--edition', 'content/2030/edition.yaml', '--out', join(outDir, 'diff-rev.pdf'), '--format', 'md'], {}],
    ['watch', ['watch', '--edition', 'content/2030/edition.yaml', '--out-dir', join(outDir, 'watch')], { until: /PDF bijgewerkt|niet bijgewerkt/ }],
  ];

  for (const [name, args, opts] of commands) {
    it(`${name}: no canary on stdout, stderr, in the files written or in temporary files`, async () => {
      const r = await run(args, opts);
      if (!opts.until) expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/Interne fout/);
      const found = [...canariesIn(r.stdout, 'stdout'), ...canariesIn(r.stderr, 'stderr')];
      found.push(...(await canariesInFiles([...filesUnder(outDir), ...filesUnder(childTmp), ...filesUnder(repo, (p) => isExport(p) || isGit(p))])));
      expect(found).toEqual([]);
      // Commands clean up after themselves (tsx's cache of compiled source code aside).
      expect(filesUnder(childTmp, isTsxCache).map((f) => relative(childTmp, f))).toEqual([]);
    }, 60_000);
  }

  it('leaves no folder in the temporary folder either (tsx\'s cache aside)', () => {
    expect(readdirSync(childTmp).filter((n) => !/^tsx-\d+$/.test(n))).toEqual([]);
  });

  it('wrote what it should have (so the scan above had files to look at)', () => {
    const written = filesUnder(outDir).map((f) => relative(outDir, f)).sort();
    expect(written).toEqual(expect.arrayContaining(['aggregaten.json', 'diff-rev.pdf', 'diff.pdf', 'eindrapport-2030.json', 'eindrapport-2030.pdf', 'statistiek.json', 'watch/eindrapport-2030.pdf']));
  });

  it('a free-text column mapped by mistake: the errors of check and build quote none of its answers', async () => {
    const exportFile = join(repo, 'content', '2030', 'export.csv');
    const original = readFileSync(exportFile, 'utf8');
    try {
      // The open-answer column renamed to the tag of a question: the importer cannot tell by its name.
      writeFileSync(exportFile, original.replace('Q2,', 'Q2_OLD,').replace('Q6_TEXT', 'Q2'));
      for (const args of [['check', '--edition', 'content/2030/edition.yaml'], ['build', '--edition', 'content/2030/edition.yaml', '--out-dir', join(root, 'fout')]]) {
        const r = await run(args);
        expect(r.code).toBe(1);
        expect(r.stderr + r.stdout).toMatch(/open tekstveld/);
        expect([...canariesIn(r.stdout, 'stdout'), ...canariesIn(r.stderr, 'stderr')]).toEqual([]);
      }
    } finally {
      writeFileSync(exportFile, original);
    }
  }, 60_000);

  it('diff --rev writes nothing into the temporary folder at any moment, and a kill at any moment leaves nothing', async () => {
    // Every name created in TMPDIR while a full diff --rev runs (tsx's cache of compiled source code aside).
    const diffTmp = join(root, 'diff-tmp');
    mkdirSync(diffTmp);
    const created: string[] = [];
    const watcher = watch(diffTmp, (_event, name) => {
      if (name && !/^tsx-\d+$/.test(name)) created.push(name);
    });
    try {
      const r = await run(['diff', '--rev', 'HEAD', '--edition', 'content/2030/edition.yaml', '--out', join(root, 'kill', 'diff-vol.pdf')], { tmp: diffTmp });
      expect(r.code, r.stderr).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      watcher.close();
    }
    expect(created).toEqual([]);
    const random = seedrandom('diff-rev-kill');
    for (let k = 0; k < 4; k++) {
      await run(['diff', '--rev', 'HEAD', '--edition', 'content/2030/edition.yaml', '--out', join(root, 'kill', `diff-${k}.pdf`)], { killAfterMs: 150 + Math.floor(random() * 1850), tmp: diffTmp });
      expect(filesUnder(diffTmp, isTsxCache)).toEqual([]);
      expect(readdirSync(diffTmp).filter((n) => !/^tsx-\d+$/.test(n))).toEqual([]);
    }
  }, 60_000);
});
