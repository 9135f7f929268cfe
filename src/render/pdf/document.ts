import type { Content, TDocumentDefinitions, ContentStack } from 'pdfmake/interfaces';
import type { AnyBlock, Chapter, ChartBlock, FigureBlock, Part, ReportModel, Section, TableBlock } from '../../model/report-types.ts';
import { COLORS, CONTENT_WIDTH, PAGE, STYLES } from './styles.ts';
import { TAGGED_PDF_SETTINGS } from './tagging/document-level.ts';
import type { ChartDrawing } from '../charts/drawing.ts';

/** A chart already drawn (vector operations from its Vega scene graph), sized in points. */
export type ChartImage = ChartDrawing;

export interface DocumentOptions {
  charts: Map<string, ChartImage>;
  creationDate: Date;
  /** The heading of the table of contents (templates/report.yaml, chapters.toc). */
  tocTitle: string;
  /**
   * What a screen reader says for an entry of the table of contents: {{kop}} is the entry's heading
   * (templates/report.yaml, document.toc_entry).
   */
  tocEntry: string;
  /**
   * Mark the chapters (pdfmake sections) whose layout may be taken from an earlier document of
   * this process when their content is the same (watch; src/render/pdf/layout-reuse.ts).
   */
  reuseLayout?: boolean;
}

/**
 * Render stage (PDF): the report model → a pdfmake document definition. Every chapter is a
 * pdfmake `section`, so it starts on a new page and carries its own running header.
 */
export function pdfDocument(model: ReportModel, opts: DocumentOptions): TDocumentDefinitions {
  const content: Content[] = [coverSection(model), colofonSection(model), tocSection(opts.tocTitle, opts.tocEntry)];
  for (const part of model.parts) content.push(...partContent(part, opts));
  if (opts.reuseLayout) markReusable(content);
  const e = model.edition;
  return {
    ...TAGGED_PDF_SETTINGS,
    pageSize: PAGE.size,
    pageMargins: PAGE.margins,
    info: {
      title: `${e.organisation} ${e.title} – ${e.subtitle}`,
      author: e.author,
      subject: e.subject,
      keywords: e.keywords.join(', '),
      creator: 'eindrapport',
      producer: 'eindrapport (pdfmake)',
      creationDate: opts.creationDate,
    },
    language: 'nl-NL',
    defaultStyle: { font: 'Roboto', fontSize: 11, color: COLORS.text },
    styles: STYLES,
    footer: (currentPage: number) => ({
      columns: [
        { text: `${e.organisation} – ${e.title}`, style: 'footer' },
        { text: String(currentPage), style: 'footer', alignment: 'right' },
      ],
      margin: [PAGE.margins[0], 22, PAGE.margins[2], 0],
    }),
    content,
  } as TDocumentDefinitions;
}

/** Every section but the table of contents (its page numbers and entries come from the whole document). */
function markReusable(content: Content[]): void {
  const hasToc = (n: unknown): boolean => Array.isArray(n) ? n.some(hasToc) : typeof n === 'object' && n !== null && ('toc' in n || ('stack' in n && hasToc(n.stack)));
  for (const node of content as unknown as Record<string, unknown>[]) {
    if (Array.isArray(node.stack)) markReusable(node.stack as Content[]);
    else if (node.section && !hasToc(node.section)) node.reuseLayout = true;
  }
}

function runningHeader(text: string) {
  return () => ({
    stack: [
      { text, style: 'header' },
      { canvas: [{ type: 'line', x1: 0, y1: 3, x2: CONTENT_WIDTH, y2: 3, lineWidth: 0.5, lineColor: COLORS.rule }] },
    ],
    margin: [PAGE.margins[0], 30, PAGE.margins[2], 0],
  });
}

/** A pdfmake section (new page, own running header); `role` tags it (Sect) or not ('none'). */
function section(stack: Content[], header: string | null, role = 'none'): Content {
  return { section: stack, role, header: header === null ? null : runningHeader(header), ...(header === null ? { footer: null } : {}) } as unknown as Content;
}

