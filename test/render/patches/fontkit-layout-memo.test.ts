import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONTKIT_VERSION, patchFontkitLayoutMemo } from '../../../src/render/patches/fontkit-layout-memo.ts';
import { requireFromPdfkit } from '../../../src/render/patches/pdfkit-module.ts';
import { FONT_FILES } from '../../../src/render/pdf/write-pdf.ts';
import { packageVersion } from '../../../src/load/package-version.ts';
import { ROOT } from '../../helpers/paths.ts';

interface Run {
  glyphs: { id: number; codePoints: number[]; advanceWidth: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
  features: Record<string, boolean>;
  script: unknown;
  direction: string;
}
interface Processor {
  scriptTag: string | null;
  languageTag: string | null;
  direction: string;
  features: Record<string, unknown>;
}
interface Font {
  layout(text: string, features?: string[] | Record<string, boolean>, script?: string, language?: string): Run;
  _layoutEngine: { engine: { GSUBProcessor: Processor; GPOSProcessor: Processor } };
}
interface Fontkit {
  openSync(path: string): Font;
}

const fontkitPath = requireFromPdfkit.resolve('fontkit');

/** A second, unpatched copy of the fontkit that pdfkit uses (the patch changes its classes' prototypes). */
function plainFontkit(): Fontkit {
  const shared = requireFromPdfkit.cache[fontkitPath];
  delete requireFromPdfkit.cache[fontkitPath];
  try {
    return requireFromPdfkit('fontkit') as Fontkit;
  } finally {
    if (shared) requireFromPdfkit.cache[fontkitPath] = shared;
    else delete requireFromPdfkit.cache[fontkitPath];
  }
}

/** What a run shows on the page: glyphs, their positions, and what fontkit says it applied. */
function shown(run: Run): string {
  return JSON.stringify({
    glyphs: run.glyphs.map((g) => [g.id, [...g.codePoints], g.advanceWidth]),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    advanceWidth: run.advanceWidth,
    features: Object.keys(run.features).sort(),
    script: run.script,
    direction: run.direction,
  });
}

/** The script, language and features the GSUB and GPOS processors selected for the last text. */
function selected(font: Font): string {
  const { GSUBProcessor, GPOSProcessor } = font._layoutEngine.engine;
  return JSON.stringify([GSUBProcessor, GPOSProcessor].map((p) => [p.scriptTag, p.languageTag, p.direction, Object.keys(p.features)]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The texts a 2018 build shapes: every word of its narrative, questionnaire and templates, alone
 * and as pdfkit shapes it (with its trailing space), and every line (chart labels are measured
 * whole), then cases that exercise the tables: ligatures, kerning pairs, accents and combining
 * marks, digits and percentages, a fraction slash (contextual features), other scripts (another
 * shaper, other script tables), in an order that switches between them.
 */
function texts(): string[] {
  const files = [...filesUnder(join(ROOT, 'content', '2018')), ...filesUnder(join(ROOT, 'templates'))].filter((f) => /\.(ya?ml|hbs|md)$/.test(f));
  const words = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const trimmed = line.trim();
      if (trimmed.length > 0 && trimmed.length < 200) words.add(trimmed);
      for (const word of trimmed.split(/\s+/)) if (word) words.add(word).add(`${word} `);
    }
  }
  const cases = ['fi', 'ffi', 'ffl', 'office ', 'financiën', 'AV', 'AVANT', 'Wa', 'To', 'Te', 'Yo', 'ë', 'é', 'naïef', 'Ĳssel', 'e\u0301e\u0300', 'q\u0301x\u0323 ', 'ŋ\u0300\u0301', 'A\u030a\u0301', 'и\u0306\u0301', '0123456789', '27,7%', '12,5 %', '%', '1⁄2', '3⁄4 ', '—', '“Tevredenheid”', 'ẞ ǅ'];
  const scripts = ['Ελληνικά', 'Русский', 'مرحبا', 'שלום', 'हिन्दी', 'ไทย'];
  const out: string[] = [];
  for (const word of [...words, ...cases]) {
    out.push(word);
    // Now and then another script, so a memo keyed by too little would hand the next word its state.
    if (out.length % 97 === 0) out.push(scripts[(out.length / 97) % scripts.length]!);
  }
  return [...out, ...scripts, ...cases];
}

describe('fontkit shaping setup remembered (patch)', () => {
  it('is written for the fontkit version pdfkit uses', () => {
    expect(packageVersion('fontkit', requireFromPdfkit)).toBe(FONTKIT_VERSION);
  });

  it('shapes every word of a report as plain fontkit does, in every face, with and without requested features', () => {
    const plain = plainFontkit();
    const fontkit = requireFromPdfkit('fontkit') as Fontkit;
    expect(plain).not.toBe(fontkit);
    const all = texts();
    expect(all.length).toBeGreaterThan(2000);
    const featureSets: (undefined | string[] | Record<string, boolean>)[] = [undefined, { liga: false }, ['smcp', 'tnum'], { kern: false, liga: true }];
    const differ: string[] = [];
    for (const [face, file] of Object.entries(FONT_FILES)) {
      const reference = plain.openSync(file);
      const font = fontkit.openSync(file);
      patchFontkitLayoutMemo(font);
      all.forEach((text, i) => {
        // Every text in the regular face, every fifth in the others (same tables, other glyph ids).
        if (face !== 'normal' && i % 5 !== 0 && i < all.length - 40) return;
        // Requested features switch now and then, as a memo keyed by too little would not notice.
        const features = featureSets[i % 17 === 0 ? (i / 17) % featureSets.length : 0];
        // Now and then a language (Roboto's Latin script has langSys tables for a few) or a script given.
        const [script, language] = i % 23 === 0 ? ['latn', ['TRK', 'FRA', 'NLD'][(i / 23) % 3]] : i % 31 === 0 ? ['cyrl', undefined] : [undefined, undefined];
        const [got, want] = [font, reference].map((f) => `${shown(f.layout(text, features, script, language))} ${selected(f)}`);
        if (got !== want) differ.push(`${file}: ${JSON.stringify(text)} ${JSON.stringify(features)}\n  ${got}\n  ${want}`);
      });
    }
    expect(differ).toEqual([]);
    // The patch is in place: the shared copy's processors are no longer fontkit's own.
    const proto = (f: Font) => Object.getPrototypeOf(Object.getPrototypeOf(f._layoutEngine.engine.GSUBProcessor)) as { selectScript: unknown };
    expect(proto(fontkit.openSync(FONT_FILES.normal)).selectScript).not.toBe(proto(plain.openSync(FONT_FILES.normal)).selectScript);
  });

  it('gives a word the plan of its own features, not the one remembered for the word before', () => {
    const font = (requireFromPdfkit('fontkit') as Fontkit).openSync(FONT_FILES.normal);
    patchFontkitLayoutMemo(font);
    const ids = (run: Run) => run.glyphs.map((g) => g.id);
    const ligated = ids(font.layout('office'));
    const apart = ids(font.layout('office', { liga: false }));
    // Roboto has an "ffi" ligature: one glyph fewer when ligatures are on.
    expect(apart).toHaveLength(6);
    expect(ligated).toHaveLength(4);
    expect(ids(font.layout('office'))).toEqual(ligated);
    expect(ids(font.layout('office', { liga: false }))).toEqual(apart);
    // Kerning off and on again: "AV" moves closer only with kerning.
    const kerned = font.layout('AV').positions[0]!.xAdvance;
    const unkerned = font.layout('AV', { kern: false }).positions[0]!.xAdvance;
    expect(kerned).toBeLessThan(unkerned);
    expect(font.layout('AV').positions[0]!.xAdvance).toBe(kerned);
  });
});
