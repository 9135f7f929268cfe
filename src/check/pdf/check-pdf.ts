import { execFileSync } from 'node:child_process';
import { readPageMarks, type PageMarks } from './content-marks.ts';
import { PdfObjects, pdfText, streamData, type PdfDict, type PdfValue } from './pdf-objects.ts';

/**
 * Checks what can be proven about a tagged PDF (PDF/UA-1, PDF/A-2a) without veraPDF or PAC:
 * every painted operator inside structure content or an Artifact, every MCID owned by exactly one
 * element and every owned MCID present, Figures with Alt, heading levels without gaps, tables with
 * TH (with Scope), link annotations tagged with Contents, catalog and XMP entries, embedded fonts
 * with ToUnicode, bookmark counts, and `qpdf --check`. Problems are Dutch sentences.
 */
export interface PdfCheckResult {
  file: string;
  problems: string[];
  facts: {
    pages: number;
    elements: number;
    figures: number;
    headings: number;
    tables: number;
    links: number;
    markedContent: number;
    artifactsAndContentOps: number;
  };
}

const STANDARD_TYPES = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

const ALLOWED_KIDS: Record<string, Set<string>> = {
  Table: new Set(['TR', 'THead', 'TBody', 'TFoot', 'Caption']),
  THead: new Set(['TR']),
  TBody: new Set(['TR']),
  TFoot: new Set(['TR']),
  TR: new Set(['TH', 'TD']),
  L: new Set(['LI', 'L', 'Caption']),
  LI: new Set(['Lbl', 'LBody']),
  TOC: new Set(['TOCI', 'TOC', 'Caption']),
};

const name = (v: PdfValue | undefined) => (typeof v === 'string' && v.startsWith('/') ? v.slice(1) : null);