function coverSection(model: ReportModel): Content {
  const c = model.cover;
  return section(
    [
      { text: c.organisation, style: 'coverOrganisation', margin: [0, 150, 0, 40] },
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 60, h: 6, color: COLORS.accent }], margin: [0, 0, 0, 18] },
      { text: c.title, style: 'coverTitle' },
      { text: c.subtitle, style: 'coverSubtitle', margin: [0, 12, 0, 0] },
      { text: c.date, style: 'coverDate', margin: [0, 260, 0, 0] },
    ],
    null,
  );
}

function colofonSection(model: ReportModel): Content {
  return section(
    [{ stack: model.colofon.map((b) => (b.type === 'paragraph' ? { text: b.text, style: 'colofon' } : blockContent(b, new Map()))), margin: [0, 380, 0, 0] }],
    null,
  );
}

function tocSection(title: string, entry: string): Content {
  // The title is laid out exactly where pdfmake puts a toc title, but outside the TOC element.
  return section([{ text: title, style: 'tocTitle', role: 'H1' } as Content, { toc: { numberStyle: { fontSize: 10 } }, tocEntry: entry } as Content], title, 'Sect');
}

/** Heading with a TOC entry and a bookmark under its parent; its level comes from the model. */
function heading(text: string, style: string, id: string, parentId: string | null, tocStyle: string, tocMargin: number[], level: number | undefined): Content {
  if (level === undefined) throw new Error(`heading '${text}' has no headingLevel in the report model`);
  return {
    text,
    role: `H${level}`,
    style,
    id,
    tocItem: true,
    tocStyle,
    tocMargin,
    tocNumberStyle: { style: tocStyle },
    outline: true,
    ...(parentId ? { outlineParentId: parentId } : {}),
    outlineExpanded: parentId === null,
  } as unknown as Content;
}

function partContent(part: Part, opts: DocumentOptions): Content[] {
  const out: Content[] = [];
  let parentId: string | null = null;
  if (part.label && part.title) {
    parentId = part.id;
    const divider: Content[] = [
      { text: part.label, style: 'partLabel' },
      heading(part.title, 'partTitle', part.id, null, 'tocPart', [0, 10, 0, 2], part.headingLevel),
    ];
    if (part.intro.length) divider.push(...keepTogether(part.intro.map((b) => blockContent(b, opts.charts))));
    out.push(section(divider, part.title));
  }
  for (const chapter of part.chapters) {
    if (chapter.divider) out.push(dividerSection(chapter.divider));
    out.push(chapterContent(chapter, parentId, opts));
  }
  // One Sect per part around its pages (a stack adds nothing to the layout).
  return [{ stack: out, role: 'Sect' } as ContentStack];
}

/** A product's divider page: its name large, and how many respondents its chapters rest on. */
function dividerSection(d: NonNullable<Chapter['divider']>): Content {
  return section(
    [
      { text: d.title, style: 'partTitle', margin: [0, 260, 0, 12] },
      ...d.lines.map((l) => ({ text: l, style: 'dividerLine' })),
    ],
    d.title,
  );
}

function chapterContent(chapter: Chapter, parentId: string | null, opts: DocumentOptions): Content {
  const h = heading(chapter.heading, 'h1', chapter.id, parentId, 'tocChapter', parentId ? [10, 3, 0, 1] : [0, 6, 0, 1], chapter.headingLevel);
  const intro = chapter.intro.map((b) => blockContent(b, opts.charts));
  const stack: Content[] = [];
  // The heading travels with the first thing after it: never last on a page.
  stack.push({ stack: [h, ...(intro.slice(0, 1))], unbreakable: true } as ContentStack, ...intro.slice(1));
  // Every value and work process after the first starts on a page of its own, as readers of the
  // printed report expect; the first follows the chapter introduction.
  chapter.sections.forEach((s, i) => stack.push(...sectionContent(s, chapter, opts, i > 0)));
  return section(stack, chapter.heading, 'Sect');
}

