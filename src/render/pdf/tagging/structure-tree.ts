/**
 * The structure tree of one tagged PDF, built in two halves:
 *
 * - during layout, every pdfmake node that is processed may open a structure element (its `role`,
 *   or a default for its kind: text → P, table → Table/TR/TH/TD, list → L/LI/Lbl/LBody, svg →
 *   Figure, toc → TOC/TOCI/Link, canvas → Artifact), and every page item that pdfmake creates is
 *   stamped with the element it belongs to (a `Slot`) or with ARTIFACT. pdfmake copies and splits
 *   items (unbreakable blocks, page breaks), and copies keep the stamp, so a paragraph over a page
 *   break stays one element;
 * - during rendering, consecutive items of one element on one page share one marked-content
 *   sequence (one MCID); link annotations get a StructParent. After the last page the elements and
 *   the ParentTree are written as plain PDFKit objects (PDFKit's own `struct()` API, written late,
 *   points link references at the wrong page).
 */

import { fillText } from '../../../load/text-template.ts';

/** The vocabulary on document-definition nodes (see docs/report-model.md, "Rollen"). */
export interface TaggedNode {
  /** A standard structure type (P, H1, Sect, Caption, …), 'Artifact', or 'none' (no element). */
  role?: string;
  /** Alternative text (Figures). */
  alt?: string;
  /** Language of the element when it differs from the document's. */
  lang?: string;
  /** TH: which cells the header applies to. */
  scope?: 'Column' | 'Row';
  /** Text for a link annotation's /Contents (what the link leads to). */
  linkContents?: string;
  /** A table of contents: each entry's /Contents, with {{kop}} for the entry's heading ("Ga naar {{kop}}"). */
  tocEntry?: string;
}

export type Kid = StructElem | Slot;

export interface ContentRef {
  page: number;
  mcid: number;
}

export interface AnnotRef {
  page: number;
  annot: unknown;
}

/** A run of an element's own content, in layout order; rendering fills in where it landed. */
export class Slot {
  readonly refs: (ContentRef | AnnotRef)[] = [];
  constructor(readonly el: StructElem) {}
}

export class StructElem {
  readonly kids: Kid[] = [];
  alt?: string;
  actualText?: string;
  lang?: string;
  scope?: 'Column' | 'Row';
  /** For Link elements: the annotation's /Contents. */
  contents?: string;
  /** A Figure that links elsewhere: the Link element beside it that owns the annotation. */
  link?: StructElem;
  /** A TOC: its entries' /Contents, with {{kop}} for the heading. */
  tocEntry?: string;
  constructor(
    readonly type: string,
    readonly parent: StructElem | null,
  ) {}

  add(type: string): StructElem {
    const el = new StructElem(type, this);
    this.kids.push(el);
    return el;
  }

  /**
   * Elements laid out for an earlier document (src/render/pdf/layout-reuse.ts), put under this one
   * again, with where their content landed cleared: rendering fills that in anew.
   */
  adopt(kids: StructElem[]): void {
    const clear = (el: StructElem): void => {
      for (const k of el.kids) {
        if (k instanceof StructElem) clear(k);
        else k.refs.length = 0;
      }
    };
    for (const k of kids) {
      (k as { parent: StructElem | null }).parent = this;
      clear(k);
      this.kids.push(k);
    }
  }

  /** The slot new content of this element goes into: the last kid if it is one. */
  slot(): Slot {
    const last = this.kids[this.kids.length - 1];
    if (last instanceof Slot) return last;
    const s = new Slot(this);
    this.kids.push(s);
    return s;
  }
}

/** Stamp for page items that are not content: running headers, footers, rules, table fills. */
export const ARTIFACT = Symbol('Artifact');
export type Stamp = Slot | typeof ARTIFACT;

