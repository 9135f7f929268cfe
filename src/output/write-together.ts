import { closeSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, problem } from '../load/input-error.ts';
import { displayPath } from '../load/yaml-file.ts';

/**
 * The outputs of one build (PDF and report-model JSON, and any later format) replace the previous
 * ones together or not at all:
 *
 * 1. every file is written, and flushed to disk, into a fresh staging folder beside the outputs;
 *    a failure here (disk full, no permission, kill) leaves the previous files exactly as they were;
 * 2. a marker file records that the staging folder is complete;
 * 3. the files are renamed into place (each rename is atomic) and the folder removed.
 *
 * A process killed during step 3 leaves a complete, marked staging folder; the next write into the
 * same folder (or `recoverOutputs`) finishes those renames first, so a pair from two different
 * builds never stays behind. An unmarked staging folder is a failed write and is removed.
 */
const STAGING_PREFIX = '.eindrapport-nieuw-';
const COMPLETE = '.compleet';

export interface OutputFile {
  /** A name in the output folder, or one folder deep (`eindrapport-2018/index.html`). */
  name: string;
  data: string | Uint8Array;
}

/** Low-level writes, replaceable in tests (a disk that fills up half-way). */
export interface OutputFs {
  writeFile(path: string, data: string | Uint8Array): void;
}

const realFs: OutputFs = {
  writeFile(path, data) {
    const fd = openSync(path, 'w', 0o644);
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < buf.length) written += writeSync(fd, buf, written, buf.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
};

export function writeOutputsTogether(outDir: string, files: OutputFile[], fs: OutputFs = realFs): string[] {
  const dir = resolve(outDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw writeError(e, dir);
  }
  recoverOutputs(dir);
  let stage: string;
  try {
    stage = mkdtempSync(join(dir, STAGING_PREFIX));
  } catch (e) {
    throw writeError(e, dir);
  }
  try {
    for (const f of files) {
      mkdirSync(dirname(join(stage, f.name)), { recursive: true });
      fs.writeFile(join(stage, f.name), f.data);
    }
    fs.writeFile(join(stage, COMPLETE), `${files.map((f) => f.name).join('\n')}\n`);
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw writeError(e, dir);
  }
  commit(stage, dir);
  return files.map((f) => join(dir, f.name));
}

/** Finishes a write that was interrupted while renaming; removes writes that never completed. */
export function recoverOutputs(outDir: string): void {
  const dir = resolve(outDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const stage = join(dir, name);
    if (existsSync(join(stage, COMPLETE))) commit(stage, dir);
    else rmSync(stage, { recursive: true, force: true });
  }
}

function commit(stage: string, dir: string): void {
  const names = readFileSync(join(stage, COMPLETE), 'utf8').split('\n').filter(Boolean);
  for (const name of names) {
    // Already moved by the interrupted run: the target holds the new file.
    if (existsSync(join(stage, name))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      renameSync(join(stage, name), join(dir, name));
    }
  }
  rmSync(stage, { recursive: true, force: true });
}

/** Disk full, no permission, read-only: the user's environment, said plainly, with the guarantee. */
export function writeError(e: unknown, dir: string): Error {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const file = displayPath(dir);
  const kept = 'Een vorige versie in deze map is ongewijzigd.';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new InputError(problem({ file }, `de schijf is vol; de uitvoer kon niet worden geschreven. ${kept}`, 'Maak ruimte vrij of kies een andere map voor de uitvoer, en probeer het opnieuw.'));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new InputError(problem({ file }, `in deze map mag niet worden geschreven (${code}). ${kept}`, 'Kies een map voor de uitvoer waarin u mag schrijven.'));
    case 'ENOTDIR':
    case 'EEXIST':
      return new InputError(problem({ file }, `dit is geen map (${code}).`, 'Kies een map voor de uitvoer.'));
    default:
      return e instanceof Error ? e : new Error(String(e));
  }
}
