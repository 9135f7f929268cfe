import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildModel, REPORT_TEMPLATES } from '../report-model.ts';
import { REPORT_MODEL_SCHEMA, type ReportModel } from '../model/report-types.ts';
import { REPORT_MODEL_SCHEMA_V1, upgradeModelV1 } from './model-v1.ts';
import { InputError, problem } from '../load/input-error.ts';
import { readInputFile } from '../load/read-input.ts';
import { MAX_EXPORT_BYTES } from '../load/qualtrics/read-export.ts';
import type { DataSource } from '../load/survey.ts';
import { editionFile } from '../load/edition-file.ts';
import { inputKind, withInputTree, type InputTree } from '../load/input-tree.ts';

/** One side of a diff: the model, what to call it, and where it came from. */
export interface ResolvedInput {
  model: ReportModel;
  /** Short name for headings and the output file name: "2018", "HEAD~3", "werkmap". */
  label: string;
  /** Longer description: "content/2018/edition.yaml in revisie HEAD~3 (a1b2c3d)". */
  source: string;
  /** Remarks for the reader (e.g. a data file taken from the working tree). */
  notes: string[];
}

export interface DiffInputArgs {
  a?: string;
  b?: string;
  /** `--rev`, zero, one (that revision vs. the working tree) or two (A vs. B). */
  revs: string[];
  /** `--edition` for `--rev`: year or path to edition.yaml; default: the newest edition. */
  edition?: string;
  contentDir?: string;
}

/** The two sides of `eindrapport diff`, from editions, model JSON files or git revisions. */
export function resolveDiffInputs(args: DiffInputArgs): { a: ResolvedInput; b: ResolvedInput } {
  const contentDir = args.contentDir ?? 'content';
  if (args.revs.length > 2) {
    throw new InputError(problem({ file: '--rev' }, `--rev is ${args.revs.length} keer gegeven; dat kan hoogstens twee keer.`, 'Geef één revisie (vergeleken met de werkmap) of twee (oud en nieuw).'));
  }
  if (args.revs.length) {
    if (args.b !== undefined || (args.a !== undefined && args.edition !== undefined)) {
      throw new InputError(problem({ file: '--rev' }, 'met --rev vergelijkt diff revisies van één editie; geef de editie met --edition (of als enige argument), niet twee edities.', 'Bijvoorbeeld: eindrapport diff --rev HEAD~3 --edition 2018.'));
    }
    const edition = editionFile(args.edition ?? args.a ?? newestEdition(contentDir), contentDir);
    const [ra, rb] = args.revs as [string, string | undefined];
    return { a: resolveRevision(edition, ra), b: rb === undefined ? resolveWorkingTree(edition) : resolveRevision(edition, rb) };
  }
  if (args.a === undefined || args.b === undefined) {
    throw new InputError(problem({ file: 'diff' }, 'geef twee rapporten om te vergelijken.', 'Bijvoorbeeld: eindrapport diff 2018 2019, eindrapport diff oud.json nieuw.json of eindrapport diff --rev HEAD~3.'));
  }
  return { a: resolveInput(args.a, contentDir), b: resolveInput(args.b, contentDir) };
}

/** A year ("2018"), a path to an edition.yaml (or its folder), or a report-model JSON file. */
export function resolveInput(spec: string, contentDir = 'content'): ResolvedInput {
  if (/\.json$/i.test(spec)) return readModelFile(spec);
  if (!/^\d{4}$/.test(spec) && !existsSync(spec)) {
    throw new InputError(problem({ file: spec }, `'${spec}' is geen editie, edition.yaml of rapportmodel (.json).`, `Geef een jaar waarvoor ${contentDir}/<jaar>/edition.yaml bestaat, een pad naar een edition.yaml of een rapportmodel (output/eindrapport-<jaar>.json).`));
  }
  const file = editionFile(spec, contentDir);
  return { model: modelFromEdition(file), label: /^\d{4}$/.test(spec) ? spec : labelOf(file), source: shortPath(file), notes: [] };
}

