import { chartFontFiles } from './theme.ts';
import { requireFromPdfkit } from '../patches/pdfkit-module.ts';
import { patchFontkitLayoutMemo } from '../patches/fontkit-layout-memo.ts';

/**
 * Text measurement with the TTFs the PDF embeds, through fontkit (it comes with pdfkit, which
 * lays out the PDF's text with the same kerning). Used by the chart builders to wrap labels and
 * decide which percentages fit, and by render-svg.ts as Vega's text measurement.
 */

export type FontWeight = 'normal' | 'bold';

interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  layout(text: string): { advanceWidth: number };
}

const fontkit = requireFromPdfkit('fontkit') as { openSync(path: string): unknown };

let fonts: Record<FontWeight, FontkitFont> | undefined;
function font(weight: FontWeight): FontkitFont {
  if (!fonts) {
    fonts = {
      normal: fontkit.openSync(chartFontFiles.normal) as FontkitFont,
      bold: fontkit.openSync(chartFontFiles.bold) as FontkitFont,
    };
    // The same fontkit as the PDF's (pdfkit's copy): its per-call shaping setup remembered.
    patchFontkitLayoutMemo(fonts.normal);
  }
  return fonts[weight];
}

/** Widths per point by weight and text: measured in this process, and read from an earlier build. */
const widths = new Map<string, number>();
const stored = new Map<string, number>();
let measured = 0;

/** Width in points of one line of text at `size` points. */
export function measureText(text: string, size: number, weight: FontWeight = 'normal'): number {
  const key = `${weight}|${text}`;
  let perPoint = widths.get(key);
  if (perPoint === undefined) {
    perPoint = stored.get(key);
    if (perPoint === undefined) {
      const f = font(weight);
      perPoint = text === '' ? 0 : f.layout(text).advanceWidth / f.unitsPerEm;
      measured++;
    }
    widths.set(key, perPoint);
  }
  return perPoint * size;
}

/**
 * Widths an earlier build measured with the same fonts and code (the chart renderer version; kept on
 * disk by src/output/chart-cache.ts): used instead of shaping the text again. Plain numbers, so
 * a width read back is the width measured.
 */
export function addStoredTextWidths(entries: Iterable<[string, number]>): void {
  for (const [key, perPoint] of entries) if (typeof key === 'string' && typeof perPoint === 'number') stored.set(key, perPoint);
}

/** How many widths this process measured with fontkit (not read back). */
export function textWidthsMeasured(): number {
  return measured;
}

/** Every width measured or used in this process, for the cache on disk. */
export function usedTextWidths(): [string, number][] {
  return [...widths];
}

/** Cap height as a share of the font size (to centre digits and capitals vertically). */
export function capHeight(weight: FontWeight = 'normal'): number {
  const f = font(weight);
  return f.capHeight / f.unitsPerEm;
}

/** Maps a Vega/CSS font weight to the registered face: 600 and above (and "bold") is bold. */
export function weightOf(fontWeight: unknown): FontWeight {
  if (fontWeight === undefined || fontWeight === null) return 'normal';
  if (typeof fontWeight === 'number') return fontWeight >= 600 ? 'bold' : 'normal';
  const w = String(fontWeight).trim().toLowerCase();
  if (w === 'bold' || w === 'bolder') return 'bold';
  const n = Number(w);
  return Number.isFinite(n) && n >= 600 ? 'bold' : 'normal';
}

/**
 * Greedy line breaking at spaces within `maxWidth` points. A word longer than the line is cut
 * after a hyphen where possible, otherwise between letters with a hyphen added.
 */
export function wrapText(text: string, maxWidth: number, size: number, weight: FontWeight = 'normal'): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measureText(candidate, size, weight) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (measureText(rest, size, weight) > maxWidth) {
      const [head, tail] = splitWord(rest, maxWidth, size, weight);
      lines.push(head);
      rest = tail;
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function splitWord(word: string, maxWidth: number, size: number, weight: FontWeight): [string, string] {
  for (let i = word.length - 1; i > 0; i--) {
    if (word[i - 1] === '-' && measureText(word.slice(0, i), size, weight) <= maxWidth) {
      return [word.slice(0, i), word.slice(i)];
    }
  }
  let cut = 1;
  while (cut < word.length - 1 && measureText(`${word.slice(0, cut + 1)}-`, size, weight) <= maxWidth) cut++;
  return [`${word.slice(0, cut)}-`, word.slice(cut)];
}

interface VegaTextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** Vega's `textMetrics.width(item, text)` with the real font instead of a 0.8 × size estimate. */
export function vegaTextWidth(item: VegaTextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const str = text == null ? '' : String(text).trim();
  return size <= 0 || str === '' ? 0 : measureText(str, size, weightOf(item.fontWeight));
}
