import { pdfkitModule } from './pdfkit-module.ts';

type NormalizeColor = (this: unknown, color: unknown) => number[] | null;

/** Hex colours as PDFKit normalises them (components 0–1), by their text. */
const normalised = new Map<string, number[] | null>();

let patched = false;

/**
 * PDFKit parses a colour's text again each time it is set: for every run of text and every mark
 * of a chart, tens of thousands of times per report. A hex colour (`#1a1a1a`) means the same in
 * every document, so its parse is kept (and handed out as a copy); other colours (names, spot
 * colours of a document) take PDFKit's own way. Depends on PDFKit 0.19's `_normalizeColor`;
 * idempotent.
 */
export function patchPdfkitColors(): void {
  if (patched) return;
  patched = true;
  const proto = pdfkitModule<{ prototype: { _normalizeColor: NormalizeColor } }>().prototype;
  const normalize = proto._normalizeColor;
  if (typeof normalize !== 'function') throw new Error('PDFKit: _normalizeColor not found (version changed?)');
  proto._normalizeColor = function (color) {
    if (typeof color !== 'string' || color.charAt(0) !== '#') return normalize.call(this, color);
    let known = normalised.get(color);
    if (known === undefined) {
      known = normalize.call(this, color);
      normalised.set(color, known);
    }
    return known ? known.slice() : null;
  };
}
