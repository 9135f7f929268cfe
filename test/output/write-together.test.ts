import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { writeOutputsTogether } from '../../src/output/write-together.ts';
import { outputDirs, visible } from '../helpers/output-dirs.ts';
import { ROOT } from '../helpers/paths.ts';

const { tmp } = outputDirs();

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

  it('keeps the previous version when asked (watch: the PDF first), until the next write', () => {
    const dir = tmp();
    const set = (what: string) => [
      { name: 'r.json', data: `${what} json` },
      { name: 'r.pdf', data: `${what} pdf` },
    ];
    writeOutputsTogether(dir, set('oud'));
    writeOutputsTogether(dir, set('pdf eerst'), undefined, { keepPrevious: true });
    expect(read(join(dir, 'r.pdf'))).toBe('pdf eerst pdf');
    expect(readdirSync(join(dir, '.r.versies'))).toHaveLength(2);
    writeOutputsTogether(dir, set('alles'));
    expect([read(join(dir, 'r.json')), read(join(dir, 'r.pdf'))]).toEqual(['alles json', 'alles pdf']);
    expect(readdirSync(join(dir, '.r.versies'))).toHaveLength(1);
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
