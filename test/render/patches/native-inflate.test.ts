import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nativeInflate, tinyInflateFiles } from '../../../src/render/patches/native-inflate.ts';
import { requireFromPdfkit } from '../../../src/render/patches/pdfkit-module.ts';

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;

const fontkitEntry = requireFromPdfkit.resolve('fontkit');

/** The real tiny-inflate, evaluated from its file (the module cache holds the swapped one). */
function tinyInflate(): Inflate {
  const file = tinyInflateFiles(fontkitEntry)[0]!;
  const module = { exports: {} as unknown };
  vm.runInThisContext(`(function (module, exports) {${readFileSync(file, 'utf8')}\n})`, { filename: file })(module, module.exports);
  return module.exports as Inflate;
}

describe('nativeInflate (fontkit and unicode-properties unpack their tables with zlib)', () => {
  it('gives what tiny-inflate gives: same bytes, same length, into a destination that fits, is too long or too short', () => {
    const tiny = tinyInflate();
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 5000 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: -50, max: 50 }),
        fc.boolean(),
        (bytes, level, extra, twice) => {
          // Repetitive input too, so back-references and dynamic Huffman blocks occur.
          const data = Buffer.concat([bytes, bytes.subarray(0, 300), bytes]);
          let source: Uint8Array = deflateRawSync(data, { level });
          if (twice) source = deflateRawSync(source, { level });
          const size = Math.max(0, (twice ? deflateRawSync(data, { level }).length : data.length) + extra);
          const ours = nativeInflate(source, new Uint8Array(size));
          const theirs = tiny(source, new Uint8Array(size));
          expect(ours.length).toBe(theirs.length);
          expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
          // unicode-trie reads the result's whole buffer as 32-bit words.
          expect(ours.buffer.byteLength).toBe(ours.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is the tiny-inflate that fontkit, unicode-properties and unicode-trie load', () => {
    const fontkit = requireFromPdfkit('fontkit') as { openSync: unknown };
    expect(typeof fontkit.openSync).toBe('function');
    const cache = createRequire(import.meta.url).cache;
    for (const file of tinyInflateFiles(fontkitEntry)) expect(cache[file]?.exports).toBe(nativeInflate);
  });
});
