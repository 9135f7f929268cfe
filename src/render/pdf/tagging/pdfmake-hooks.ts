import { createRequire } from 'node:module';
import { MarkedContentWriter, type PdfKitDoc } from './marked-content.ts';
import { ARTIFACT, StructureTree, type LayoutNode, type Stamp } from './structure-tree.ts';
import { finishDocument } from './document-level.ts';

/**
 * Tagged PDF for pdfmake 0.3.11 (pinned): wraps the few pdfmake functions through which every page
 * item passes, so that layout stamps each item with its structure element and rendering wraps it
 * in marked content. Applied explicitly, once, by `applyTagging()`; only documents with
 * `tagged: true` are affected. Depends on pdfmake internals: `test/render/pdf/tagging` checks the
 * result against the pinned version.
 */

const require = createRequire(import.meta.url);

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Proto = Record<string, Fn>;

function proto(file: string): Proto {
  return (require(`pdfmake/js/${file}.js`) as { default: { prototype: Proto } }).default.prototype;
}

interface Item {
  type: string;
  item: Record<string, unknown> & { _tag?: Stamp; _tagLbl?: Stamp; inlines?: { _tagLbl?: Stamp }[] };
}

interface RenderedDoc extends PdfKitDoc {
  _tagging?: { tree: StructureTree; writer?: MarkedContentWriter };
  options: { tagged?: boolean };
  addPage(opts: unknown): void;
  annotate(...args: unknown[]): unknown;
}

/** The structure tree of the document being laid out (layout is synchronous). */
let active: StructureTree | null = null;

/** The structure tree of the tagged document being laid out now, if any. */
export function activeStructureTree(): StructureTree | null {
  return active;
}

function wrap(p: Proto, name: string, around: (orig: Fn) => Fn): void {
  const orig = p[name];
  if (typeof orig !== 'function') throw new Error(`tagged PDF: pdfmake has no ${name} (version changed?)`);
  p[name] = around(orig);
}

let applied = false;

