import type { Content, ContentStack, ContentTable, Style, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { COLORS, PAGE, STYLES } from '../render/pdf/styles.ts';
import { renderPdf } from '../render/pdf/write-pdf.ts';
import { TAGGED_PDF_SETTINGS } from '../render/pdf/tagging/document-level.ts';
import { formatNumber } from '../analyse/dutch-number.ts';
import type { FigureChange, ReportDiff, WordingChange } from './diff-types.ts';
import { loadDiffTemplates, type DiffTemplates } from '../load/diff-templates.ts';
import { DiffWords, LEVEL_ORDER, capitalise, textEditPlaces, onlyWithinShares, editedSentences, type ShownPart, formatPoints, groupLabel, nText, wordingSourceText } from './format.ts';

export interface DiffPdfOptions {
  /** Fixed for reproducible output (SOURCE_DATE_EPOCH); default: now. */
  creationDate?: Date;
  /** The words (templates/diff.yaml by default). */
  templates?: DiffTemplates;
}

const DIFF_COLORS = {
  insert: '#1a7f37',
  insertBg: '#e3f4e8',
  delete: '#b3261e',
  deleteBg: '#fbe7e6',
  highlight: '#fdf1c7',
  highlightRule: '#d9a400',
};

const DIFF_STYLES: Record<string, Style> = {
  ...STYLES,
  diffTitle: { fontSize: 20, bold: true, color: COLORS.accent, margin: [0, 0, 0, 4] },
  diffSubtitle: { fontSize: 13, color: COLORS.muted, margin: [0, 0, 0, 16] },
  h3: { fontSize: 10.5, bold: true, color: COLORS.accent, margin: [0, 10, 0, 3] },
  meta: { fontSize: 8.5, color: COLORS.muted, margin: [0, 0, 0, 3] },
  small: { fontSize: 7.5, color: COLORS.muted },
  summaryLine: { margin: [0, 6, 0, 0], lineHeight: 1.2 },
  diffText: { lineHeight: 1.3, margin: [0, 0, 0, 10] },
};

/**
 * The diff as a short PDF: a one-page summary, then structure, figures and wording. Reuses the
 * report's type scale and fonts; insertions green and underlined, deletions red and struck through.
 */
export function diffPdfDocument(d: ReportDiff, opts: DiffPdfOptions = {}): TDocumentDefinitions {
  const w = new DiffWords(opts.templates ?? loadDiffTemplates());
  const { t } = w;
  const sides = { a: d.a.label, b: d.b.label };
  const title = w.say(t.title.running, sides);
  const content = withoutMissingGlyphs([...summaryPage(d, w), ...structureContent(d, w), ...figuresContent(d, w), ...wordingContent(d, w)]);
  return {
    ...TAGGED_PDF_SETTINGS,
    pageSize: PAGE.size,
    pageMargins: PAGE.margins,
    info: {
      title: w.say(t.title.document, { titel: title }),
      author: 'eindrapport',
      subject: w.say(t.title.subject, { ...sides, titel_a: d.a.title, titel_b: d.b.title }),
      creator: 'eindrapport diff',
      producer: 'eindrapport (pdfmake)',
      creationDate: opts.creationDate ?? new Date(),
    },
    language: 'nl-NL',
    defaultStyle: { font: 'Roboto', fontSize: 10, color: COLORS.text },
    styles: DIFF_STYLES,
    header: (currentPage: number, _pageCount: number, pageSize: { width: number }) =>
      currentPage === 1
        ? null
        : {
            stack: [
              { text: title, style: 'header' },
              { canvas: [{ type: 'line', x1: 0, y1: 3, x2: pageSize.width - PAGE.margins[0] - PAGE.margins[2], y2: 3, lineWidth: 0.5, lineColor: COLORS.rule }] },
            ],
            margin: [PAGE.margins[0], 30, PAGE.margins[2], 0],
          },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `eindrapport diff – ${title}`, style: 'footer' },
        { text: `${currentPage} / ${pageCount}`, style: 'footer', alignment: 'right' },
      ],
      margin: [PAGE.margins[0], 22, PAGE.margins[2], 0],
    }),
    content,
  } as TDocumentDefinitions;
}

export async function diffPdf(d: ReportDiff, opts: DiffPdfOptions = {}): Promise<Buffer> {
  return renderPdf(diffPdfDocument(d, opts));
}

/**
 * Roboto, the report's only font, has no arrow: "62,5% → 68,8%" is printed as "62,5% › 68,8%".
 * Applied to every text in the document, so no helper can slip one through.
 */
function withoutMissingGlyphs<T>(node: T): T {
  if (typeof node === 'string') return node.replace(/→/g, '›') as T;
  if (Array.isArray(node)) return node.map(withoutMissingGlyphs) as T;
  if (node && typeof node === 'object' && !(node instanceof Date)) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'text' || k === 'stack' || k === 'body' || k === 'table' || k === 'columns' || typeof v === 'object' ? withoutMissingGlyphs(v) : v])) as T;
  }
  return node;
}

