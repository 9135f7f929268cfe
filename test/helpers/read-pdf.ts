import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfBookmark {
  title: string;
  page: number;
  children: PdfBookmark[];
}

export interface PdfContent {
  /** Text of each page (1-based page i at index i - 1), items joined with single spaces. */
  pages: string[];
  /** The raw text items of each page, in content order. */
  items: string[][];
  outline: PdfBookmark[];
  info: Record<string, unknown>;
  language: string | null;
}

/** Reads a PDF back the way a reader's viewer would: text per page and the bookmark tree. */
export async function readPdf(path: string): Promise<PdfContent> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const items: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const texts = content.items.map((it) => ('str' in it ? it.str : '')).filter((s) => s.trim() !== '');
    items.push(texts);
    pages.push(texts.join(' ').replace(/\s+/g, ' '));
  }
  const toBookmarks = async (nodes: Awaited<ReturnType<typeof doc.getOutline>>): Promise<PdfBookmark[]> => {
    const out: PdfBookmark[] = [];
    for (const n of nodes ?? []) {
      const dest = typeof n.dest === 'string' ? await doc.getDestination(n.dest) : n.dest;
      const ref = dest?.[0];
      const page = ref && typeof ref === 'object' ? (await doc.getPageIndex(ref)) + 1 : -1;
      out.push({ title: n.title, page, children: await toBookmarks(n.items) });
    }
    return out;
  };
  const outline = await toBookmarks(await doc.getOutline());
  const meta = await doc.getMetadata();
  const lang = readFileSync(path, 'latin1').match(/\/Lang\s*\(([^)]*)\)/)?.[1] ?? null;
  await doc.destroy();
  return { pages, items, outline, info: meta.info as Record<string, unknown>, language: lang };
}

export function flattenOutline(b: PdfBookmark[], depth = 0): (PdfBookmark & { depth: number })[] {
  return b.flatMap((x) => [{ ...x, depth }, ...flattenOutline(x.children, depth + 1)]);
}

/**
 * The table of contents as (title, page) pairs. TOC pages are the pages whose running header is
 * "Inhoudsopgave". pdfmake writes the page content first (each entry: its title, then its page
 * number), then the running header, then the footer (edition, page number) as the last two items.
 */
export function tableOfContents(pdf: PdfContent, tocTitle = 'Inhoudsopgave'): { title: string; page: number }[] {
  const entries: { title: string; page: number }[] = [];
  for (const texts of pdf.items) {
    if (!texts.includes(tocTitle)) continue;
    const body = texts.slice(0, -2).filter((t) => t !== tocTitle);
    let pending: string[] = [];
    for (const t of body) {
      if (/^\d+$/.test(t.trim()) && pending.length) {
        entries.push({ title: pending.join(' ').replace(/\s+/g, ' ').trim(), page: Number(t) });
        pending = [];
      } else pending.push(t);
    }
  }
  return entries;
}
