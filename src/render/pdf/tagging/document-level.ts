/**
 * Document-level entries of a PDF/UA-1 + PDF/A-2a file that PDFKit 0.19 leaves out or gets wrong:
 * escaped XMP with the PDF/UA identification and the extension-schema description PDF/A requires
 * for it, and bookmark /Count values.
 */

/** Settings for a pdfmake document definition: PDF 1.7, PDF/A-2a (sRGB output intent, pdfaid), tagged. */
export const TAGGED_PDF_SETTINGS = {
  version: '1.7',
  subset: 'PDF/A-2a',
  tagged: true,
  displayTitle: true,
} as const;

interface Outline {
  outlineData: Record<string, unknown>;
  options: { expanded?: boolean };
  children: Outline[];
}

interface FinishableDoc {
  outline: Outline;
  info: Record<string, unknown>;
  options: { lang?: string };
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

export function finishDocument(doc: FinishableDoc): void {
  outlineCounts(doc.outline, true);
  doc._addInfo = () => doc.appendXML(xmp(doc.info, doc.options.lang ?? null));
}

/**
 * /Count of every bookmark with children: the number of visible descendants, negative when the
 * item is closed. PDFKit writes it only for open items and never on the root. Returns the number
 * of descendants visible when `node` is open.
 */
function outlineCounts(node: Outline, isRoot = false): number {
  let visible = 0;
  for (const c of node.children) {
    const below = outlineCounts(c);
    visible += 1 + (c.options.expanded ? below : 0);
  }
  if (node.children.length) node.outlineData.Count = isRoot || node.options.expanded ? visible : -visible;
  // PDFKit would overwrite the count of open items with the number of their children.
  node.options = { ...node.options, expanded: false };
  return visible;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function xmp(info: Record<string, unknown>, lang: string | null): string {
  const text = (k: string) => (typeof info[k] === 'string' ? escapeXml(info[k] as string) : null);
  const created = info.CreationDate instanceof Date ? `${info.CreationDate.toISOString().split('.')[0]}Z` : null;
  const out: string[] = [];
  out.push('<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">');
  if (created) out.push(`<xmp:CreateDate>${created}</xmp:CreateDate>`);
  if (text('Creator')) out.push(`<xmp:CreatorTool>${text('Creator')}</xmp:CreatorTool>`);
  out.push('</rdf:Description>');
  out.push('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">', '<dc:format>application/pdf</dc:format>');
  if (text('Title')) out.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text('Title')}</rdf:li></rdf:Alt></dc:title>`);
  if (text('Author')) out.push(`<dc:creator><rdf:Seq><rdf:li>${text('Author')}</rdf:li></rdf:Seq></dc:creator>`);
  if (text('Subject')) out.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text('Subject')}</rdf:li></rdf:Alt></dc:description>`);
  if (lang) out.push(`<dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language>`);
  out.push('</rdf:Description>');
  out.push('<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">');
  if (text('Producer')) out.push(`<pdf:Producer>${text('Producer')}</pdf:Producer>`);
  if (text('Keywords')) out.push(`<pdf:Keywords>${text('Keywords')}</pdf:Keywords>`);
  out.push('</rdf:Description>');
  out.push('<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>');
  out.push(PDFUA_EXTENSION_SCHEMA);
  return out.join('\n');
}

/** PDF/A-2 accepts properties outside its predefined schemas only when they are described here. */
const PDFUA_EXTENSION_SCHEMA = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the document conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;
