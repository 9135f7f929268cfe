import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { activeStructureTree } from './tagging/pdfmake-hooks.ts';
import { StructElem } from './tagging/structure-tree.ts';
import { isChartDrawing } from '../charts/drawing.ts';

/**
 * Layout reuse for a long-lived process (watch): every chapter is a pdfmake `section`, so it starts
 * on a new page and its layout (the pages, the lines on them, where its headings landed, its part
 * of the structure tree) depends on its own content only. A section marked `reuseLayout` whose
 * content is the same as in an earlier document of this process is not measured and laid out
 * again: its pages are added with the items of that earlier layout. Everything that depends on
 * where the section lands is made afterwards as in any build: headers and footers (with the page
 * numbers), the table of contents' page numbers and the bookmarks (at render time), the marked
 * content and the structure tree's references. The fonts a skipped section would have asked
 * for are asked for in the same order, so the fonts keep their names and numbers.
 *
 * Depends on pdfmake 0.3.11 internals (DocMeasure.measureNode, LayoutBuilder.processNode,
 * PageElementWriter, DocumentContext, Line/inline `font`); the watch tests compare rebuilds with
 * fresh builds byte for byte.
 */

const require = createRequire(import.meta.url);

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Face {
  family: string;
  bold: boolean;
  italics: boolean;
}

interface PdfFont {
  [FACE]?: Face;
}

interface PdfDoc {
  options: { tagged?: boolean };
  provideFont(family: string, bold: boolean, italics: boolean): PdfFont;
}

interface Position {
  pageNumber: number;
  [k: string]: unknown;
}

interface Node {
  section?: unknown;
  reuseLayout?: boolean;
  id?: string;
  positions?: Position[];
  pageSize?: unknown;
  pageOrientation?: unknown;
  pageMargins?: unknown;
  header?: unknown;
  footer?: unknown;
  background?: unknown;
  watermark?: unknown;
  [REUSE]?: { key: string; entry?: Entry; faces?: Face[] };
}

interface PageItem {
  type: string;
  item: { inlines?: { font: PdfFont }[] } & Record<string, unknown>;
}

interface Page {
  items: PageItem[];
  pageSize: { width: number; height: number; orientation?: string };
}

interface Context {
  page: number;
  pages: Page[];
  x: number;
  y: number;
  availableWidth: number;
  availableHeight: number;
  getCurrentPage(): Page | null;
}

interface Writer {
  context(): Context;
  addPage(pageSize: unknown, orientation: unknown, margins: unknown, customProperties: Record<string, unknown>): void;
  moveToNextPage(orientation?: unknown): void;
}

/** pdfmake's record of every node with an id (the targets of links, TOC entries and bookmarks). */
interface NodeReference {
  _nodeRef: Node;
  _textNodeRef: Node;
}

interface Builder {
  docPreprocessor: { nodeReferences: Record<string, NodeReference> };
  writer: Writer;
  pageSize: unknown;
  pageMargins: unknown;
  linearNodeList: unknown[];
}

/** One section as laid out earlier. */
interface Entry {
  faces: Face[];
  pages: { items: PageItem[]; width: number; height: number }[];
  /** Where the context stood after the section (on its last page). */
  end: { x: number; y: number; availableWidth: number; availableHeight: number };
  /**
   * Positions of the nodes with an id on the section's pages (the node and the node pdfmake
   * refers to for it), page numbers counted from the section's first page (0).
   */
  positions: Map<string, { node: Position[]; ref: Position[] }>;
  /** What the section added to the structure tree. */
  kids: StructElem[];
}

const FACE = Symbol('face');
const REUSE = Symbol('layout reuse');

/** The sections laid out by the last document, by key; what the document before used and this one did not is dropped. */
let entries = new Map<string, Entry>();
let used = new Map<string, Entry>();
/** Sections of the document being laid out: taken from an earlier one, and laid out anew. */
let counts = { reused: 0, laidOut: 0 };
let lastCounts = counts;

/** How many marked sections the last document laid out took from an earlier one, and how many it laid out anew. */
export function lastLayoutReuse(): { reused: number; laidOut: number } {
  return { ...lastCounts };
}