function sectionContent(s: Section, chapter: Chapter, opts: DocumentOptions, newPage: boolean): Content[] {
  const h = heading(s.heading, 'h2', s.id, chapter.id, 'tocSection', [22, 1, 0, 0], s.headingLevel);
  const pageBreak = newPage ? { pageBreak: 'before' as const } : {};
  const [first, ...rest] = s.blocks.map((b) => blockContent(b, opts.charts));
  // The heading travels with the first block (a figure: with all of it).
  return [{ stack: [{ stack: [h, ...(first ? [first] : [])], unbreakable: true, ...pageBreak } as ContentStack, ...rest], role: 'Sect' } as ContentStack];
}

function keepTogether(content: Content[]): Content[] {
  return [{ stack: content, unbreakable: true } as ContentStack];
}

function chartContent(b: ChartBlock, charts: Map<string, ChartImage>): Content {
  const img = charts.get(b.id);
  if (!img) throw new Error(`chart ${b.id} was not rendered`);
  const parts: Content[] = [];
  // The statement above the chart is its Caption; the Figure's Alt says what the chart shows.
  if (b.caption) parts.push({ text: b.caption, style: 'caption', role: 'Caption' } as Content);
  // A chart with a table of its numbers in the appendix links there (an invisible link over the chart).
  const link = b.dataTable ? { linkToDestination: b.dataTable.id, linkContents: b.dataTable.link } : {};
  // An svg node holding a drawing: laid out and tagged like SVG, drawn straight into PDFKit (patches/pdfmake-chart-drawing.ts).
  parts.push({ svg: img, width: img.width, margin: [0, 2, 0, 10], role: b.role, alt: b.description, ...link } as unknown as Content);
  return { stack: parts, unbreakable: true } as ContentStack;
}

/** A figure: its members kept on one page, as one structure element (its role, Div). */
function figureContent(f: FigureBlock, charts: Map<string, ChartImage>): Content {
  const members = f.blocks.map((b) => blockContent(b, charts));
  return { stack: members, role: f.role, ...(members.length > 1 ? { unbreakable: true } : {}) } as unknown as ContentStack;
}

export function blockContent(b: AnyBlock, charts: Map<string, ChartImage>): Content {
  switch (b.type) {
    case 'figure':
      return figureContent(b, charts);
    case 'paragraph':
      return { text: b.text, style: 'paragraph', role: b.role } as Content;
    case 'caption':
      return { text: b.text, style: 'caption', role: b.role } as Content;
    case 'chart':
      return chartContent(b, charts);
    case 'note':
      return { text: b.text, style: 'note', role: b.role } as Content;
    case 'list': {
      const list: Content = { ul: b.items.map((i) => ({ text: i })), style: 'list', role: b.role } as Content;
      return b.lead ? { stack: [{ text: b.lead, style: 'listLead' }, list], unbreakable: b.items.length <= 8 } as ContentStack : list;
    }
    case 'table':
      return tableContent(b);
  }
}

/** Table element: its caption, then the rows (the table node itself adds no element). */
function tableContent(b: TableBlock): Content {
  return {
    role: b.role,
    stack: [
      { text: b.caption, style: 'tableCaption', role: 'Caption', id: b.id },
      {
        role: 'none',
        table: {
          headerRows: 1,
          // A table led by a text column (product, statement) spans the page, that column taking
          // the room; one led by numbers (coding, margins) keeps its own width, so its columns stay together.
          widths: b.header.map((_, i) => (i === 0 && b.align[0] !== 'right' ? '*' : 'auto')),
          body: [
            b.header.map((h, i) => ({ text: h, style: 'tableHeader', alignment: b.align[i] ?? 'left' })),
            ...b.rows.map((r, ri) =>
              r.map((c, i) => ({
                text: c,
                style: 'tableCell',
                alignment: b.align[i] ?? 'left',
                bold: b.totalRow && ri === b.rows.length - 1 - (b.rowsAfterTotal ?? 0),
                ...(b.rowHeaders && i === 0 ? { role: 'TH', scope: 'Row' } : {}),
              })),
            ),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 10],
      },
    ],
    unbreakable: true,
  } as unknown as ContentStack;
}
