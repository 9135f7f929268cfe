import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PDFKIT_ENTRY, pdfkitModule, requireFromPdfkit, requireFromPdfmake } from '../../../src/render/patches/pdfkit-module.ts';
import { patchPdfkitColors } from '../../../src/render/patches/pdfkit-colors.ts';
import { PDFKIT_VERSION } from '../../../src/render/patches/pinned-versions.ts';

const require = createRequire(import.meta.url);
const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

type Proto = { prototype: Record<string, unknown> };

/** pdfmake's own PDFDocument: the class that lays out and writes the report. */
function pdfmakeDocument(): Proto {
  return (require(join(require.resolve('pdfmake'), '..', 'PDFDocument.js')) as { default: Proto }).default;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('pdfkit, found one way', () => {
  it('is the module object pdfmake’s PDFDocument extends', () => {
    expect(Object.getPrototypeOf(pdfmakeDocument())).toBe(pdfkitModule());
    expect(requireFromPdfmake.resolve('pdfkit')).toBe(PDFKIT_ENTRY);
    expect((requireFromPdfmake('pdfkit/package.json') as { version: string }).version).toBe(PDFKIT_VERSION);
    // fontkit as that pdfkit loads it (chart text is measured with the fontkit that shapes the PDF's text).
    expect(requireFromPdfkit.resolve('fontkit')).toBe(createRequire(PDFKIT_ENTRY).resolve('fontkit'));
  });

  it('so a pdfkit patch reaches pdfmake’s documents', () => {
    patchPdfkitColors();
    const normalize = pdfkitModule<Proto>().prototype._normalizeColor;
    expect(pdfmakeDocument().prototype._normalizeColor).toBe(normalize);
    expect(String(normalize)).toContain('normalised');
  });

  it('is resolved nowhere else in src/ (no require or resolve of "pdfkit" outside pdfkit-module.ts)', () => {
    const elsewhere = sourceFiles(SRC)
      .filter((f) => !f.endsWith(join('patches', 'pdfkit-module.ts')))
      .filter((f) => /(?:require|resolve|import)\s*\(\s*['"]pdfkit['"]|from\s+['"]pdfkit['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(elsewhere).toEqual([]);
  });
});