/** Faces asked for while a section is measured. */
let recording: Face[] | null = null;
/** Chart drawings (and other objects in a section's content) stand in the key by identity. */
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

/**
 * What a section's layout depends on: its content (a chart drawing by identity: the chart cache
 * hands out the same object for the same chart), the styles, the page, tagged or not. Null when
 * the content holds something that cannot be compared (a function).
 */
function sectionKey(node: Node, measure: { styleStack: { styleDictionary: unknown; defaultStyle: unknown }; pdfDocument: PdfDoc }): string | null {
  let comparable = true;
  const replacer = (_: string, v: unknown): unknown => {
    if (typeof v === 'function') comparable = false;
    if (!isChartDrawing(v)) return v;
    let id = objectIds.get(v);
    if (id === undefined) objectIds.set(v, (id = nextObjectId++));
    return `tekening ${id}`;
  };
  let content: string;
  try {
    content = JSON.stringify([measure.styleStack.styleDictionary, measure.styleStack.defaultStyle, measure.pdfDocument.options.tagged === true, node.pageSize, node.pageOrientation, node.pageMargins, node.section], replacer);
  } catch {
    return null; // a cycle
  }
  return comparable ? createHash('sha256').update(content).digest('base64url') : null;
}

let applied = false;

export function applyLayoutReuse(): void {
  if (applied) return;
  applied = true;
  const docProto = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: Record<string, Fn> } }).default.prototype;
  const measureProto = (require('pdfmake/js/DocMeasure.js') as { default: { prototype: Record<string, Fn> } }).default.prototype;
  const layoutProto = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: Record<string, Fn> } }).default.prototype;
  const provideFont = docProto.provideFont!;
  const measureNode = measureProto.measureNode!;
  const processNode = layoutProto.processNode!;
  const layoutDocument = layoutProto.layoutDocument!;
  if (![provideFont, measureNode, processNode, layoutDocument].every((f) => typeof f === 'function')) throw new Error('pdfmake: layout reuse hooks not found (version changed?)');

  docProto.provideFont = function (this: PdfDoc, family: string, bold: boolean, italics: boolean) {
    const font = provideFont.call(this, family, bold, italics) as PdfFont;
    font[FACE] ??= { family, bold, italics };
    if (recording && !recording.some((f) => f.family === family && f.bold === bold && f.italics === italics)) recording.push({ family, bold, italics });
    return font;
  };

  // A document starts: the sections of the one before are what this one may reuse.
  layoutProto.layoutDocument = function (this: unknown, ...args: unknown[]) {
    counts = { reused: 0, laidOut: 0 };
    const result = layoutDocument.apply(this, args) as unknown;
    lastCounts = counts;
    if (used.size) {
      entries = used;
      used = new Map();
    }
    return result;
  };

  measureProto.measureNode = function (this: { styleStack: { styleDictionary: unknown; defaultStyle: unknown }; pdfDocument: PdfDoc }, node: Node) {
    if (!node.section || node.reuseLayout !== true || recording) return measureNode.call(this, node);
    const key = sectionKey(node, this);
    if (key === null) return measureNode.call(this, node);
    const entry = entries.get(key);
    if (entry) {
      // Not measured: the fonts it would have asked for, in the same order.
      for (const f of entry.faces) this.pdfDocument.provideFont(f.family, f.bold, f.italics);
      node[REUSE] = { key, entry };
      return node;
    }
    recording = [];
    try {
      return measureNode.call(this, node);
    } finally {
      node[REUSE] = { key, faces: recording };
      recording = null;
    }
  };

  layoutProto.processNode = function (this: Builder, node: Node, ...rest: unknown[]) {
    const reuse = node[REUSE];
    if (!reuse) return processNode.call(this, node, ...rest);
    if (reuse.entry) {
      replay(this, node, reuse.entry);
      used.set(reuse.key, reuse.entry);
      counts.reused++;
      return;
    }
    const ctx = this.writer.context();
    const first = ctx.pages.length;
    // pdfmake starts a section on the current page when that is still empty: not replayable.
    const newPage = (ctx.getCurrentPage()?.items.length ?? 1) > 0;
    const parent = activeStructureTree()?.current();
    const kidsBefore = parent?.kids.length ?? 0;
    const result = processNode.call(this, node, ...rest) as unknown;
    counts.laidOut++;
    const entry = newPage ? record(this, node, first, parent ? parent.kids.slice(kidsBefore) : null, reuse.faces ?? []) : null;
    if (entry) used.set(reuse.key, entry);
    return result;
  };
}

