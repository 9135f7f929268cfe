import { createRequire, Module } from 'node:module';
import { inflateRawSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/**
 * fontkit and unicode-properties unpack their Unicode tables (unicode-trie, each inflated twice)
 * when they are loaded, with tiny-inflate, a DEFLATE decoder in JavaScript: ≈ 25 ms of every
 * process that loads fontkit, on a quiet machine. Node's zlib does the same in about a
 * millisecond. DEFLATE output is fixed by its input, so the tables are the same bytes.
 *
 * tiny-inflate is swapped for `nativeInflate` by putting it in the CommonJS module cache under
 * tiny-inflate's own file name (Node documents adding entries to `require.cache`) before fontkit is
 * first required. Only a copy not yet loaded can be swapped; one loaded already stays as it is.
 */

/** tiny-inflate's function: `source` (raw DEFLATE) inflated into `dest`; returns `dest`, or the filled part of it. */
export function nativeInflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  // As tiny-inflate: what does not fit is dropped; a shorter result is returned as a copy of its length.
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
}

/** The tiny-inflate files fontkit's tables are unpacked with (fontkit → unicode-properties → unicode-trie). */
export function tinyInflateFiles(fontkitEntry: string): string[] {
  const fromFontkit = createRequire(fontkitEntry);
  const trie = [fromFontkit.resolve('unicode-trie'), createRequire(fromFontkit.resolve('unicode-properties')).resolve('unicode-trie')];
  return [...new Set([fromFontkit.resolve('tiny-inflate'), ...trie.map((file) => createRequire(file).resolve('tiny-inflate'))])];
}

/** Puts `nativeInflate` in the module cache for each tiny-inflate fontkit would load; returns the files swapped. */
export function useNativeInflate(fontkitEntry: string): string[] {
  const swapped: string[] = [];
  for (const file of tinyInflateFiles(fontkitEntry)) {
    if (require.cache[file]) continue;
    const module = new Module(file);
    module.filename = file;
    module.exports = nativeInflate;
    module.loaded = true;
    require.cache[file] = module;
    swapped.push(file);
  }
  return swapped;
}
