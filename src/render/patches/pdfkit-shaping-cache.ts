import { createHash } from 'node:crypto';
import { packageVersion } from '../../load/package-version.ts';
import { requireFromPdfkit, requireFromPdfmake } from './pdfkit-module.ts';

/** Written against pdfkit's EmbeddedFont (layoutCached, layoutRun, encode) of PDFKIT_VERSION. */
export { PDFKIT_VERSION } from './pinned-versions.ts';

/**
 * One shaped word as pdfkit keeps it: per glyph its id, unscaled advance width and code points,
 * and its scaled position (xAdvance, yAdvance, xOffset, yOffset). Plain data (JSON round-trips
 * every number exactly), so a word read back is the word fontkit shaped.
 */
export interface ShapedWord {
  ids: number[];
  advances: number[];
  codePoints: number[][];
  positions: number[];
}

/** Shaped words by font (a hash of the font file) and text. */
export type ShapedWords = Record<string, Record<string, ShapedWord>>;

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}
interface EmbeddedFont {
  font: { stream: { buffer: Uint8Array } };
  scale: number;
  layoutCache?: Record<string, Run>;
  layoutRun(text: string, features?: unknown): Run;
  layoutCached(text: string): Run;
  /** Ours: the hash of the font file, the key of its words. */
  shapingKey?: string;
}

/** What one build reads (words shaped before) and leaves (every word it used). */
export class ShapingSession {
  readonly used: ShapedWords = {};
  hits = 0;
  misses = 0;
  constructor(
    readonly previous: ShapedWords = {},
    /**
     * Record the words used (`used`, for the cache on disk). A watch rebuild, which does not write
     * that file, leaves it off: packing every word of the report cost ≈ 20 ms a rebuild.
     */
    readonly record = true,
  ) {}
}

let session: ShapingSession | null = null;
let patched = false;

/**
 * Shaping a word (fontkit: GSUB substitutions, GPOS kerning) is the costliest part of laying out
 * text: ≈ 0.4 s of a 2018 build, for ≈ 3,000 distinct words. pdfkit already shapes each distinct
 * word once per document (EmbeddedFont.layoutCached); this patch lets a build start from the words
 * an earlier build shaped with the same font file (kept on disk beside the charts by src/output/chart-cache.ts)
 * while a ShapingSession is active, and records every word it uses. A word read back is rebuilt
 * the way pdfkit's layoutRun leaves it (positions scaled, each position's advanceWidth the glyph's
 * advance × scale, the run's advanceWidth the sum of xAdvance), so glyphs and positions — and the
 * PDF's bytes — are those of a build without it. Only pdfkit's no-features path is cached (as
 * pdfkit does). Depends on pdfkit internals: the version is pinned through pdfmake
 * (PDFKIT_VERSION); applied by renderPdf; idempotent.
 */
export function patchPdfkitShapingCache(font: object): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(font) as EmbeddedFont;
  if (typeof proto.layoutCached !== 'function' || typeof proto.layoutRun !== 'function') {
    throw new Error('pdfkit: EmbeddedFont.layoutCached not found (version changed?)');
  }
  patched = true;
  const layoutCached = proto.layoutCached;
  proto.layoutCached = function (this: EmbeddedFont, text: string): Run {
    const cache = this.layoutCache;
    if (!session || !cache) return layoutCached.call(this, text);
    const key = (this.shapingKey ??= createHash('sha256').update(this.font.stream.buffer).digest('base64url').slice(0, 22));
    const used = session.record ? (session.used[key] ??= {}) : null;
    const known = cache[text];
    if (known) {
      // Shaped earlier in this document, or by an earlier document of this process (fonts shared, pdfmake-shared-fonts.ts).
      if (used) used[text] ??= session.previous[key]?.[text] ?? pack(known);
      return known;
    }
    const stored = session.previous[key]?.[text];
    let run: Run;
    if (stored) {
      run = unpack(stored, this.scale);
      session.hits++;
    } else {
      run = this.layoutRun(text);
      session.misses++;
    }
    cache[text] = run;
    if (used) used[text] = stored ?? pack(run);
    return run;
  };
}

/** The pdfkit and fontkit versions and this cache's format: words kept under another version are shaped anew. */
export function shapingVersion(): string {
  return `pdfkit@${packageVersion('pdfkit', requireFromPdfmake)} fontkit@${packageVersion('fontkit', requireFromPdfkit)} words@1`;
}

/** Words shaped from now on are read from and recorded in `s`; null ends it. */
export function useShapingSession(s: ShapingSession | null): void {
  session = s;
}

function pack(run: Run): ShapedWord {
  return {
    ids: run.glyphs.map((g) => g.id),
    advances: run.glyphs.map((g) => g.advanceWidth),
    codePoints: run.glyphs.map((g) => [...g.codePoints]),
    positions: run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  };
}

function unpack(word: ShapedWord, scale: number): Run {
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  let advanceWidth = 0;
  for (let i = 0; i < word.ids.length; i++) {
    glyphs.push({ id: word.ids[i]!, advanceWidth: word.advances[i]!, codePoints: word.codePoints[i]! });
    const [xAdvance, yAdvance, xOffset, yOffset] = word.positions.slice(4 * i, 4 * i + 4) as [number, number, number, number];
    // Key order as fontkit's GlyphPosition, then pdfkit's advanceWidth (pdfkit copies positions with for…in).
    positions.push({ xAdvance, yAdvance, xOffset, yOffset, advanceWidth: word.advances[i]! * scale });
    advanceWidth += xAdvance;
  }
  return { glyphs, positions, advanceWidth };
}
