// Loads the CLI: the bundle dist/eindrapport.cjs (bin/bundle.js), compiled from V8's code cache,
// or the ES modules of dist/ when there is no bundle or it is older than dist (a tsc run alone).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const BUNDLE = fileURLToPath(new URL('../dist/eindrapport.cjs', import.meta.url));
export const CODE_CACHE = `${BUNDLE}.codecache`;
const ENTRY = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

function stat(file) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

const sha1 = (text) => createHash('sha1').update(text).digest('base64');

/**
 * The code cache: V8's compiled code of the bundle and of each package module it loads (pdfmake,
 * pdfkit, fontkit, Handlebars, yaml…), by file, with what identifies the source it was made from
 * (V8 itself checks only a source's length): a hash of a package module's source (npm gives every
 * file the same date); the bundle's size and time, as bin/bundle.js writes it and then its cache.
 * One file: a line of JSON ([file, source, bytes] each), then the caches one after another.
 */
function readCodeCache(file) {
  const caches = new Map();
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return caches;
  }
  const end = bytes.indexOf(10);
  let index;
  try {
    index = JSON.parse(bytes.subarray(0, end).toString('utf8'));
  } catch {
    return caches;
  }
  if (!Array.isArray(index)) return caches;
  let at = end + 1;
  for (const [name, hash, length] of index) {
    if (at + length > bytes.length) break;
    caches.set(name, { hash, data: bytes.subarray(at, at + length) });
    at += length;
  }
  return caches;
}

function writeCodeCache(file, scripts) {
  const index = [];
  const datas = [];
  for (const [name, { hash, script }] of scripts) {
    const data = script.createCachedData();
    index.push([name, hash, data.length]);
    datas.push(data);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`), ...datas]));
  renameSync(tmp, file);
}

/**
 * Compiles `source` as `name`, from its cache when that was made from the same source (`hash`);
 * the script is kept in `scripts` so the cache can be written after the run. `counts` tallies
 * what V8 did.
 */
function compile(name, source, hash, caches, scripts, counts) {
  const cached = caches.get(name);
  const cachedData = cached?.hash === hash ? cached.data : undefined;
  // No import() callback: on Node 20 a script compiled from its cache loses it (and the default
  // loader's is experimental). Nothing the CLI runs calls import(): our own lazy imports are
  // bundled, and pdf.js is given its worker (src/check/pdf/content-marks.ts).
  const script = new vm.Script(source, { filename: name, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData) counts.absent++;
  else if (script.cachedDataRejected) counts.rejected++;
  else counts.accepted++;
  scripts.set(name, { hash, script });
  return script;
}

/**
 * The CLI's `main`, and how it was loaded: `from` 'bundle' or 'modules' (the ES modules of
 * dist/); `codeCache` 'accepted' (all of it), 'partly', 'rejected' (another Node or changed
 * code: everything runs, compiling as it goes) or 'absent'. `writeCache`: when the process exits,
 * the code cache is written anew, with every function the run compiled.
 */
export async function loadCli({ bundle = BUNDLE, codeCache = CODE_CACHE, entry = ENTRY, writeCache = false } = {}) {
  const bundled = stat(bundle);
  const compiled = stat(entry);
  if (bundled === undefined || compiled === undefined || bundled.mtimeMs < compiled.mtimeMs) {
    return { main: (await import(pathToFileURL(entry).href)).main, from: 'modules', codeCache: 'absent' };
  }
  const caches = readCodeCache(codeCache);
  const scripts = new Map();
  const counts = { accepted: 0, rejected: 0, absent: 0 };
  // Package modules loaded by the bundle's require() compile from the cache too.
  const compileModule = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.includes('/node_modules/')) return compileModule.call(this, content, filename);
    const wrapper = compile(filename, Module.wrap(content), sha1(content), caches, scripts, counts).runInThisContext();
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  if (writeCache) process.once('exit', () => writeCodeCache(codeCache, scripts));
  // CommonJS's own wrapper, so the bundle sees require, module and __dirname as it would.
  // ASCII (bin/bundle.js writes it so): latin1 is the same text, read without decoding UTF-8.
  const source = Module.wrap(readFileSync(bundle, 'latin1'));
  const script = compile(bundle, source, `${bundled.size} ${bundled.mtimeMs}`, caches, scripts, counts);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const codeCacheState = () =>
    counts.accepted === 0 ? (counts.rejected > 0 ? 'rejected' : 'absent') : counts.rejected + counts.absent > 0 ? 'partly' : 'accepted';
  return { main: module.exports.main, from: 'bundle', get codeCache() { return codeCacheState(); }, counts };
}
