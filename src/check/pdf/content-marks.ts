import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
// @ts-expect-error pdf.js ships no types for its worker module; only its presence matters here.
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// pdf.js runs its worker in this thread; given here, it need not import() the worker's file itself
// (an import() the bundled CLI, bin/bundle.js, could not make from a code-cached script on Node 20).
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;

/** What a page's content stream paints, and in which marked content (read through pdfjs). */
export interface PageMarks {
  /** Painting operators (text, fills, strokes, images, shadings) outside structure content and Artifacts. */
  untagged: number;
  /** Painting operators in total. */
  painted: number;
  /** MCIDs of the page's marked content, in content order (with their tag). */
  mcids: { mcid: number; tag: string }[];
}

const PAINT = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.shadingFill,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

function isPaint(fn: number, args: unknown[] | null): boolean {
  // pdfjs folds path painting into constructPath, with the painting operator as first argument.
  if (fn === OPS.constructPath) return PAINT.has(args?.[0] as number);
  return PAINT.has(fn);
}

function tagName(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'name' in v) return String((v as { name: unknown }).name);
  return String(v);
}

export async function readPageMarks(file: string): Promise<PageMarks[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  const out: PageMarks[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const ops = await page.getOperatorList();
      const stack: { tag: string; mcid: number | null }[] = [];
      const marks: PageMarks = { untagged: 0, painted: 0, mcids: [] };
      for (let k = 0; k < ops.fnArray.length; k++) {
        const fn = ops.fnArray[k]!;
        const args = ops.argsArray[k] as unknown[] | null;
        if (fn === OPS.beginMarkedContent) stack.push({ tag: tagName(args?.[0]), mcid: null });
        else if (fn === OPS.beginMarkedContentProps) {
          const tag = tagName(args?.[0]);
          const mcid = typeof args?.[1] === 'number' ? args[1] : null;
          stack.push({ tag, mcid });
          if (mcid !== null) marks.mcids.push({ mcid, tag });
        } else if (fn === OPS.endMarkedContent) stack.pop();
        else if (isPaint(fn, args)) {
          marks.painted++;
          if (!stack.some((m) => m.tag === 'Artifact' || m.mcid !== null)) marks.untagged++;
        }
      }
      out.push(marks);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}