/** A report model written by `eindrapport build` (output/eindrapport-<jaar>.json). */
export function readModelFile(path: string): ResolvedInput {
  if (!existsSync(path)) {
    throw new InputError(problem({ file: path }, 'het rapportmodel bestaat niet.', 'Maak het met eindrapport build; dat schrijft output/eindrapport-<jaar>.json.'));
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new InputError(problem({ file: path }, `dit is geen geldig JSON-bestand (${why}).`, 'Geef een rapportmodel zoals eindrapport build het schrijft.'));
  }
  const schema = typeof data === 'object' && data !== null && 'schema' in data ? (data as { schema: unknown }).schema : undefined;
  if (schema !== REPORT_MODEL_SCHEMA && schema !== REPORT_MODEL_SCHEMA_V1) {
    const found = schema === undefined ? 'er staat geen schema in' : `het schema is '${String(schema)}'`;
    throw new InputError(problem({ file: path }, `dit is geen rapportmodel: ${found}, verwacht '${REPORT_MODEL_SCHEMA}'.`, 'Geef een rapportmodel zoals eindrapport build het schrijft (output/eindrapport-<jaar>.json).'));
  }
  const found = data as ReportModel;
  if (!Array.isArray(found.parts) || typeof found.edition !== 'object' || found.edition === null || !Array.isArray(found.colofon)) {
    throw new InputError(problem({ file: path }, 'het rapportmodel is onvolledig: edition, colofon of parts ontbreekt.', 'Maak het model opnieuw met eindrapport build.'));
  }
  const old = schema === REPORT_MODEL_SCHEMA_V1;
  const model = old ? upgradeModelV1(data as Record<string, unknown>, path) : found;
  const notes = old ? [`${basename(path)} is een rapportmodel met het oude schema '${REPORT_MODEL_SCHEMA_V1}'; het is voor de vergelijking omgezet naar '${REPORT_MODEL_SCHEMA}'.`] : [];
  return { model, label: basename(path).replace(/\.json$/i, ''), source: shortPath(resolve(path)), notes };
}

/** The edition as it is on disk now, with the templates of the repository it is in. */
export function resolveWorkingTree(edition: string): ResolvedInput {
  const root = gitRoot(edition);
  const rel = toPosix(relative(root, realpathSync(edition)));
  return { model: modelFromEdition(edition, templatesIn(root)), label: 'werkmap', source: `${rel} in de werkmap`, notes: [] };
}

/**
 * The edition as it was in a git revision. The revision's texts (YAML, JSON, templates) are read
 * from git into memory and the model is built from there (src/load/input-tree.ts): nothing of
 * the revision is written to disk, so a process killed at any moment leaves no copy behind. The
 * export (personal data) is read from git, or from the working tree, into memory as well. The
 * working tree is not touched.
 */
export function resolveRevision(edition: string, rev: string): ResolvedInput {
  const root = gitRoot(edition);
  const rel = toPosix(relative(root, realpathSync(edition)));
  let sha: string;
  try {
    sha = git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim();
  } catch {
    throw new InputError(problem({ file: root }, `revisie '${rev}' bestaat niet in deze git-repository.`, 'Geef een commit, tak of tag, bijvoorbeeld HEAD, HEAD~3 of main (zie git log --oneline).'));
  }
  const short = sha.slice(0, 7);
  if (!existsAt(root, sha, rel)) {
    throw new InputError(problem({ file: rel }, `deze editie bestaat niet in revisie ${rev} (${short}).`, 'Kies een latere revisie, of vergelijk edities met eindrapport diff <jaar> <jaar>.'));
  }
  const notes: string[] = [];
  const editionDir = toPosix(dirname(rel));
  const wanted = editionDir === '.' ? ['.'] : ['content', 'templates', 'fixtures', editionDir];
  const paths = wanted.filter((p, i) => wanted.indexOf(p) === i && existsAt(root, sha, p) && !wanted.some((q) => q !== p && q !== '.' && p.startsWith(`${q}/`)));
  // Stands for the revision's top folder; every read below it is answered from memory.
  const tree: InputTree = { root: join(root, `.eindrapport-revisie-${short}`), files: textsAt(root, sha, paths) };
  const treeEdition = join(tree.root, rel);
  const source = revisionData(root, sha, rev, tree.root, treeEdition, notes);
  let model: ReportModel;
  try {
    model = withInputTree(tree, () => buildModel(treeEdition, { templatesFile: templatesIn(tree.root), dataSource: source }).model);
  } catch (e) {
    // Name files as git does ("HEAD~3:content/2018/narrative/rapport.yaml"), not by the tree's stand-in folder.
    if (!(e instanceof InputError)) throw e;
    throw new InputError(e.problems.map((p) => ({ ...p, file: inRevision(p.file, tree.root, rev) })));
  }
  return { model, label: rev, source: `${rel} in revisie ${rev} (${short})`, notes };
}