function heading(text: string, id: string, pageBreak = false): Content {
  return { text, role: 'H2', style: 'h1', id, outline: true, margin: [0, pageBreak ? 0 : 18, 0, 10], ...(pageBreak ? { pageBreak: 'before' } : {}) } as unknown as Content;
}

function table(widths: (number | string)[], header: string[], rows: TableCell[][], fills: (string | null)[] = [], align: ('left' | 'right')[] = []): ContentTable {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((h, i) => ({ text: h, style: 'tableHeader', alignment: align[i] ?? 'left' })), ...rows],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => COLORS.rule,
      fillColor: (row: number) => (row === 0 ? COLORS.tableHeader : (fills[row - 1] ?? null)),
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 10],
  } as unknown as ContentTable;
}

// Summary page ----------------------------------------------------------------------------------

function summaryPage(d: ReportDiff, w: DiffWords): Content[] {
  const { t } = w;
  const out: Content[] = [
    { text: w.say(t.title.first_page), role: 'H1', style: 'diffTitle', id: 'samenvatting', outline: true } as unknown as Content,
    { text: w.say(t.title.subtitle, { a: d.a.label, b: d.b.label }), style: 'diffSubtitle' },
    table(
      [28, '*'],
      ['', w.say(t.sides.compared)],
      [
        [{ text: 'A', bold: true, style: 'tableCell' }, { text: [{ text: `${d.a.label}  `, bold: true }, w.sideLine(d.a)], style: 'tableCell' }],
        [{ text: 'B', bold: true, style: 'tableCell' }, { text: [{ text: `${d.b.label}  `, bold: true }, w.sideLine(d.b)], style: 'tableCell' }],
      ],
    ),
  ];
  for (const n of d.notes) out.push({ text: w.say(t.sides.note, { tekst: n }), style: 'note' });
  out.push({ text: w.say(t.summary.heading), style: 'h2', role: 'H2' } as Content);
  if (d.summary.total === 0) {
    out.push({ text: w.say(t.summary.nothing), style: 'paragraph' });
    return out;
  }
  if (d.structure.length) {
    const rows: TableCell[][] = [];
    for (const level of LEVEL_ORDER) {
      const c = d.summary.structure[level];
      if (level === 'part' && c.added + c.removed + c.renamed === 0) continue;
      const cell = (n: number): TableCell => ({ text: String(n), style: 'tableCell', alignment: 'right', bold: n > 0, color: n > 0 ? COLORS.text : COLORS.muted });
      rows.push([{ text: w.level(level, true), style: 'tableCell' }, cell(c.added), cell(c.removed), cell(c.renamed)]);
    }
    out.push(table(['*', 70, 70, 70], [t.summary.structure, t.structure.added, t.structure.removed, t.structure.renamed].map((x) => w.say(x)), rows, [], ['left', 'right', 'right', 'right']));
  } else out.push({ text: [{ text: `${w.say(t.summary.structure)}: `, bold: true }, `${w.structureUnchanged()}.`], style: 'summaryLine' });
  out.push({ text: [{ text: `${w.say(t.summary.figures)}: `, bold: true }, w.figuresSummaryText(d)], style: 'summaryLine' });
  out.push({ text: [{ text: `${w.say(t.summary.wording)}: `, bold: true }, w.wordingSummaryText(d)], style: 'summaryLine' });
  const places = textEditPlaces(d);
  if (places) out.push({ text: [{ text: `${w.say(t.summary.edited_in)}: `, bold: true }, places], style: 'summaryLine' });
  if (d.summary.largest.length) {
    out.push({ text: w.say(t.summary.largest), style: 'h2', role: 'H3', margin: [0, 18, 0, 6] } as Content);
    const largest = d.summary.largest.map((i) => d.figures[i]!);
    out.push(
      table(
        ['*', 90, 175],
        [t.figures.statement, t.figures.group, t.summary.largest_column].map((x) => w.say(x)),
        largest.map((f) => [
          { text: f.text, style: 'tableCell' },
          { text: groupLabel(f), style: 'tableCell' },
          { text: w.largestShiftText(f), style: 'tableCell', bold: f.highlight },
        ]),
        largest.map((f) => (f.highlight ? DIFF_COLORS.highlight : null)),
      ),
    );
    if (largest.some((f) => f.highlight)) out.push(legend(d, w));
  }
  return out;
}

