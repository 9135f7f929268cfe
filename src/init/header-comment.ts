import { isMap, type Document } from 'yaml';

/**
 * The comment at the top of a copied file describes the previous edition. Its year becomes the new
 * one; a sentence about an earlier edition ("Ten opzichte van 2018: …") describes changes that are
 * no longer news and is left out. A line saying where the file came from goes first.
 */
export function renewHeaderComment(doc: Document, previousYear: number, year: number, origin: string): void {
  const first = isMap(doc.contents) ? doc.contents.items[0] : undefined;
  const key = first?.key as { commentBefore?: string | null } | undefined;
  const header = doc.commentBefore ?? key?.commentBefore ?? '';
  const kept: string[] = [];
  let dropping = false;
  for (const line of header.split('\n')) {
    const years = [...line.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
    if (!dropping && years.some((y) => y < previousYear)) dropping = true;
    if (dropping) {
      if (/[.)]\s*$/.test(line)) dropping = false;
      continue;
    }
    kept.push(line.replace(new RegExp(`\\b${previousYear}\\b`, 'g'), String(year)));
  }
  const text = [` ${origin}`, ...(kept.some((l) => l.trim()) ? ['', ...kept] : [])].join('\n');
  if (key && key.commentBefore) key.commentBefore = null;
  doc.commentBefore = text;
}