/** What is read from a revision as text: never a data file (CSV or other), which revisionData reads. */
const TEXT_FILE = /\.(?:ya?ml|json|hbs)$/i;

/** The text files under `paths` in revision `sha`, read from git into memory (one `git cat-file --batch`). */
function textsAt(root: string, sha: string, paths: string[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const entries = git(root, ['ls-tree', '-r', '-z', sha, '--', ...paths])
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
      return { type: meta.split(' ')[1], object: meta.split(' ')[2]!, path };
    })
    .filter((e) => e.type === 'blob' && TEXT_FILE.test(e.path));
  if (!entries.length) return files;
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: entries.map((e) => e.object).join('\n') + '\n', maxBuffer: 2 ** 31 - 1, stdio: ['pipe', 'pipe', 'pipe'] });
  let at = 0;
  for (const e of entries) {
    const header = out.subarray(at, out.indexOf(0x0a, at)).toString('utf8');
    const size = Number(header.split(' ')[2]);
    const start = at + header.length + 1;
    files.set(e.path, Buffer.from(out.subarray(start, start + size)));
    at = start + size + 1;
  }
  return files;
}

/**
 * Exports in memory for the editions of a revision: from the revision when it holds the file,
 * else from the working tree (the export is often not committed: it is large, or personal data),
 * with a note saying so.
 */
function revisionData(root: string, sha: string, rev: string, treeRoot: string, treeEdition: string, notes: string[]): DataSource {
  const read = new Map<string, { data: Buffer; file: string }>();
  return {
    read(dataPath) {
      const done = read.get(dataPath);
      if (done) return done;
      const inRepo = toPosix(relative(treeRoot, dataPath));
      if (inRepo.startsWith('..') || isAbsolute(inRepo)) return undefined; // outside the repository: read as is
      let result: { data: Buffer; file: string } | undefined;
      if (existsAt(root, sha, inRepo)) {
        result = { data: execFileSync('git', ['show', `${sha}:${inRepo}`], { cwd: root, maxBuffer: 2 ** 31 - 1, stdio: ['ignore', 'pipe', 'pipe'] }), file: `${rev}:${inRepo}` };
      } else {
        const working = join(root, inRepo);
        if (!existsSync(working)) return undefined;
        result = { data: readInputFile(working, shortPath(working), { maxBytes: MAX_EXPORT_BYTES, what: 'een Qualtrics-export' }), file: shortPath(working) };
        notes.push(`Het databestand ${toPosix(relative(dirname(treeEdition), dataPath))} staat niet in revisie ${rev}; het bestand uit de werkmap is gebruikt.`);
      }
      read.set(dataPath, result);
      return result;
    },
  };
}

/** load → analyse → model with the report templates of the side being compared (a git revision has its own). */
export function modelFromEdition(edition: string, templates: string = REPORT_TEMPLATES): ReportModel {
  return buildModel(edition, { templatesFile: templates }).model;
}

function templatesIn(root: string): string {
  const t = join(root, 'templates', 'report.yaml');
  return inputKind(t) === 'file' ? t : REPORT_TEMPLATES;
}

function newestEdition(contentDir: string): string {
  const years = existsSync(contentDir) ? readdirSync(contentDir).filter((d) => /^\d{4}$/.test(d) && existsSync(join(contentDir, d, 'edition.yaml'))).sort() : [];
  const newest = years[years.length - 1];
  if (!newest) {
    throw new InputError(problem({ file: contentDir }, 'er is geen editie gevonden.', `Geef de editie met --edition, of maak ${contentDir}/<jaar>/edition.yaml.`));
  }
  return newest;
}

function gitRoot(edition: string): string {
  try {
    return realpathSync(git(dirname(edition), ['rev-parse', '--show-toplevel']).trim());
  } catch {
    throw new InputError(problem({ file: edition }, 'deze editie staat niet in een git-repository, dus --rev kan er geen eerdere versie van vinden.', 'Vergelijk in plaats daarvan twee edities of twee rapportmodellen (.json).'));
  }
}

function inRevision(file: string, treeRoot: string, rev: string): string {
  const inside = relative(treeRoot, resolve(file));
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? `${rev}:${toPosix(inside)}` : file;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function existsAt(root: string, sha: string, path: string): boolean {
  if (path === '.' || path === '') return true;
  try {
    execFileSync('git', ['cat-file', '-e', `${sha}:${path}`], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Relative to the working directory when inside it, else absolute. */
function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? toPosix(rel) : file;
}

function labelOf(edition: string): string {
  return basename(dirname(edition));
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
