/**
 * The pdfmake, pdfkit and fontkit versions whose internals the patches in this folder were written against
 * (pinned in package.json; pdfkit comes with pdfmake). Each patch's test checks that the installed
 * version is this one, so an upgrade is a deliberate step that re-reads every patch.
 */
export const PDFMAKE_VERSION = '0.3.11';
export const PDFKIT_VERSION = '0.19.1';
/** fontkit comes with pdfkit: the version pdfkit's copy resolves to (package-lock.json). */
export const FONTKIT_VERSION = '2.0.4';
