import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { writeOutputsTogether } from '../../src/output/write-together.ts';
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
/** What a user sees in the output folder (the versions live in hidden entries). */
const visible = (dir: string) => readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '(ontbreekt)');

describe('writeOutputsTogether', () => {
  it('a disk that fills up half-way leaves the previous set exactly as it was, with a clear error', () => {
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
    expect(visible(dir)).toEqual(['r.json', 'r.pdf']);
    expect(readdirSync(join(dir, '.r.versies'))).toHaveLength(1);
  });

  it('keeps one version: older versions, half-written ones and leftovers of the earlier layout are removed', () => {
    const dir = tmp();
    // The layout before versioned folders: plain files, a real folder, a staging folder of a killed write.
    writeFileSync(join(dir, 'r.json'), 'heel oud json');
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'index.html'), 'heel oud html');
    mkdirSync(join(dir, '.eindrapport-nieuw-a'));
    writeFileSync(join(dir, '.eindrapport-nieuw-a', 'r.pdf'), 'half');
    const set = (what: string) => [
      { name: 'r.json', data: `${what} json` },
      { name: 'r/index.html', data: `${what} html` },
      { name: 'r.pdf', data: `${what} pdf` },
    ];
    writeOutputsTogether(dir, set('oud'));
    // A write killed before its switch: a version folder nobody points to, and a half-made link.
    mkdirSync(join(dir, '.r.versies', 'v-gestopt'));
    writeFileSync(join(dir, '.r.versies', 'v-gestopt', 'r.json'), 'half');
    symlinkSync('.r.versies/v-gestopt', join(dir, '.r.huidig.999.link'));
    writeOutputsTogether(dir, set('nieuw'));
    expect([read(join(dir, 'r.json')), read(join(dir, 'r', 'index.html')), read(join(dir, 'r.pdf'))]).toEqual(['nieuw json', 'nieuw html', 'nieuw pdf']);
    expect(readdirSync(dir).sort()).toEqual(['.r.huidig', '.r.versies', 'r', 'r.json', 'r.pdf']);
    expect(readdirSync(join(dir, '.r.versies'))).toHaveLength(1);
    for (const name of ['r', 'r.json', 'r.pdf']) expect(lstatSync(join(dir, name)).isSymbolicLink()).toBe(true);
  });

  it('an output folder that is a file is a clear error, not an internal one', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bestand'), 'x');
    expect(() => writeOutputsTogether(join(dir, 'bestand'), [{ name: 'r.pdf', data: 'x' }])).toThrow(/dit is geen map/);
  });

  it('a writer killed (SIGKILL) at random moments leaves one complete set, never a mix, with no repair step', async () => {
    const random = seedrandom('write-together-kill');
    const dir = tmp();
    for (let k = 0; k < 12; k++) {
      await new Promise<void>((done) => {
        // Writes numbered sets as fast as it can; killed 0–150 ms after its first complete set.
        const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'test/helpers/write-loop.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 150)));
        child.on('exit', () => done());
      });
      const seen = [read(join(dir, 'r.json')), read(join(dir, 'r', 'index.html')), read(join(dir, 'r.pdf'))];
      expect(seen[0], `kill ${k}: ${seen.join(' | ')}`).toMatch(/^set \d+$/);
      expect(seen, `kill ${k}`).toEqual([seen[0], seen[0], seen[0]]);
      expect(visible(dir)).toEqual(['r', 'r.json', 'r.pdf']);
    }
  }, 120_000);
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
  it('leaves the old outputs or the new ones (JSON, web edition, PDF), never a mix, and the next build cleans up', async () => {
    const old = copyEdition(MINI_EDITION);
    const next = copyEdition(MINI_EDITION);
    dirs.push(old.dir, next.dir);
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
    dirs.push(old.dir, next.dir);
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
