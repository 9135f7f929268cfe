import { createRequire } from 'node:module';
import { useNativeInflate } from './native-inflate.ts';

/**
 * The one way to reach pdfkit: the copy pdfmake itself loads (resolved from pdfmake's own folder,
 * where its PDFDocument requires "pdfkit"). Should npm ever install a second copy (another version
 * at the root, or one under pdfmake/node_modules), a patch applied through here still lands on the
 * pdfkit that lays out and writes the report, and fontkit is the one that pdfkit shapes text with.
 */
const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));

/** Path of the pdfkit entry pdfmake loads. */
export const PDFKIT_ENTRY = fromPdfmake.resolve('pdfkit');

/** A `require` that resolves as pdfkit does: for fontkit and pdfkit's package.json. */
export const requireFromPdfkit = createRequire(PDFKIT_ENTRY);

// Before anything loads fontkit (see native-inflate.ts).
useNativeInflate(requireFromPdfkit.resolve('fontkit'));

/** A `require` that resolves as pdfmake does: for pdfmake's and pdfkit's package.json. */
export const requireFromPdfmake = fromPdfmake;

/** pdfkit's PDFDocument class, as pdfmake's PDFDocument extends it. */
export function pdfkitModule<T>(): T {
  return fromPdfmake('pdfkit') as T;
}