/** Elements whose text goes straight into them (no P of its own). */
const INLINE_CONTAINERS = new Set(['H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'TD', 'TH', 'LBody', 'Lbl', 'Caption', 'Link', 'Span', 'Note', 'Reference', 'Quote', 'TOCI']);

/** What the layout half needs to know about a pdfmake node. */
export interface LayoutNode extends TaggedNode {
  text?: unknown;
  table?: { headerRows?: number; body: unknown[][] };
  ul?: unknown[];
  ol?: unknown[];
  svg?: unknown;
  image?: unknown;
  canvas?: unknown[];
  toc?: unknown;
  stack?: unknown[];
  qr?: unknown;
  linkToDestination?: string;
  listMarker?: { _inlines?: Record<string, unknown>[]; canvas?: Record<string, unknown>[] };
  _span?: boolean;
}

type Context = StructElem | typeof ARTIFACT;

export class StructureTree {
  root = new StructElem('Document', null);
  private stack: Context[] = [this.root];

  /** Starts over: pdfmake lays the document out again when a page-break function asks for it. */
  reset(): void {
    this.root = new StructElem('Document', null);
    this.stack = [this.root];
  }

  private top(): Context {
    return this.stack[this.stack.length - 1]!;
  }

  /** The element that new elements go into now; null inside an Artifact. */
  current(): StructElem | null {
    const top = this.top();
    return top === ARTIFACT ? null : top;
  }

  /** The stamp for an item added now. */
  stamp(): Stamp {
    const top = this.top();
    return top === ARTIFACT ? ARTIFACT : top.slot();
  }

  /** Everything added until the matching `leave` is an Artifact. */
  enterArtifact(): number {
    this.stack.push(ARTIFACT);
    return 1;
  }

  leave(n: number): void {
    this.stack.length -= n;
  }

  private push(el: StructElem, node: TaggedNode): StructElem {
    if (node.alt !== undefined) el.alt = node.alt;
    if (node.lang !== undefined) el.lang = node.lang;
    if (node.scope !== undefined) el.scope = node.scope;
    if (node.linkContents !== undefined) el.contents = node.linkContents;
    if (node.tocEntry !== undefined) el.tocEntry = node.tocEntry;
    this.stack.push(el);
    return el;
  }

  /** A node is about to be laid out: opens its element(s); returns how many to leave. */
  enterNode(node: LayoutNode): number {
    const top = this.top();
    if (top === ARTIFACT) return 0;
    if (node.role === 'Artifact') return this.enterArtifact();
    if (top.type === 'L') return this.enterListItem(top, node);
    if (top.type === 'TR' || top.type === 'TOCI') return this.enterCell(top, node);
    const role = node.role ?? defaultRole(node, top);
    if (role === null || role === 'none') return 0;
    if (role === 'Artifact') return this.enterArtifact();
    const el = this.push(top.add(role), node);
    if (role === 'Figure' && node.linkToDestination !== undefined) {
      // The annotation over a chart belongs to a Link element beside the Figure, not inside it:
      // a Figure's content is replaced by its Alt.
      el.link = top.add('Link');
      el.link.contents = node.linkContents ?? '';
    }
    return 1;
  }

  /** A list item: LI with a Lbl for its marker and an LBody for its content. */
  private enterListItem(list: StructElem, node: LayoutNode): number {
    const li = list.add('LI');
    const lbl = li.add('Lbl');
    const marker = node.listMarker;
    const inline = marker?._inlines?.[0];
    const vector = marker?.canvas?.[0];
    if (inline) inline._tagLbl = lbl.slot();
    if (vector) {
      vector._tagLbl = lbl.slot();
      lbl.actualText = '•';
    }
    this.stack.push(li);
    this.push(li.add('LBody'), node);
    return 2;
  }

  private enterCell(row: StructElem, node: LayoutNode): number {
    if (row.type === 'TOCI') {
      // Title and page number of an entry are one Link (with an annotation for each).
      const last = row.kids[row.kids.length - 1];
      const link = last instanceof StructElem && last.type === 'Link' && node.role === undefined ? last : row.add(node.role ?? 'Link');
      this.push(link, node);
      if (link.contents === undefined) link.contents = row.contents ?? '';
      return 1;
    }
    const header = (row as StructElem & { header?: boolean }).header === true;
    const role = node.role ?? (header ? 'TH' : 'TD');
    const el = this.push(row.add(role), node);
    if (role === 'TH' && el.scope === undefined) el.scope = header ? 'Column' : 'Row';
    return 1;
  }

  /** A table row is about to be laid out (TOC rows become TOCI). */
  enterRow(rowIndex: number, headerRows: number, cells: LayoutNode[]): number {
    const top = this.top();
    if (top === ARTIFACT) return 0;
    if (top.type === 'TOC') {
      const toci = this.push(top.add('TOCI'), {});
      const heading = plainText(cells[0]?.text);
      toci.contents = top.tocEntry === undefined ? heading : fillText(top.tocEntry, { kop: heading });
      return 1;
    }
    if (top.type !== 'Table') return 0;
    const tr = this.push(top.add('TR'), {}) as StructElem & { header?: boolean };
    tr.header = rowIndex < headerRows;
    return 1;
  }
}

function defaultRole(node: LayoutNode, parent: StructElem): string | null {
  if (node.toc) return 'TOC';
  if (node.table) return parent.type === 'TOC' ? null : 'Table';
  if (node.ul || node.ol) return 'L';
  if (node.svg || node.image || node.qr) return 'Figure';
  if (node.canvas) return 'Artifact';
  if (node.text !== undefined) return INLINE_CONTAINERS.has(parent.type) ? null : 'P';
  return null;
}

/** The text of a pdfmake text property (a string or nested inlines). */
export function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(plainText).join('');
  if (text && typeof text === 'object' && 'text' in text) return plainText((text as { text: unknown }).text);
  return '';
}