export function applyTagging(): void {
  if (applied) return;
  applied = true;
  const layout = proto('LayoutBuilder');
  const writer = proto('ElementWriter');
  const pageWriter = proto('PageElementWriter');
  const table = proto('TableProcessor');
  const renderer = proto('Renderer');

  wrap(layout, 'layoutDocument', (orig) =>
    function (this: unknown, docStructure: unknown, pdfDocument: RenderedDoc, ...rest: unknown[]) {
      if (!pdfDocument.options.tagged) return orig.call(this, docStructure, pdfDocument, ...rest);
      const tree = new StructureTree();
      pdfDocument._tagging = { tree };
      const before = active;
      active = tree;
      try {
        return orig.call(this, docStructure, pdfDocument, ...rest);
      } finally {
        active = before;
      }
    },
  );
  wrap(layout, 'tryLayoutDocument', (orig) =>
    function (this: unknown, ...args: unknown[]) {
      active?.reset();
      return orig.apply(this, args);
    },
  );
  wrap(layout, 'processNode', (orig) =>
    function (this: unknown, node: LayoutNode, ...rest: unknown[]) {
      const n = active?.enterNode(node) ?? 0;
      try {
        return orig.call(this, node, ...rest);
      } finally {
        active?.leave(n);
      }
    },
  );
  wrap(layout, 'processRow', (orig) =>
    function (this: unknown, row: { tableNode?: LayoutNode; rowIndex?: number; cells: LayoutNode[] }) {
      const n = row.tableNode && active ? active.enterRow(row.rowIndex ?? 0, row.tableNode.table?.headerRows ?? 0, row.cells) : 0;
      try {
        return orig.call(this, row);
      } finally {
        active?.leave(n);
      }
    },
  );
  // Running headers, footers and backgrounds; table rules and fills.
  const asArtifact = (orig: Fn) =>
    function (this: unknown, ...args: unknown[]) {
      const n = active?.enterArtifact() ?? 0;
      try {
        return orig.apply(this, args);
      } finally {
        active?.leave(n);
      }
    };
  wrap(layout, 'addDynamicRepeatable', asArtifact);
  wrap(layout, 'addBackground', asArtifact);
  for (const name of ['beginTable', 'beginRow', 'endRow', 'endTable']) wrap(table, name, asArtifact);

  // Every item pdfmake places on a page goes through one of these.
  const stamping = (orig: Fn, itemOf: (args: unknown[]) => Item['item'] | undefined) =>
    function (this: unknown, ...args: unknown[]) {
      const item = itemOf(args);
      if (active && item) {
        const lbl = item._tagLbl ?? item.inlines?.[0]?._tagLbl;
        item._tag = lbl ?? active.stamp();
      }
      return orig.apply(this, args);
    };
  for (const name of ['addLine', 'addImage', 'addSVG', 'addVector', 'addQr', 'addAttachment']) {
    wrap(writer, name, (orig) => stamping(orig, (args) => args[0] as Item['item']));
  }
  // Table header rows repeated after a page break are Artifacts (the first copy is the content).
  wrap(pageWriter, 'moveToNextPage', (orig) =>
    function (this: { repeatables: { items: Item[] }[] }, ...args: unknown[]) {
      if (!active) return orig.apply(this, args);
      const saved = this.repeatables.flatMap((rep) => rep.items.map((it) => [it.item, it.item._tag] as const));
      for (const [item] of saved) item._tag = ARTIFACT;
      try {
        return orig.apply(this, args);
      } finally {
        for (const [item, tag] of saved) item._tag = tag;
      }
    },
  );

  // Rendering: pdfmake's renderPages, with marked content around each item.
  wrap(renderer, 'renderPages', (orig) =>
    function (this: Proto & { pdfDocument: RenderedDoc }, pages: { items: Item[]; pageSize: { width: number; height: number }; watermark?: unknown }[]) {
      const doc = this.pdfDocument;
      const tagging = doc._tagging;
      if (!tagging) return orig.call(this, pages);
      const mc = new MarkedContentWriter(doc, tagging.tree);
      tagging.writer = mc;
      (doc as unknown as { _pdfMakePages: unknown })._pdfMakePages = pages;
      for (const page of pages) {
        doc.addPage({ size: [page.pageSize.width, page.pageSize.height] });
        mc.startPage();
        for (const { type, item } of page.items) {
          switch (type) {
            case 'vector':
              mc.enterItem(item._tag);
              this.renderVector!(item);
              break;
            case 'line':
              mc.enterItem(item._tag);
              this.renderLine!(item, item.x, item.y);
              break;
            case 'image':
              mc.enterItem(item._tag);
              this.renderImage!(item);
              break;
            case 'svg':
              mc.enterItem(item._tag);
              this.renderSVG!(item);
              break;
            case 'attachment':
              mc.enterItem(item._tag);
              this.renderAttachment!(item);
              break;
            // Clipping and alignment change the graphics state only: no marked content of their own.
            case 'beginClip':
              this.beginClip!(item);
              break;
            case 'endClip':
              this.endClip!();
              break;
            case 'beginVerticalAlignment':
              this.beginVerticalAlignment!(item);
              break;
            case 'endVerticalAlignment':
              this.endVerticalAlignment!(item);
              break;
          }
        }
        if (page.watermark) {
          mc.enterItem(ARTIFACT);
          this.renderWatermark!(page);
        }
        mc.endPage();
      }
      mc.finish();
      finishDocument(doc as never);
    },
  );

  // Link annotations of tagged documents: StructParent, Contents, and an OBJR in their Link element.
  const pdfDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: Proto } }).default.prototype;
  const annotate = findMethod(pdfDocument, 'annotate');
  pdfDocument.annotate = function (this: RenderedDoc, x: number, y: number, w: number, h: number, options: Record<string, unknown>) {
    const mc = this._tagging?.writer;
    if (!mc) return annotate.call(this, x, y, w, h, options);
    const link = mc.linkAnnotation();
    Object.assign(options, link.entries);
    const result = annotate.call(this, x, y, w, h, options);
    link.written(this.page.annotations[this.page.annotations.length - 1]);
    return result;
  };
}

function findMethod(p: object, name: string): Fn {
  for (let o: object | null = p; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d && typeof d.value === 'function') return d.value as Fn;
  }
  throw new Error(`tagged PDF: PDFKit has no ${name} (version changed?)`);
}