function legend(d: ReportDiff, w: DiffWords): Content {
  return {
    columns: [
      { canvas: [{ type: 'rect', x: 0, y: 1, w: 18, h: 9, color: DIFF_COLORS.highlight, lineColor: DIFF_COLORS.highlightRule, lineWidth: 0.5 }], width: 24 },
      { text: w.say(w.t.summary.legend, { regel: w.highlightRule(d.threshold) }), style: 'meta' },
    ],
    margin: [0, 0, 0, 8],
  } as Content;
}

// Structure -------------------------------------------------------------------------------------

function structureContent(d: ReportDiff, w: DiffWords): Content[] {
  const out: Content[] = [heading(w.say(w.t.structure.heading), 'structuur', true)];
  if (!d.structure.length) return [...out, { text: `${capitalise(w.structureUnchanged())}.`, style: 'paragraph' }];
  const rows: TableCell[][] = [];
  for (const level of LEVEL_ORDER) {
    for (const c of d.structure.filter((x) => x.level === level)) {
      const t = w.structureText(c);
      rows.push([{ text: t.head, style: 'tableCell', bold: true }, { text: t.body, style: 'tableCell' }]);
    }
  }
  out.push(table([120, '*'], [w.say(w.t.structure.change_column), w.say(w.t.structure.what_column)], rows));
  return out;
}

// Figures ---------------------------------------------------------------------------------------

/** "24,0 › 52,0": percentages without the sign, so the values fit under the shift in a narrow column. */
function valuesText(a: number | null, b: number | null): string {
  const v = (x: number | null) => (x === null ? '–' : formatNumber(x, 1));
  return `${v(a)} → ${v(b)}`;
}

function deltaCell(f: FigureChange, measure: string): TableCell {
  const x = f.deltas.find((m) => m.measure === measure);
  if (!x) return { text: '–', style: 'tableCell', alignment: 'right' };
  const largest = f.highlight && Math.abs(x.delta ?? 0) >= f.size - 1e-9;
  return { text: [{ text: `${formatPoints(x.delta)}\n`, bold: largest, fontSize: 9 }, { text: valuesText(x.a, x.b), fontSize: 7, color: COLORS.muted }], alignment: 'right' } as TableCell;
}

/** The statement as printed; its key is in the Markdown, for editors. */
function statementCell(f: FigureChange): TableCell {
  return { text: f.text, fontSize: 8.5 } as TableCell;
}

function figureRow(f: FigureChange, w: DiffWords): TableCell[] {
  const group: TableCell = { text: groupLabel(f), style: 'tableCell', fontSize: 8.5 };
  const n: TableCell = { text: nText(f), style: 'tableCell', alignment: 'right', fontSize: 8.5 };
  if (onlyWithinShares(f)) return [statementCell(f), group, { text: w.withinShares(), colSpan: 3, alignment: 'right', fontSize: 8, italics: true, color: COLORS.muted } as TableCell, {}, {}, n];
  if (f.deltas.some((d) => d.measure === 'positive')) return [statementCell(f), group, deltaCell(f, 'positive'), deltaCell(f, 'neutral'), deltaCell(f, 'negative'), n];
  const largest = (d: FigureChange['deltas'][number]) => f.highlight && Math.abs(d.delta ?? 0) >= f.size - 1e-9;
  const yes = f.deltas.find((d) => d.measure === 'yes');
  if (yes) {
    // Yes/no: the share of "ja" where the positive share stands for statements.
    const cell = { text: [{ text: `${w.say(w.t.figures.yes_shift, { punten: formatPoints(yes.delta) })}\n`, bold: largest(yes), fontSize: 9 }, { text: valuesText(yes.a, yes.b), fontSize: 7, color: COLORS.muted }], alignment: 'right' } as TableCell;
    return [statementCell(f), group, cell, { text: '' }, { text: '' }, n];
  }
  // Multiselect: one line per answer across the three columns — the answer, its shift over its values.
  const lines = f.deltas.map((x) => ({
    columns: [
      { text: w.measureName(x.measure), width: '*', fontSize: 8.5 },
      { text: [{ text: `${formatPoints(x.delta)}\n`, fontSize: 9, bold: largest(x) }, { text: valuesText(x.a, x.b), fontSize: 7, color: COLORS.muted }], width: 52, alignment: 'right' },
    ],
    columnGap: 4,
    margin: [0, 0, 0, 2],
  }));
  return [statementCell(f), group, { stack: lines.length ? lines : [{ text: '–' }], colSpan: 3 } as TableCell, {}, {}, n];
}