export async function checkPdf(file: string): Promise<PdfCheckResult> {
  const problems: string[] = [];
  const facts: PdfCheckResult['facts'] = { pages: 0, elements: 0, figures: 0, headings: 0, tables: 0, links: 0, markedContent: 0, artifactsAndContentOps: 0 };
  const result = { file, problems, facts };

  problems.push(...qpdfCheck(file));
  let objs: PdfObjects;
  try {
    objs = PdfObjects.read(file);
  } catch (e) {
    problems.push(`qpdf kan de objecten niet lezen: ${(e as Error).message.split('\n')[0]}`);
    return result;
  }
  facts.pages = objs.pages.length;
  const pageNo = new Map(objs.pages.map((ref, i) => [ref, i + 1]));

  // Catalog and document level ------------------------------------------------------------------
  const cat = objs.catalog;
  if (objs.dict(cat['/MarkInfo'])?.['/Marked'] !== true) problems.push('Catalogus: /MarkInfo << /Marked true >> ontbreekt.');
  const lang = pdfText(objs.get(cat['/Lang']));
  if (!lang) problems.push('Catalogus: /Lang (de taal van het document) ontbreekt.');
  if (objs.dict(cat['/ViewerPreferences'])?.['/DisplayDocTitle'] !== true) problems.push('Catalogus: /ViewerPreferences << /DisplayDocTitle true >> ontbreekt.');
  const intents = objs.array(cat['/OutputIntents']).map((i) => objs.dict(i));
  if (!intents.some((i) => i && name(i['/S']) === 'GTS_PDFA1' && objs.isStream(i['/DestOutputProfile'] as PdfValue))) {
    problems.push('Catalogus: geen output intent GTS_PDFA1 met een ICC-profiel (sRGB).');
  }
  checkXmp(file, objs, cat, problems);
  checkOutlines(objs, cat, problems);
  checkFonts(objs, problems);

  // Structure tree ------------------------------------------------------------------------------
  const root = objs.dict(cat['/StructTreeRoot']);
  /** MCIDs owned per page number: mcid → element reference. */
  const owned = new Map<number, Map<number, string>>();
  const annotOwner = new Map<string, string>();
  const headings: number[] = [];
  if (!root) problems.push('Geen structuurboom (/StructTreeRoot): het document is niet getagd.');
  else {
    const roleMap = objs.dict(root['/RoleMap']) ?? {};
    const visit = (ref: PdfValue, parentType: string | null, path: string) => {
      const el = objs.dict(ref);
      if (!el) return;
      let type = name(el['/S']) ?? '?';
      if (!STANDARD_TYPES.has(type) && name(roleMap[`/${type}`])) type = name(roleMap[`/${type}`])!;
      facts.elements++;
      const where = `${path} > ${type}`;
      if (!STANDARD_TYPES.has(type)) problems.push(`Structuur: onbekend type ${type} (${where}).`);
      const allowed = parentType ? ALLOWED_KIDS[parentType] : undefined;
      if (allowed && !allowed.has(type)) problems.push(`Structuur: ${type} mag niet direct in ${parentType} staan (${where}).`);
      if (type === 'LI' || type === 'TR' || type === 'TOCI' || type === 'Lbl' || type === 'LBody' || type === 'TH' || type === 'TD') {
        const need = { LI: ['L'], TR: ['Table', 'THead', 'TBody', 'TFoot'], TOCI: ['TOC'], Lbl: ['LI'], LBody: ['LI'], TH: ['TR'], TD: ['TR'] }[type]!;
        if (!parentType || !need.includes(parentType)) problems.push(`Structuur: ${type} staat niet in ${need.join('/')} (${where}).`);
      }
      const h = /^H([1-6])$/.exec(type);
      if (h) headings.push(Number(h[1]));
      if (type === 'H') problems.push(`Structuur: kop zonder niveau (H) (${where}); gebruik H1–H6.`);
      if (type === 'Figure') {
        facts.figures++;
        const alt = pdfText(objs.get(el['/Alt']));
        if (!alt || !alt.trim()) problems.push(`Figure zonder alternatieve tekst (/Alt) (${where}, pagina ${pageNo.get(String(el['/Pg'])) ?? '?'}).`);
      }
      if (type === 'Table') facts.tables++;
      if (type === 'TH') {
        const attrs = objs.array(el['/A']).map((a) => objs.dict(a));
        if (!attrs.some((a) => a && name(a['/O']) === 'Table' && name(a['/Scope']))) problems.push(`TH zonder /Scope (${where}).`);
      }
      const kids = objs.array(el['/K']);
      let hasTh = false;
      for (const k of kids) {
        if (typeof k === 'number') {
          own(owned, pageNo.get(String(el['/Pg'])) ?? -1, k, String(ref), problems, where);
          continue;
        }
        const kd = objs.dict(k);
        if (!kd) continue;
        const kt = name(kd['/Type']);
        if (kt === 'MCR') {
          own(owned, pageNo.get(String(kd['/Pg'] ?? el['/Pg'])) ?? -1, Number(kd['/MCID']), String(ref), problems, where);
        } else if (kt === 'OBJR') {
          annotOwner.set(String(kd['/Obj']), String(ref));
          if (type !== 'Link' && type !== 'Annot' && type !== 'Form') problems.push(`Annotatie in een ${type}-element in plaats van Link (${where}).`);
        } else {
          if (type === 'Table' || type === 'THead' || type === 'TBody') hasTh ||= tableHasTh(objs, kd);
          visit(k, type, where);
        }
      }
      if (type === 'Table' && !hasTh) problems.push(`Tabel zonder kopcellen (TH) (${where}).`);
      if (type === 'Link') {
        facts.links++;
        if (!kids.some((k) => name(objs.dict(k)?.['/Type']) === 'OBJR')) problems.push(`Link-element zonder annotatie (OBJR) (${where}).`);
      }
    };
    for (const k of objs.array(root['/K'])) visit(k, null, 'StructTreeRoot');
    facts.headings = headings.length;
    if (headings.length && headings[0] !== 1) problems.push(`De eerste kop is H${headings[0]}, niet H1.`);
    for (let i = 1; i < headings.length; i++) {
      if (headings[i]! > headings[i - 1]! + 1) problems.push(`Kopniveau overgeslagen: H${headings[i - 1]} gevolgd door H${headings[i]} (kop ${i + 1}).`);
    }
    checkParentTree(objs, root, owned, annotOwner, problems);
  }

  // Annotations -----------------------------------------------------------------------------------
  objs.pages.forEach((ref, i) => {
    const page = objs.dict(ref) ?? {};
    const annots = objs.array(page['/Annots']);
    if (annots.length && name(page['/Tabs']) !== 'S') problems.push(`Pagina ${i + 1}: annotaties maar geen /Tabs /S.`);
    for (const a of annots) {
      const ad = objs.dict(a);
      if (!ad) continue;
      const sub = name(ad['/Subtype']);
      if (sub === 'Link') {
        if (!pdfText(objs.get(ad['/Contents']))?.trim()) problems.push(`Pagina ${i + 1}: link zonder /Contents (beschrijving).`);
        if (typeof ad['/StructParent'] !== 'number') problems.push(`Pagina ${i + 1}: link zonder /StructParent (niet getagd).`);
        if (!annotOwner.has(String(a))) problems.push(`Pagina ${i + 1}: link ${String(a)} hoort bij geen Link-element.`);
      }
    }
  });

  // Content streams ------------------------------------------------------------------------------
  let marks: PageMarks[];
  try {
    marks = await readPageMarks(file);
  } catch (e) {
    problems.push(`pdfjs kan de pagina's niet lezen: ${(e as Error).message}`);
    return result;
  }
  marks.forEach((m, i) => {
    const p = i + 1;
    facts.markedContent += m.mcids.length;
    facts.artifactsAndContentOps += m.painted;
    if (m.untagged) problems.push(`Pagina ${p}: ${m.untagged} tekenoperatie(s) buiten gemarkeerde inhoud (geen structuur, geen Artifact).`);
    const own = owned.get(p) ?? new Map<number, string>();
    const seen = new Set<number>();
    for (const { mcid } of m.mcids) {
      if (seen.has(mcid)) problems.push(`Pagina ${p}: MCID ${mcid} komt twee keer voor.`);
      seen.add(mcid);
      if (!own.has(mcid)) problems.push(`Pagina ${p}: MCID ${mcid} hoort bij geen structuurelement.`);
    }
    for (const mcid of own.keys()) if (!seen.has(mcid)) problems.push(`Pagina ${p}: structuurelement verwijst naar MCID ${mcid}, die niet op de pagina staat.`);
  });
  return result;
}

