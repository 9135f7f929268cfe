import { ARTIFACT, Slot, StructElem, type Stamp, type StructureTree } from './structure-tree.ts';

/** The parts of a PDFKit document the render half uses. */
export interface PdfKitDoc {
  page: { dictionary: PdfRef & { data: Record<string, unknown> }; annotations: PdfRef[] };
  addContent(s: string): unknown;
  ref(data: Record<string, unknown>): PdfRef;
  getStructTreeRoot(): PdfRef & { data: Record<string, unknown> };
}

export interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}

interface PageState {
  ref: PdfRef;
  /** ParentTree key of the page, when it has marked content. */
  key: number | null;
  /** Element of each MCID on the page, in MCID order. */
  owners: StructElem[];
}

/**
 * Render half of the tagging: wraps each page item in marked content as it is drawn, and writes
 * the structure tree and the ParentTree after the last page.
 */
export class MarkedContentWriter {
  private readonly pages: PageState[] = [];
  /** What is open on the current page: an element with its MCID, an Artifact, or nothing. */
  private open: { el: StructElem; mcid: number } | typeof ARTIFACT | null = null;
  private nextKey = 0;
  private readonly annotationKeys: { key: number; el: StructElem }[] = [];
  /** The element of the item being drawn (link annotations belong to it). */
  private current: StructElem | null = null;

  constructor(
    private readonly doc: PdfKitDoc,
    private readonly tree: StructureTree,
  ) {}

  startPage(): void {
    this.pages.push({ ref: this.doc.page.dictionary, key: null, owners: [] });
    this.open = null;
  }

  endPage(): void {
    this.close();
  }

  private close(): void {
    if (this.open !== null) this.doc.addContent('EMC');
    this.open = null;
  }

  /** Before an item is drawn: make sure the right marked content is open. */
  enterItem(stamp: Stamp | undefined): void {
    if (stamp === undefined) {
      // Not stamped during layout: drawn outside any marked content, so the checker reports it.
      this.close();
      this.current = null;
      return;
    }
    if (stamp === ARTIFACT) {
      this.current = null;
      if (this.open === ARTIFACT) return;
      this.close();
      this.doc.addContent('/Artifact BMC');
      this.open = ARTIFACT;
      return;
    }
    const el = stamp.el;
    this.current = el;
    if (this.open === null || this.open === ARTIFACT || this.open.el !== el) {
      this.close();
      const page = this.pages[this.pages.length - 1]!;
      if (page.key === null) {
        page.key = this.nextKey++;
        page.ref.data.StructParents = page.key;
      }
      const mcid = page.owners.length;
      page.owners.push(el);
      this.doc.addContent(`/${el.type} <</MCID ${mcid}>> BDC`);
      this.open = { el, mcid };
    }
    addRef(stamp, { page: this.pages.length - 1, mcid: this.open.mcid });
  }

  /**
   * A link annotation is about to be written for the item being drawn: returns the entries to add
   * to its dictionary (StructParent, Contents) and a callback for the written annotation.
   */
  linkAnnotation(): { entries: Record<string, unknown>; written: (annot: unknown) => void } {
    const el = this.current;
    const link = el?.type === 'Link' ? el : el?.link;
    if (!link) throw new Error(`tagged PDF: a link annotation outside a Link element (${el?.type ?? 'zonder element'})`);
    const key = this.nextKey++;
    this.annotationKeys.push({ key, el: link });
    const page = this.pages.length - 1;
    return {
      entries: { StructParent: key, Contents: new String(link.contents ?? '') },
      written: (annot) => link.slot().refs.push({ page, annot }),
    };
  }

  /** After the last page: writes the elements, the ParentTree and the StructTreeRoot entries. */
  finish(): void {
    this.close();
    const refs = new Map<StructElem, PdfRef>();
    const keep = new Set<StructElem>();
    markNonEmpty(this.tree.root, keep);
    const root = this.doc.getStructTreeRoot();
    const make = (el: StructElem, parentRef: PdfRef) => {
      if (!keep.has(el)) return;
      // /Type /StructElem is optional; left out, as are one-element K arrays: thousands of objects.
      const ref = this.doc.ref({ S: el.type, P: parentRef });
      refs.set(el, ref);
      for (const k of el.kids) if (k instanceof StructElem) make(k, ref);
    };
    make(this.tree.root, root);
    for (const [el, ref] of refs) {
      const kids = this.kidsOf(el, refs, ref);
      ref.data.K = kids.length === 1 ? kids[0] : kids;
    }
    for (const [el, ref] of refs) {
      if (el.alt !== undefined) ref.data.Alt = new String(el.alt);
      if (el.actualText !== undefined) ref.data.ActualText = new String(el.actualText);
      if (el.lang !== undefined) ref.data.Lang = new String(el.lang);
      if (el.scope !== undefined) ref.data.A = { O: 'Table', Scope: el.scope };
      ref.end();
    }
    const nums: unknown[] = [];
    const entries: [number, unknown][] = [];
    for (const p of this.pages) if (p.key !== null) entries.push([p.key, p.owners.map((el) => refs.get(el))]);
    for (const a of this.annotationKeys) entries.push([a.key, refs.get(a.el)]);
    entries.sort((x, y) => x[0] - y[0]);
    for (const [k, v] of entries) nums.push(k, v);
    const parentTree = this.doc.ref({ Nums: nums });
    parentTree.end();
    root.data.K = [refs.get(this.tree.root)];
    root.data.ParentTree = parentTree;
    root.data.ParentTreeNextKey = this.nextKey;
  }

  private kidsOf(el: StructElem, refs: Map<StructElem, PdfRef>, ref: PdfRef): unknown[] {
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (const k of el.kids) {
      if (k instanceof StructElem) {
        const r = refs.get(k);
        if (r) out.push(r);
        continue;
      }
      for (const c of k.refs) {
        const page = this.pages[c.page]!.ref;
        if ('annot' in c) {
          out.push({ Type: 'OBJR', Obj: c.annot, Pg: page });
          continue;
        }
        const id = `${c.page}/${c.mcid}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (ref.data.Pg === undefined) ref.data.Pg = page;
        out.push(ref.data.Pg === page ? c.mcid : { Type: 'MCR', Pg: page, MCID: c.mcid });
      }
    }
    return out;
  }
}

function addRef(slot: Slot, ref: { page: number; mcid: number }): void {
  const last = slot.refs[slot.refs.length - 1];
  if (last && 'mcid' in last && last.page === ref.page && last.mcid === ref.mcid) return;
  slot.refs.push(ref);
}

/** Elements with content somewhere below them; empty ones (an empty text) are left out. */
function markNonEmpty(el: StructElem, keep: Set<StructElem>): boolean {
  let any = false;
  for (const k of el.kids) {
    if (k instanceof StructElem) any = markNonEmpty(k, keep) || any;
    else if (k.refs.length) any = true;
  }
  if (any || el.parent === null) keep.add(el);
  return any || el.parent === null;
}