function figuresContent(d: ReportDiff, w: DiffWords): Content[] {
  const t = w.t.figures;
  const out: Content[] = [heading(w.say(t.heading), 'cijfers')];
  if (!d.figures.length) return [...out, { text: capitalise(w.say(t.none)), style: 'paragraph' }];
  const changed = d.figures.filter((f) => f.kind === 'changed');
  if (changed.length) {
    out.push({ text: w.say(t.intro_pdf), style: 'paragraph' });
    if (changed.some((f) => f.highlight)) out.push(legend(d, w));
    out.push(
      table(
        ['*', 72, 46, 46, 46, 40],
        [t.statement, t.group, t.positive, t.neutral, t.negative, t.n].map((x) => w.say(x)),
        changed.map((f) => figureRow(f, w)),
        changed.map((f) => (f.highlight ? DIFF_COLORS.highlight : null)),
        ['left', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  const other = d.figures.filter((f) => f.kind !== 'changed');
  if (other.length) {
    out.push({ text: w.say(t.other_heading), style: 'h2', role: 'H3' } as Content);
    out.push({ text: w.say(t.other_note_pdf), style: 'note' });
    const side = (s: FigureChange['a']): TableCell =>
      s.state === 'shown' ? { text: w.sideText(s), style: 'tableCell' } : { text: w.sideText(s), style: 'tableCell', italics: true, color: COLORS.muted };
    out.push(
      table(
        ['*', 72, 70, 100, 100],
        [...[t.statement, t.group, t.change].map((x) => w.say(x)), 'A', 'B'],
        other.map((f) => [
          statementCell(f),
          { text: groupLabel(f), style: 'tableCell' },
          { text: w.figureKindText(f), style: 'tableCell', bold: true },
          side(f.a),
          side(f.b),
        ]),
      ),
    );
  }
  return out;
}

// Wording ---------------------------------------------------------------------------------------

function inlineParts(parts: ShownPart[], gapText: string): Content[] {
  return parts.flatMap((p, i): Content[] => {
    if (p.op === 'gap') return [{ text: ` ${gapText} `, color: COLORS.muted }];
    if (p.op === 'same') return [{ text: p.text }];
    // Spaces around an edit stay unmarked, so the mark hugs the words.
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
    const [, lead = '', core = '', trail = ''] = m;
    if (!core) return [{ text: p.text }];
    const prev = parts[i - 1];
    const gap = p.op === 'insert' && prev?.op === 'delete' && !lead && !/\s$/.test(prev.text) ? ' ' : '';
    const mark: Content =
      p.op === 'insert'
        ? ({ text: core, color: DIFF_COLORS.insert, background: DIFF_COLORS.insertBg, decoration: 'underline', decorationColor: DIFF_COLORS.insert } as Content)
        : ({ text: core, color: DIFF_COLORS.delete, background: DIFF_COLORS.deleteBg, decoration: 'lineThrough', decorationColor: DIFF_COLORS.delete } as Content);
    return [...(gap + lead ? [{ text: gap + lead }] : []), mark, ...(trail ? [{ text: trail }] : [])];
  });
}

function wordingEntry(w: WordingChange, words: DiffWords): Content {
  return {
    stack: [
      { text: [{ text: words.wordingEntry(w), bold: true }, `  ·  ${wordingSourceText(w)}  ·  ${w.id}`], style: 'meta' },
      { text: inlineParts(editedSentences(w.parts, 2), words.say(words.t.wording.gap)), style: 'diffText' },
    ],
    unbreakable: w.parts.reduce((n, p) => n + p.text.length, 0) < 1200,
  } as ContentStack;
}

function wordingContent(d: ReportDiff, words: DiffWords): Content[] {
  const t = words.t.wording;
  const out: Content[] = [heading(words.say(t.heading), 'tekst')];
  if (!d.wording.length) return [...out, { text: capitalise(words.say(t.none)), style: 'paragraph' }];
  // The introduction's three names become its words in the colours and marks of the text below.
  const marked: Record<string, Content> = {
    ingevoegd: { text: words.say(t.inserted), color: DIFF_COLORS.insert, background: DIFF_COLORS.insertBg, decoration: 'underline' } as Content,
    verwijderd: { text: words.say(t.deleted), color: DIFF_COLORS.delete, background: DIFF_COLORS.deleteBg, decoration: 'lineThrough' } as Content,
    weggelaten: { text: words.say(t.gap), color: COLORS.muted } as Content,
  };
  const mark = (name: string) => `\u0000${name}\u0000`;
  const intro = words.say(t.intro_pdf, { ingevoegd: mark('ingevoegd'), verwijderd: mark('verwijderd'), weggelaten: mark('weggelaten') });
  const pieces = intro.split('\u0000').map((piece, i) => (i % 2 === 1 ? marked[piece]! : piece));
  out.push({ text: pieces.filter((p) => p !== ''), style: 'paragraph' } as Content);
  let at: string | null = null;
  for (const w of d.wording) {
    if (w.location.label !== at) {
      at = w.location.label;
      // The location heading travels with its first entry.
      out.push({ stack: [{ text: at, style: 'h3', role: 'H3' }, wordingEntry(w, words)], unbreakable: true } as ContentStack);
    } else out.push(wordingEntry(w, words));
  }
  return out;
}