function own(owned: Map<number, Map<number, string>>, page: number, mcid: number, el: string, problems: string[], where: string): void {
  let m = owned.get(page);
  if (!m) owned.set(page, (m = new Map()));
  const prev = m.get(mcid);
  if (prev !== undefined && prev !== el) problems.push(`Pagina ${page}: MCID ${mcid} hoort bij twee elementen (${where}).`);
  m.set(mcid, el);
}

function tableHasTh(objs: PdfObjects, el: PdfDict): boolean {
  const t = name(el['/S']);
  if (t === 'TH') return true;
  if (t !== 'TR' && t !== 'THead' && t !== 'TBody' && t !== 'TFoot') return false;
  return objs.array(el['/K']).some((k) => {
    const d = objs.dict(k);
    return !!d && name(d['/Type']) !== 'MCR' && name(d['/Type']) !== 'OBJR' && tableHasTh(objs, d);
  });
}

/** Number tree entries (Nums, possibly under Kids). */
function numberTree(objs: PdfObjects, node: PdfValue | undefined, out = new Map<number, PdfValue>()): Map<number, PdfValue> {
  const d = objs.dict(node);
  if (!d) return out;
  const nums = objs.array(d['/Nums']);
  for (let i = 0; i + 1 < nums.length; i += 2) out.set(Number(nums[i]), nums[i + 1]!);
  for (const k of objs.array(d['/Kids'])) numberTree(objs, k, out);
  return out;
}

function checkParentTree(objs: PdfObjects, root: PdfDict, owned: Map<number, Map<number, string>>, annotOwner: Map<string, string>, problems: string[]): void {
  const tree = numberTree(objs, root['/ParentTree']);
  if (!tree.size) {
    problems.push('Structuurboom zonder /ParentTree.');
    return;
  }
  objs.pages.forEach((ref, i) => {
    const page = objs.dict(ref) ?? {};
    const key = page['/StructParents'];
    const own = owned.get(i + 1);
    if (typeof key !== 'number') {
      if (own?.size) problems.push(`Pagina ${i + 1}: gemarkeerde inhoud maar geen /StructParents.`);
      return;
    }
    const arr = objs.array(tree.get(key));
    for (const [mcid, el] of own ?? []) {
      if (String(arr[mcid]) !== el) problems.push(`Pagina ${i + 1}: /ParentTree wijst MCID ${mcid} niet aan zijn element toe.`);
    }
    for (const a of objs.array(page['/Annots'])) {
      const ad = objs.dict(a);
      const sp = ad?.['/StructParent'];
      if (typeof sp === 'number' && String(tree.get(sp)) !== annotOwner.get(String(a))) problems.push(`Pagina ${i + 1}: /ParentTree wijst link ${String(a)} niet aan zijn Link-element toe.`);
    }
  });
}

