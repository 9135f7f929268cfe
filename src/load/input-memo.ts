import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { cacheDir, readCacheBytes, writeCacheBytes } from './cache-files.ts';
import { inputKind, inputTreeActive, listInputDir } from './input-tree.ts';
import { bytesFingerprint, noteInputs, recordInputs, unrecorded, type InputFingerprint } from './input-record.ts';
import { packageVersion } from './package-version.ts';
import { readInputFile } from './read-input.ts';

/**
 * What the load and analyse stages made of their inputs, kept on disk between runs (in the cache
 * folder, src/load/cache-files.ts): the loaded and analysed edition, the narrative, the report's
 * fixed texts, the chart theme and the web edition's labels. A result is reused while every input
 * it looked at is the same — each file it read (a hash of its bytes), each path whose kind it
 * asked, each folder it listed (input-record.ts) — and so is everything else it depends on: the
 * arguments (`key`), the working directory (paths in messages are shown relative to it), Node, the
 * libraries that read and check the input (yaml, zod, csv-parse, Handlebars) and the code of the
 * load and analyse stages. Anything else is a miss: the result is made anew and stored. Only
 * results are kept, never errors, so every message about a mistake comes from reading the input
 * itself; the warnings of a result are kept with it, with the places they had. Results are stored
 * with Node's structured serialisation (node:v8), so Maps, typed arrays and the order of keys come
 * back as they were made.
 *
 * Not used while input comes from elsewhere than the disk (a revision's files in diff --rev).
 */

export type MemoKind = 'gegevens' | 'verhaal' | 'rapportteksten' | 'thema' | 'webteksten';

/** Libraries whose behaviour decides what the load and analyse stages make of the input. */
const LIBRARIES = ['yaml', 'zod', 'csv-parse', 'handlebars'];

interface Entry {
  version: string;
  key: string;
  inputs: InputFingerprint[];
  value: unknown;
}

/** Results taken from the disk and made anew in this process. */
const counts = { hits: 0, misses: 0 };

export function inputMemoCounts(): { hits: number; misses: number } {
  return { ...counts };
}

let version: string | undefined;

/** Node, the working directory, the libraries and the code of the load and analyse stages. */
export function inputMemoVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  hash.update(`${process.version}\0${process.cwd()}\0`);
  for (const lib of LIBRARIES) hash.update(`${lib}@${packageVersion(lib)}\0`);
  // The pathname, not the URL: a loader (tsx's tsImport) may add a query to it.
  const ext = new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js';
  for (const stage of ['../load/', '../analyse/']) {
    const dir = fileURLToPath(new URL(stage, import.meta.url));
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).sort();
    // A version without the code would keep results made by older code: never silently.
    if (files.length === 0) throw new Error(`input-memo: geen ${ext}-bestanden gevonden in ${dir}`);
    for (const f of files) hash.update(`${stage}${f}\0`).update(readFileSync(join(dir, f)));
  }
  return (version = hash.digest('base64url'));
}

/**
 * `compute()`, or its result of an earlier run when that was made from the same inputs (see
 * above). `input` names the file (an edition's edition.yaml, its folder, a template file); `key`
 * holds the arguments besides it that decide the result. `pack` and `unpack` turn the result into
 * plain data and back (a lookup function is not stored, but made again from what it looks up).
 */
export function memoOnDisk<T, S = T>(
  kind: MemoKind,
  input: string,
  key: string,
  compute: () => T,
  codec: { pack(value: T): S; unpack(stored: S): T } = { pack: (v) => v as unknown as S, unpack: (s) => s as unknown as T },
): T {
  if (inputTreeActive()) return compute();
  const dir = cacheDir();
  const current = inputMemoVersion();
  const entry = readEntry(kind, input, dir);
  if (entry && entry.version === current && entry.key === key && unrecorded(() => entry.inputs.every(unchanged))) {
    noteInputs(entry.inputs);
    counts.hits++;
    return codec.unpack(entry.value as S);
  }
  counts.misses++;
  const { value, inputs } = recordInputs(compute);
  try {
    const data = serialize({ version: current, key, inputs, value: codec.pack(value) } satisfies Entry);
    writeCacheBytes(kind, input, 'bin', data, dir);
  } catch {
    // A result that cannot be stored (it holds a function) is made anew next time.
  }
  return value;
}

function readEntry(kind: MemoKind, input: string, dir: string): Entry | null {
  const bytes = readCacheBytes(kind, input, 'bin', dir);
  if (!bytes) return null;
  try {
    const entry = deserialize(bytes) as Partial<Entry> | null;
    return entry && typeof entry.version === 'string' && typeof entry.key === 'string' && Array.isArray(entry.inputs) ? (entry as Entry) : null;
  } catch {
    return null;
  }
}

/** Whether the disk still shows what the computation saw. */
function unchanged([look, path, seen]: InputFingerprint): boolean {
  switch (look) {
    case 'kind':
      return String(inputKind(path)) === seen;
    case 'list':
      return listInputDir(path).join('\0') === seen;
    case 'read':
      try {
        return bytesFingerprint(readInputFile(path, path, { maxBytes: Number.MAX_SAFE_INTEGER, what: 'een invoerbestand' })) === seen;
      } catch {
        return false;
      }
    default:
      return false;
  }
}
