import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { applyTagging } from './tagging/pdfmake-hooks.ts';
import { patchPdfmakeChartDrawing } from '../patches/pdfmake-chart-drawing.ts';
import { patchPdfmakeStyleLookup } from '../patches/pdfmake-style-lookup.ts';
import { patchPdfmakeSharedFonts } from '../patches/pdfmake-shared-fonts.ts';
import { patchPdfkitStreams } from '../patches/pdfkit-streams.ts';
import { patchPdfkitColors } from '../patches/pdfkit-colors.ts';
import { patchPdfkitTextFragment } from '../patches/pdfkit-text-fragment.ts';
import { applyLayoutReuse } from './layout-reuse.ts';
import { pdfkitModule } from '../patches/pdfkit-module.ts';
import { patchPdfkitShapingCache, useShapingSession, type ShapingSession } from '../patches/pdfkit-shaping-cache.ts';
import { patchPdfkitEncodeMemo } from '../patches/pdfkit-encode-memo.ts';
import { patchFontkitSubsetMemo } from '../patches/fontkit-subset-memo.ts';
import { patchFontkitLayoutMemo } from '../patches/fontkit-layout-memo.ts';

const require = createRequire(import.meta.url);
/** The TTFs that the PDF embeds and that chart text is measured with: one font everywhere. */
export const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
export const FONT_FILES = {
  normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
  bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
  italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
  bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
};

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getStream(): Promise<NodeJS.ReadableStream & { end(): void }> };
}

let configured: PdfMake | null = null;

/** pdfmake is a process-wide singleton: configure it once, with no network and only our fonts. */
function pdfmake(): PdfMake {
  if (configured) return configured;
  const pm = require('pdfmake') as PdfMake;
  patchPdfmakeChartDrawing();
  patchPdfmakeStyleLookup();
  patchPdfmakeSharedFonts();
  patchPdfkitStreams();
  patchPdfkitColors();
  patchPdfkitTextFragment();
  // pdfkit's EmbeddedFont is not exported: reach its prototype through a font of a scratch document.
  const PDFKit = pdfkitModule<new (o: object) => { font(src: string): { _font: object } }>();
  const font = new PDFKit({ autoFirstPage: false }).font(FONT_FILES.normal)._font;
  patchPdfkitShapingCache(font);
  patchPdfkitEncodeMemo(font);
  patchFontkitSubsetMemo((font as { subset: object }).subset);
  patchFontkitLayoutMemo((font as { font: object }).font);
  // Documents with `tagged: true` get a structure tree (PDF/UA) and PDF/A-2a metadata.
  applyTagging();
  // After the tagging: a reused section bypasses the tagging's layout hooks and brings its elements along.
  applyLayoutReuse();
  pm.setFonts({ Roboto: FONT_FILES });
  pm.setUrlAccessPolicy(() => false);
  const fontDir = resolve(FONT_DIR);
  pm.setLocalAccessPolicy((path) => resolve(path).startsWith(fontDir));
  configured = pm;
  return pm;
}

/**
 * Lays out and serialises the document; nothing is written to disk here. With `shaping`, words
 * shaped by an earlier build are taken from it and every word used is recorded in it.
 */
export async function renderPdf(doc: TDocumentDefinitions, shaping?: ShapingSession): Promise<Buffer> {
  const pm = pdfmake();
  useShapingSession(shaping ?? null);
  try {
    // As pdfmake's getBuffer, but an error while the document is written (a stream that could not
    // be compressed, src/render/patches/pdfkit-streams.ts) rejects instead of going unheard.
    const stream = await pm.createPdf(doc).getStream();
    return await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
      stream.end();
    });
  } finally {
    useShapingSession(null);
  }
}