function checkXmp(file: string, objs: PdfObjects, cat: PdfDict, problems: string[]): void {
  const ref = cat['/Metadata'];
  if (typeof ref !== 'string' || !objs.isStream(ref)) {
    problems.push('Catalogus: geen XMP-metadata (/Metadata).');
    return;
  }
  const xmp = streamData(file, ref);
  const tag = (t: string) => new RegExp(`<${t}>\\s*([^<]*?)\\s*</${t}>`).exec(xmp)?.[1] ?? null;
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmp)?.[1];
  if (!title?.trim()) problems.push('XMP: dc:title ontbreekt of is leeg.');
  if (tag('pdfuaid:part') !== '1') problems.push('XMP: pdfuaid:part is niet 1 (geen PDF/UA-1-identificatie).');
  if (tag('pdfaid:part') !== '2') problems.push('XMP: pdfaid:part is niet 2 (geen PDF/A-2-identificatie).');
  if (tag('pdfaid:conformance') !== 'A') problems.push('XMP: pdfaid:conformance is niet A.');
  if (!/<pdfaSchema:namespaceURI>\s*http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/\s*<\/pdfaSchema:namespaceURI>/.test(xmp)) {
    problems.push('XMP: de PDF/A-extensieschemabeschrijving voor pdfuaid ontbreekt.');
  }
  if (/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-fA-F]+;)/.test(xmp)) problems.push('XMP: niet-ge-escapete & in de metadata.');
  const info = objs.dict(objs.trailer['/Info']);
  const infoTitle = pdfText(objs.get(info?.['/Title']));
  if (title && infoTitle && unescapeXml(title) !== infoTitle) problems.push('XMP: dc:title wijkt af van de titel in /Info.');
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

function checkOutlines(objs: PdfObjects, cat: PdfDict, problems: string[]): void {
  const visit = (ref: PdfValue | undefined, depth: number) => {
    const d = objs.dict(ref);
    if (!d || depth > 50) return;
    if (d['/First'] !== undefined && typeof d['/Count'] !== 'number') {
      problems.push(`Bladwijzer '${pdfText(objs.get(d['/Title'])) ?? '(hoofdniveau)'}' heeft onderliggende bladwijzers maar geen /Count.`);
    }
    for (let k = d['/First']; k !== undefined; k = objs.dict(k)?.['/Next']) visit(k, depth + 1);
  };
  if (cat['/Outlines'] !== undefined) visit(cat['/Outlines'], 0);
}

function checkFonts(objs: PdfObjects, problems: string[]): void {
  for (const [ref, d] of objs.all()) {
    if (name(d['/Type']) !== 'Font') continue;
    const sub = name(d['/Subtype']);
    if (sub === 'CIDFontType0' || sub === 'CIDFontType2' || sub === 'Type3') continue;
    const fontName = name(d['/BaseFont']) ?? ref;
    const descriptor = sub === 'Type0' ? objs.dict(objs.dict(objs.array(d['/DescendantFonts'])[0])?.['/FontDescriptor']) : objs.dict(d['/FontDescriptor']);
    if (!descriptor || !['/FontFile', '/FontFile2', '/FontFile3'].some((k) => descriptor[k] !== undefined)) problems.push(`Lettertype ${fontName} is niet ingebed.`);
    if (d['/ToUnicode'] === undefined) problems.push(`Lettertype ${fontName} heeft geen /ToUnicode (tekst niet betrouwbaar te kopiëren of voor te lezen).`);
  }
}

function qpdfCheck(file: string): string[] {
  try {
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
    return [];
  } catch (e) {
    const err = e as { code?: string; stdout?: Buffer; stderr?: Buffer; status?: number };
    if (err.code === 'ENOENT') return ['qpdf is niet geïnstalleerd: installeer qpdf (Debian: apt-get install qpdf) en controleer opnieuw.'];
    const text = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.trim().split('\n').filter((l) => !/not linearized|No syntax or stream|errors that qpdf cannot detect/.test(l));
    return [`qpdf --check meldt fouten (afsluitcode ${err.status}): ${text.slice(0, 5).join(' | ')}`];
  }
}
