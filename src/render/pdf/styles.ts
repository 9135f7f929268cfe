import type { Style } from 'pdfmake/interfaces';

/** One type scale for the whole report. Sizes in points. */
export const COLORS = {
  text: '#1a1a1a',
  muted: '#5c5c5c',
  accent: '#154273', // Rijkshuisstijl donkerblauw
  rule: '#b4c3d3',
  tableHeader: '#e6edf4',
};

export const PAGE = {
  size: 'A4' as const,
  /** left, top, right, bottom: top and bottom hold the running header and the footer. */
  margins: [62, 64, 62, 56] as [number, number, number, number],
  width: 595.28,
  height: 841.89,
};

export const CONTENT_WIDTH = PAGE.width - PAGE.margins[0] - PAGE.margins[2];

export const STYLES: Record<string, Style> = {
  coverOrganisation: { fontSize: 16, bold: true, color: COLORS.accent },
  coverTitle: { fontSize: 34, bold: true, color: COLORS.accent, lineHeight: 1.05 },
  coverSubtitle: { fontSize: 20, color: COLORS.text },
  coverDate: { fontSize: 12, color: COLORS.muted },
  partLabel: { fontSize: 16, bold: true, color: COLORS.muted, margin: [0, 220, 0, 8] },
  partTitle: { fontSize: 30, bold: true, color: COLORS.accent, margin: [0, 0, 0, 24] },
  dividerLine: { fontSize: 12, color: COLORS.muted, margin: [0, 0, 0, 4] },
  h1: { fontSize: 20, bold: true, color: COLORS.accent, margin: [0, 0, 0, 14], lineHeight: 1.1 },
  h2: { fontSize: 14, bold: true, color: COLORS.accent, margin: [0, 14, 0, 6] },
  tocTitle: { fontSize: 20, bold: true, color: COLORS.accent, margin: [0, 0, 0, 14] },
  tocPart: { fontSize: 11, bold: true, color: COLORS.accent },
  tocChapter: { fontSize: 10.5, bold: true },
  tocSection: { fontSize: 10 },
  paragraph: { margin: [0, 0, 0, 9], lineHeight: 1.3 },
  caption: { fontSize: 10.5, bold: true, color: COLORS.text, margin: [0, 10, 0, 5] },
  note: { fontSize: 10, italics: true, color: COLORS.muted, margin: [0, 2, 0, 8] },
  listLead: { margin: [0, 4, 0, 3], lineHeight: 1.25 },
  list: { margin: [0, 0, 0, 8], lineHeight: 1.2 },
  tableCaption: { fontSize: 10, bold: true, margin: [0, 8, 0, 4] },
  tableHeader: { bold: true, fontSize: 9.5, fillColor: COLORS.tableHeader },
  tableCell: { fontSize: 9.5 },
  header: { fontSize: 8.5, color: COLORS.muted },
  footer: { fontSize: 8.5, color: COLORS.muted },
  colofon: { fontSize: 9.5, color: COLORS.text, lineHeight: 1.25, margin: [0, 0, 0, 8] },
};
