import { chmodSync, closeSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, problem } from '../load/input-error.ts';
import { displayPath } from '../load/yaml-file.ts';

/**
 * The outputs of one build (PDF, report-model JSON and web edition) replace the previous ones
 * together or not at all, also when the process is killed at any moment. For a set named
 * `eindrapport-2018` the output folder holds:
 *
 *     .eindrapport-2018.versies/v-XXXXXX/   the files of one build (eindrapport-2018.pdf, …)
 *     .eindrapport-2018.huidig              symlink → .eindrapport-2018.versies/v-XXXXXX
 *     eindrapport-2018.pdf                  symlink → .eindrapport-2018.huidig/eindrapport-2018.pdf
 *     eindrapport-2018.json                 symlink → .eindrapport-2018.huidig/eindrapport-2018.json
 *     eindrapport-2018/                     symlink → .eindrapport-2018.huidig/eindrapport-2018
 *
 * A build writes (and flushes) every file into a fresh version folder, then switches
 * `.eindrapport-2018.huidig` to it with one rename — atomic: every path the user opens shows the
 * previous build or the new one, never a mix. A failure or kill before that rename leaves the
 * previous set exactly as it was; the half-written folder is removed by the next write. Older
 * versions are removed after the switch. The paths the README names stay the same.
 *
 * Outputs written before this layout (plain files) are replaced by the links once; that first
 * replacement is the only one that is not a single rename.
 */
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

/** Staging folders of the layout before versioned folders; removed when found. */
const OLD_STAGING_PREFIX = '.eindrapport-nieuw-';

/**
 * Writes one set of files into `outDir`; returns their paths. The set is named after the first
 * file (`eindrapport-2018.json` → `eindrapport-2018`); its other files share that name.
 */
export function writeOutputsTogether(outDir: string, files: OutputFile[], fs: OutputFs = realFs, options: { keepPrevious?: boolean } = {}): string[] {
  const dir = resolve(outDir);
  const set = setName(files);
  const names = outputNames(dir, set);
  let version: string;
  try {
    mkdirSync(names.versions, { recursive: true });
    removeStale(dir, set);
    version = mkdtempSync(join(names.versions, 'v-'));
    // mkdtemp makes the folder private; the outputs are read as before, by whoever may read the folder.
    chmodSync(version, 0o755);
  } catch (e) {
    throw writeError(e, dir);
  }
  try {
    for (const f of files) {
      mkdirSync(dirname(join(version, f.name)), { recursive: true });
      fs.writeFile(join(version, f.name), f.data);
    }
    syncDir(version);
  } catch (e) {
    rmSync(version, { recursive: true, force: true });
    throw writeError(e, dir);
  }
  try {
    // The switch: one rename of a new symlink over the old one.
    const tmp = `${names.current}.${process.pid}.link`;
    replaceWithLink(names.current, `${basename(names.versions)}/${basename(version)}`, tmp);
    syncDir(dir);
    for (const top of new Set(files.map((f) => f.name.split('/')[0]!))) {
      replaceWithLink(join(dir, top), `${basename(names.current)}/${top}`, tmp);
    }
    syncDir(dir);
  } catch (e) {
    throw writeError(e, dir);
  }
  // keepPrevious (watch's early PDF, with a full set following at once): the previous version is
  // removed by the next write, which removes stale versions first, instead of before the PDF is told.
  if (!options.keepPrevious) removeStale(dir, set);
  return files.map((f) => join(dir, f.name));
}

function setName(files: OutputFile[]): string {
  const first = files[0]?.name.split('/')[0];
  if (!first) throw new Error('writeOutputsTogether: no files to write');
  return first.replace(/\.[^.]*$/, '');
}

function outputNames(dir: string, set: string): { versions: string; current: string } {
  return { versions: join(dir, `.${set}.versies`), current: join(dir, `.${set}.huidig`) };
}

/**
 * Removes what interrupted or earlier writes left: version folders the current link does not
 * point to, half-made links, and staging folders of the layout before this one.
 */
export function removeStale(outDir: string, set: string): void {
  const dir = resolve(outDir);
  const { versions, current } = outputNames(dir, set);
  let kept: string | null = null;
  try {
    kept = basename(readlinkSync(current));
  } catch {
    // No current version yet.
  }
  for (const name of safeList(versions)) {
    if (name !== kept) rmSync(join(versions, name), { recursive: true, force: true });
  }
  for (const name of safeList(dir)) {
    if (name.startsWith(`${basename(current)}.`) || name.startsWith(OLD_STAGING_PREFIX)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Points `path` at `target` (relative to its folder): a new link (`tmp`) renamed over the old one. */
function replaceWithLink(path: string, target: string, tmp: string): void {
  const existing = lstatOrNull(path);
  if (existing?.isSymbolicLink() && readlinkSync(path) === target) return;
  // An output folder from before this layout (a real folder): a link cannot be renamed over it.
  if (existing?.isDirectory()) rmSync(path, { recursive: true, force: true });
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, path);
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Flushes a folder's entries (the names written or renamed in it) to disk. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not every file system lets a folder be flushed; the rename is atomic regardless.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
