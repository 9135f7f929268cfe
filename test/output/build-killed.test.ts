import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { outputDirs, visible } from '../helpers/output-dirs.ts';
import { MINI_EDITION, ROOT } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';

/**
 * `eindrapport build` in a child process, stopped while it runs: through the command line only, so
 * the same test runs against any version of the tool (bench/tests-before.sh).
 */
const { tmp, removeLater } = outputDirs();

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Runs `eindrapport build` in a child process; resolves with its exit code (null when killed). */
function buildProcess(edition: string, outDir: string, killAfterMs?: number): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/eindrapport.js'), 'build', '--edition', edition, '--out-dir', outDir], { stdio: 'ignore' });
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => done(code));
  });
}

describe('build killed at any moment', () => {
  it('leaves the old outputs or the new ones (JSON, web edition, PDF), never a mix, and the next build cleans up', async () => {
    const old = copyEdition(MINI_EDITION);
    const next = copyEdition(MINI_EDITION);
    removeLater(old.dir, next.dir);
    next.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is', 'Het totaalbeeld is'));
    const oldOut = tmp();
    const newOut = tmp();
    expect(await buildProcess(old.edition, oldOut)).toBe(0);
    expect(await buildProcess(next.edition, newOut)).toBe(0);
    const set = (dir: string) =>
      [hash(join(dir, 'eindrapport-2030.json')), hash(join(dir, 'eindrapport-2030', 'index.html')), hash(join(dir, 'eindrapport-2030.pdf'))].join(' ');
    const oldSet = set(oldOut);
    const newSet = set(newOut);
    expect(oldSet).not.toBe(newSet);
    // Random kill moments over a build of a few seconds; each run starts from the old set.
    const random = seedrandom('build-kill');
    for (let k = 0; k < 4; k++) {
      const out = tmp();
      cpSync(oldOut, out, { recursive: true, verbatimSymlinks: true });
      await buildProcess(next.edition, out, 300 + Math.floor(random() * 3500));
      expect([oldSet, newSet]).toContain(set(out));
      expect(visible(out)).toEqual(['eindrapport-2030', 'eindrapport-2030.json', 'eindrapport-2030.pdf']);
      expect(readdirSync(join(out, 'eindrapport-2030'))).toEqual(['index.html']);
      // The next build leaves one version and nothing else.
      expect(await buildProcess(next.edition, out)).toBe(0);
      expect(set(out)).toBe(newSet);
      expect(readdirSync(out).sort()).toEqual(['.eindrapport-2030.huidig', '.eindrapport-2030.versies', 'eindrapport-2030', 'eindrapport-2030.json', 'eindrapport-2030.pdf']);
      expect(readdirSync(join(out, '.eindrapport-2030.versies'))).toHaveLength(1);
    }
  }, 180_000);

  it('a build stopped while writing (file-size limit, as when the disk fills up) leaves the previous set, not a new JSON beside an old PDF', async () => {
    const old = copyEdition(MINI_EDITION);
    const next = copyEdition(MINI_EDITION);
    removeLater(old.dir, next.dir);
    next.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is', 'Het totaalbeeld is'));
    const out = tmp();
    expect(await buildProcess(old.edition, out)).toBe(0);
    const files = ['eindrapport-2030.json', 'eindrapport-2030.pdf', join('eindrapport-2030', 'index.html')].map((f) => join(out, f));
    const present = files.filter((f) => existsSync(f));
    const before = present.map(hash);
    // A limit the JSON fits under and the larger files do not: the kernel stops the build (SIGXFSZ)
    // in the middle of writing them.
    const [json, ...larger] = present.map((f) => statSync(f).size);
    const limit = Math.floor((json! * 1.2 + Math.min(...larger)) / 2);
    expect(limit).toBeGreaterThan(json! * 1.1);
    expect(limit).toBeLessThan(Math.min(...larger));
    const code = await new Promise<number | null>((done) => {
      const child = spawn('prlimit', [`--fsize=${limit}`, process.execPath, join(ROOT, 'bin/eindrapport.js'), 'build', '--edition', next.edition, '--out-dir', out], { stdio: 'ignore' });
      child.on('exit', (c) => done(c));
    });
    expect(code).not.toBe(0);
    expect(present.map(hash)).toEqual(before);
  }, 60_000);
});
