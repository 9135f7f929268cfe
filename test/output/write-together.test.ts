import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { recoverOutputs, writeOutputsTogether } from '../../src/output/write-together.ts';
import { MINI_EDITION, ROOT } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'eindrapport-out-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('writeOutputsTogether', () => {
  it('a disk that fills up half-way leaves the previous pair exactly as it was, with a clear error', () => {
    const dir = tmp();
    writeOutputsTogether(dir, [
      { name: 'r.json', data: 'oud json' },
      { name: 'r.pdf', data: 'oud pdf' },
    ]);
    let writes = 0;
    const fullDisk = {
      writeFile(path: string, data: string | Uint8Array) {
        if (++writes === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        writeFileSync(path, data);
      },
    };
    let error: unknown;
    try {
      writeOutputsTogether(dir, [{ name: 'r.json', data: 'nieuw json' }, { name: 'r.pdf', data: 'nieuw pdf' }], fullDisk);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(formatProblem((error as InputError).problems[0]!)).toMatch(/fout: de schijf is vol; de uitvoer kon niet worden geschreven\. Een vorige versie in deze map is ongewijzigd\. Maak ruimte vrij/);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('oud json');
    expect(readFileSync(join(dir, 'r.pdf'), 'utf8')).toBe('oud pdf');
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.pdf']);
  });

  it('finishes a write that was killed while renaming, and drops one that was killed while writing', () => {
    const dir = tmp();
    writeOutputsTogether(dir, [{ name: 'r.json', data: 'oud json' }, { name: 'r.pdf', data: 'oud pdf' }]);
    // Killed after the first rename: the JSON is new, the PDF old, the staging folder complete.
    const done = join(dir, '.eindrapport-nieuw-a');
    mkdirSync(done);
    writeFileSync(join(dir, 'r.json'), 'nieuw json');
    writeFileSync(join(done, 'r.pdf'), 'nieuw pdf');
    writeFileSync(join(done, '.compleet'), 'r.json\nr.pdf\n');
    // Killed while writing: no marker.
    const half = join(dir, '.eindrapport-nieuw-b');
    mkdirSync(half);
    writeFileSync(join(half, 'r.json'), 'half');
    recoverOutputs(dir);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('nieuw json');
    expect(readFileSync(join(dir, 'r.pdf'), 'utf8')).toBe('nieuw pdf');
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.pdf']);
  });

  it('an output folder that is a file is a clear error, not an internal one', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bestand'), 'x');
    expect(() => writeOutputsTogether(join(dir, 'bestand'), [{ name: 'r.pdf', data: 'x' }])).toThrow(/dit is geen map/);
  });
});

/** Runs `eindrapport build` in a child process; resolves with its exit code (null when killed). */
function buildProcess(edition: string, outDir: string, killAfterMs?: number): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/eindrapport.js'), 'build', '--edition', edition, '--out-dir', outDir], { stdio: 'ignore' });
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => done(code));
  });
}

describe('build killed at any moment', () => {
  it('leaves the old outputs or the new ones (JSON, web edition, PDF), never a mix', async () => {
    const old = copyEdition(MINI_EDITION);
    const next = copyEdition(MINI_EDITION);
    dirs.push(old.dir, next.dir);
    next.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is', 'Het totaalbeeld is'));
    const oldOut = tmp();
    const newOut = tmp();
    expect(await buildProcess(old.edition, oldOut)).toBe(0);
    expect(await buildProcess(next.edition, newOut)).toBe(0);
    const pair = (dir: string) =>
      [hash(join(dir, 'eindrapport-2030.json')), hash(join(dir, 'eindrapport-2030', 'index.html')), hash(join(dir, 'eindrapport-2030.pdf'))].join(' ');
    const oldPair = pair(oldOut);
    const newPair = pair(newOut);
    expect(oldPair).not.toBe(newPair);
    // Kill moments spread over a build of a few seconds; each run starts from the old pair.
    for (const ms of [400, 1400, 2400, 3400]) {
      const out = tmp();
      cpSync(oldOut, out, { recursive: true });
      await buildProcess(next.edition, out, ms);
      recoverOutputs(out);
      expect([oldPair, newPair]).toContain(pair(out));
      expect(readdirSync(out).sort()).toEqual(['eindrapport-2030', 'eindrapport-2030.json', 'eindrapport-2030.pdf']);
      expect(readdirSync(join(out, 'eindrapport-2030'))).toEqual(['index.html']);
    }
    expect(existsSync(oldOut)).toBe(true);
  }, 120_000);
});