/** What a freshly laid-out section left, if it can be replayed (it started on a page of its own and ended on its last). */
function record(builder: Builder, node: Node, first: number, kids: unknown[] | null, faces: Face[]): Entry | null {
  const ctx = builder.writer.context();
  if (ctx.pages.length <= first || ctx.page !== ctx.pages.length - 1) return null;
  if (kids === null && activeStructureTree()) return null;
  if (kids && !kids.every((k) => k instanceof StructElem)) return null;
  // The section's nodes with an id: those laid out on its pages (a section has its pages to itself).
  const positions = new Map<string, { node: Position[]; ref: Position[] }>();
  const relative = (ps: Position[] | undefined) => (ps ?? []).map((p) => ({ ...p, pageNumber: p.pageNumber - (first + 1) }));
  const references = builder.docPreprocessor.nodeReferences;
  for (const id of Object.keys(references)) {
    const { _nodeRef: ref, _textNodeRef: n } = references[id]!;
    const page = n.positions?.[0]?.pageNumber ?? ref.positions?.[0]?.pageNumber;
    if (page !== undefined && page >= first + 1) positions.set(id, { node: relative(n.positions), ref: relative(ref.positions) });
  }
  if (node.positions?.length) return null;
  return {
    faces,
    pages: ctx.pages.slice(first).map((p) => ({ items: [...p.items], width: p.pageSize.width, height: p.pageSize.height })),
    end: { x: ctx.x, y: ctx.y, availableWidth: ctx.availableWidth, availableHeight: ctx.availableHeight },
    positions,
    kids: (kids ?? []) as StructElem[],
  };
}

/** The section's pages again, as pdfmake's processSection would start them, with the items of the earlier layout. */
function replay(builder: Builder, node: Node, entry: Entry): void {
  const writer = builder.writer;
  const ctx = writer.context();
  builder.linearNodeList.push(node);
  const current = ctx.getCurrentPage();
  if (!current || current.items.length) {
    const customProperties: Record<string, unknown> = {};
    for (const k of ['header', 'footer', 'background', 'watermark'] as const) if (node[k] !== undefined) customProperties[k] = node[k];
    writer.addPage(node.pageSize ?? builder.pageSize, node.pageOrientation, node.pageMargins ?? builder.pageMargins, customProperties);
  }
  const first = ctx.page;
  entry.pages.forEach((p, i) => {
    if (i > 0) writer.moveToNextPage(node.pageOrientation);
    const page = ctx.getCurrentPage()!;
    if (page.pageSize.width !== p.width || page.pageSize.height !== p.height) throw new Error('layout reuse: page size differs');
    page.items.push(...p.items);
  });
  Object.assign(ctx, entry.end);
  // Fonts of this document, not of the one the lines were measured for.
  const doc = (builder as unknown as { docMeasure: { pdfDocument: PdfDoc } }).docMeasure.pdfDocument;
  for (const p of entry.pages) {
    for (const { item } of p.items) {
      for (const inline of item.inlines ?? []) {
        const face = inline.font[FACE];
        if (!face) throw new Error('layout reuse: a line without a known font');
        inline.font = doc.provideFont(face.family, face.bold, face.italics);
      }
    }
  }
  const absolute = (ps: Position[]) => ps.map((p) => ({ ...p, pageNumber: p.pageNumber + first + 1 }));
  // pdfmake gives a section node no positions of its own.
  node.positions = [];
  const references = builder.docPreprocessor.nodeReferences;
  for (const [id, ps] of entry.positions) {
    const reference = references[id];
    if (!reference) throw new Error(`layout reuse: no node with id ${id}`);
    reference._textNodeRef.positions = absolute(ps.node);
    if (reference._nodeRef !== reference._textNodeRef) reference._nodeRef.positions = absolute(ps.ref);
  }
  activeStructureTree()?.current()?.adopt(entry.kids);
}
